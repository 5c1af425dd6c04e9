import { CheckCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Spin, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ValidityTag } from '../customers/CustomerTags.tsx';
import { CUSTOMERS, documentFileUrl, listDocuments } from '../customers/customersApi.ts';

/** The customer's qualification documents, as the reviewers check them against the application. */
export function DocumentsCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [CUSTOMERS, 'documents', customerId],
    queryFn: () => listDocuments(customerId),
  });
  const docs = query.data ?? [];

  return (
    <Card
      size="small"
      title={t('applications.documents')}
      extra={<Link to={`/customers/${customerId}?tab=documents`}>{t('applications.openDocuments')}</Link>}
      data-testid="documents"
    >
      {query.isPending ? (
        <Spin size="small" />
      ) : query.isError ? (
        <Typography.Text type="danger">{query.error.message}</Typography.Text>
      ) : docs.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.documents.empty')} />
      ) : (
        <Flex vertical gap={8}>
          {docs.map((doc) => (
            <Flex key={doc.id} gap={8} align="center" justify="space-between">
              <a href={documentFileUrl(customerId, doc.id)} download={doc.fileName} style={{ minWidth: 0 }}>
                <DownloadOutlined /> {t(`customers.documentKinds.${doc.kind}`)}
              </a>
              <Flex gap={6} align="center" style={{ whiteSpace: 'nowrap' }}>
                {/* A document without an end date says so in its tag (长期). */}
                {doc.expiresOn && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {doc.expiresOn}
                  </Typography.Text>
                )}
                <ValidityTag document={doc} />
                {doc.verifiedAt && (
                  <Tooltip title={`${t('customers.documents.verifiedYes')} · ${doc.verifiedByName ?? ''}`}>
                    <CheckCircleFilled style={{ color: '#52c41a' }} />
                  </Tooltip>
                )}
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
