import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditQuery } from '../../../../common/schemas/audit.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { zodRule } from '../../app/zodRule.ts';
import { JsonSideBySide } from '../../components/JsonSideBySide.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { type AuditEntry, type AuditFilters, listAudit } from './auditApi.ts';

interface FilterValues {
  entityType?: string;
  entityId?: string;
  actor?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

// The kinds of records the server audits so far; the filter still accepts any other type typed in.
const ENTITY_TYPES = ['user', 'session', 'organization', 'job', 'outbox', 'invoice'];

const trimmed = (value: string | undefined) => value?.trim() || undefined;

export function AuditPage() {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const paging = useCursorPages();

  const query = useQuery({
    queryKey: ['audit', filters, paging.cursor],
    queryFn: () => listAudit(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });

  const onFilter = (values: FilterValues) => {
    setFilters({
      entityType: trimmed(values.entityType),
      entityId: trimmed(values.entityId),
      actor: trimmed(values.actor),
      from: values.range?.[0]?.format('YYYY-MM-DD'),
      to: values.range?.[1]?.format('YYYY-MM-DD'),
    });
    paging.reset();
  };

  const columns: TableColumnsType<AuditEntry> = [
    {
      key: 'at',
      title: t('audit.at'),
      dataIndex: 'at',
      width: 160,
      render: (at: string) => formatInstant(at, timeZone),
    },
    {
      key: 'actor',
      title: t('audit.actor'),
      width: 150,
      render: (_: unknown, entry) => entry.actorName ?? t(`audit.actorKinds.${entry.actorKind}`),
    },
    {
      key: 'entityType',
      title: t('audit.entityType'),
      dataIndex: 'entityType',
      width: 110,
      render: (type: string) => t(`audit.entityTypes.${type}`, { defaultValue: type }),
    },
    {
      key: 'entityId',
      title: t('audit.entityId'),
      dataIndex: 'entityId',
      // Typography's own ellipsis keeps the copy button in view; the column's would cut it off with the text.
      render: (id: string) => (
        <Typography.Text copyable={{ text: id }} ellipsis={{ tooltip: id }}>
          {id}
        </Typography.Text>
      ),
    },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      width: 140,
      render: (action: string) => <Tag>{t(`audit.actions.${action}`, { defaultValue: action })}</Tag>,
    },
    { key: 'requestId', title: t('audit.requestId'), dataIndex: 'requestId', width: 200, ellipsis: true },
  ];

  return (
    <>
      <PageHeader title={t('nav.audit')} subtitle={t('audit.subtitle')} />
      <Card>
        <Form<FilterValues>
          form={form}
          layout="inline"
          onFinish={onFilter}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="entityType">
            <AutoComplete
              placeholder={t('audit.entityType')}
              allowClear
              style={{ width: 160 }}
              options={ENTITY_TYPES.map((type) => ({
                value: type,
                label: `${t(`audit.entityTypes.${type}`)} (${type})`,
              }))}
            />
          </Form.Item>
          <Form.Item name="entityId">
            <Input placeholder={t('audit.entityId')} allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="actor" rules={[zodRule(auditQuery.shape.actor, t('audit.actorInvalid'))]}>
            <Input placeholder={t('audit.actorId')} allowClear style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="range">
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit">
              {t('common.search')}
            </Button>
          </Form.Item>
          <Form.Item>
            <Button
              onClick={() => {
                form.resetFields();
                onFilter({});
              }}
            >
              {t('common.reset')}
            </Button>
          </Form.Item>
        </Form>
        <PagedTable<AuditEntry>
          query={query}
          paging={paging}
          columns={columns}
          scroll={{ x: 980 }}
          expandable={{
            expandedRowRender: (entry) => (
              <JsonSideBySide
                left={entry.before}
                right={entry.after}
                leftTitle={t('audit.before')}
                rightTitle={t('audit.after')}
                changedTitle={t('audit.changedFields')}
                emptyText={t('audit.noData')}
              />
            ),
          }}
          emptyText={t('audit.empty')}
        />
      </Card>
    </>
  );
}
