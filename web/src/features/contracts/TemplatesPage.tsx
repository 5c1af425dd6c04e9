import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  Row,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_KINDS, templateBody } from '../../../../common/schemas/contracts.ts';
import { formatInstant } from '../../app/format.ts';
import { showError } from '../../app/formErrors.ts';
import { useUser } from '../../app/session.tsx';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import {
  CONTRACTS,
  createTemplate,
  type TemplateKind,
  type TemplateView,
  useContractRoles,
  useTemplates,
} from './contractsApi.ts';

interface Values {
  title: string;
  clauses: string;
}

/** A new version of a kind's template; contracts drafted from now on take it, signed ones keep theirs. */
function NewVersionModal({
  kind,
  latest,
  onClose,
}: {
  kind: TemplateKind;
  latest?: TemplateView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const save = async (v: Values) => {
    setSubmitting(true);
    try {
      const saved = await createTemplate({ kind, title: v.title.trim(), clauses: v.clauses.trim() });
      await queryClient.invalidateQueries({ queryKey: [CONTRACTS, 'templates'] });
      void message.success(t('contracts.templates.saved', { version: saved.version }));
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };
  const required = { required: true, whitespace: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      open
      title={t('contracts.templates.newTitle', { kind: t(`contracts.templateKinds.${kind}`) })}
      okText={t('common.save')}
      form={form}
      submitting={submitting}
      width={900}
      initialValues={{ title: latest?.title ?? '', clauses: latest?.clauses ?? '' }}
      onCancel={onClose}
      onFinish={(v) => void save(v)}
    >
      <Form.Item
        name="title"
        label={t('contracts.templates.title')}
        rules={[required, zodRule(templateBody.shape.title, t('validation.tooLong', { max: 100 }))]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="clauses"
        label={t('contracts.terms.clauses')}
        rules={[required]}
        extra={t('contracts.templates.mergeHint', { fields: '{{承租方}}、{{租赁用途}}' })}
      >
        <Input.TextArea autoSize={{ minRows: 16, maxRows: 30 }} maxLength={40_000} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** The contract templates by kind, every version kept; administrators add versions, everyone reads. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const { admin } = useContractRoles();
  const query = useTemplates();
  const [editing, setEditing] = useState<TemplateKind | null>(null);
  const columns: TableColumnsType<TemplateView> = [
    {
      key: 'version',
      title: t('contracts.versions.version'),
      width: 112,
      render: (_: unknown, tpl) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          v{tpl.version}{' '}
          {tpl === query.data?.find((x) => x.kind === tpl.kind) && (
            <Tag color="green">{t('contracts.templates.current')}</Tag>
          )}
        </span>
      ),
    },
    { key: 'title', title: t('contracts.templates.title'), dataIndex: 'title' },
    {
      key: 'by',
      title: t('contracts.templates.createdBy'),
      width: 96,
      // The first version of each kind comes with Tenantry.
      render: (_: unknown, tpl) => tpl.createdBy?.name ?? t('contracts.templates.builtIn'),
    },
    {
      key: 'at',
      title: t('contracts.templates.createdAt'),
      dataIndex: 'createdAt',
      width: 104,
      // The day, for a half-width card; the minute on hover.
      render: (at: string) => (
        <span title={formatInstant(at, timeZone).slice(0, 16)} style={{ whiteSpace: 'nowrap' }}>
          {formatInstant(at, timeZone).slice(0, 10)}
        </span>
      ),
    },
  ];
  if (query.isError) return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  return (
    <>
      <PageHeader title={t('nav.contractTemplates')} subtitle={t('contracts.templates.subtitle')} />
      {!query.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Row gutter={[16, 16]}>
          {TEMPLATE_KINDS.map((kind) => {
            const versions = query.data.filter((tpl) => tpl.kind === kind);
            return (
              <Col xs={24} xl={12} key={kind}>
                <Card
                  size="small"
                  title={t(`contracts.templateKinds.${kind}`)}
                  extra={
                    admin && (
                      <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(kind)}>
                        {t('contracts.templates.newVersion')}
                      </Button>
                    )
                  }
                >
                  <Table<TemplateView>
                    size="small"
                    rowKey="id"
                    pagination={false}
                    columns={columns}
                    dataSource={versions}
                    expandable={{
                      expandedRowRender: (tpl) => (
                        <Typography.Paragraph
                          style={{ whiteSpace: 'pre-wrap', maxHeight: 320, overflow: 'auto', margin: 0 }}
                        >
                          {tpl.clauses}
                        </Typography.Paragraph>
                      ),
                    }}
                    locale={{
                      emptyText: (
                        <Empty
                          image={Empty.PRESENTED_IMAGE_SIMPLE}
                          description={t('contracts.templates.empty')}
                        />
                      ),
                    }}
                  />
                </Card>
              </Col>
            );
          })}
        </Row>
      )}
      {editing && (
        <NewVersionModal
          kind={editing}
          latest={query.data?.find((tpl) => tpl.kind === editing)}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
