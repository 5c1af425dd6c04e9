import { CheckCircleFilled, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Space, Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { showError } from '../../app/formErrors.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, minTableWidth } from '../../components/PagedTable.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { ValidityTag } from './CustomerTags.tsx';
import {
  CUSTOMERS,
  type CustomerView,
  type DocumentView,
  deleteDocument,
  documentFileUrl,
  listDocuments,
  useCanEditCustomers,
  verifyDocument,
} from './customersApi.ts';
import { fileSize } from './customersFormat.ts';
import { DocumentUploadModal } from './DocumentUploadModal.tsx';

export function DocumentsTab({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const timeZone = useUser().org.timeZone;
  const canEdit = useCanEditCustomers();
  const [uploading, setUploading] = useState(false);
  const query = useQuery({
    queryKey: [CUSTOMERS, 'documents', customer.id],
    queryFn: () => listDocuments(customer.id),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });

  const setVerified = async (doc: DocumentView, verified: boolean) => {
    try {
      await verifyDocument(customer.id, doc.id, verified);
      void message.success(
        t(verified ? 'customers.documents.verifiedDone' : 'customers.documents.unverifiedDone'),
      );
      await refresh();
    } catch (e) {
      showError(e, message);
    }
  };
  const remove = (doc: DocumentView) =>
    modal.confirm({
      title: t('customers.documents.deleteTitle', { name: doc.fileName }),
      okText: t('common.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await deleteDocument(customer.id, doc.id);
          void message.success(t('customers.documents.deleted', { name: doc.fileName }));
          await refresh();
        } catch (e) {
          showError(e, message);
        }
      },
    });

  const columns: TableColumnsType<DocumentView> = [
    {
      key: 'kind',
      title: t('customers.documents.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (kind: DocumentView['kind']) => t(`customers.documentKinds.${kind}`),
    },
    {
      key: 'file',
      title: t('customers.documents.file'),
      render: (_: unknown, doc) => (
        <Flex vertical style={{ minWidth: 0 }}>
          <a href={documentFileUrl(customer.id, doc.id)} download={doc.fileName} style={{ minWidth: 0 }}>
            <DownloadOutlined /> <Clipped text={doc.title || doc.fileName} />
          </a>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[doc.documentNo, fileSize(doc.size)].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'dates',
      title: t('customers.documents.period'),
      width: 180,
      render: (_: unknown, doc) =>
        doc.issuedOn || doc.expiresOn ? (
          <span style={{ whiteSpace: 'nowrap' }}>
            {doc.issuedOn ?? '…'} ~ {doc.expiresOn ?? t('customers.documents.noExpiry')}
          </span>
        ) : null,
    },
    {
      key: 'validity',
      title: t('customers.documents.validity'),
      width: 86,
      render: (_: unknown, doc) => <ValidityTag document={doc} />,
    },
    {
      key: 'verified',
      title: t('customers.documents.verified'),
      width: 110,
      render: (_: unknown, doc) =>
        doc.verifiedAt ? (
          <Tooltip title={formatInstant(doc.verifiedAt, timeZone)}>
            <span style={{ whiteSpace: 'nowrap', color: '#389e0d' }}>
              <CheckCircleFilled /> {doc.verifiedByName ?? t('customers.documents.verifiedYes')}
            </span>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t('customers.documents.verifiedNo')}</Typography.Text>
        ),
    },
    {
      key: 'uploaded',
      title: t('customers.documents.uploadedAt'),
      width: 140,
      render: (_: unknown, doc) => (
        <Flex vertical>
          <span>{formatInstant(doc.uploadedAt, timeZone).slice(0, 16)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {doc.uploadedByName}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 130,
      render: (_: unknown, doc) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => void setVerified(doc, !doc.verifiedAt)}>
            {t(doc.verifiedAt ? 'customers.documents.unverify' : 'customers.documents.verify')}
          </Button>
          <Button type="link" size="small" danger onClick={() => remove(doc)}>
            {t('customers.delete')}
          </Button>
        </Space>
      ),
    });
  }

  if (query.isError) return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  return (
    <>
      {canEdit && (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)}>
            {t('customers.documents.upload')}
          </Button>
        </Flex>
      )}
      <Table<DocumentView>
        size="small"
        rowKey="id"
        pagination={false}
        loading={query.isPending}
        columns={columns}
        scroll={{ x: minTableWidth(columns, 200) }}
        dataSource={query.data ?? []}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.documents.empty')} />
          ),
        }}
      />
      {uploading && <DocumentUploadModal customer={customer} onClose={() => setUploading(false)} />}
    </>
  );
}
