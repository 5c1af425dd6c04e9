import { ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OUTBOX_STATUSES } from '../../../../common/schemas/outbox.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, FilterBar, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { OutboxDrawer } from './OutboxDrawer.tsx';
import { OutboxStatusTag } from './OutboxStatusTag.tsx';
import { listOutbox, type OutboxFilters, type OutboxItem, type OutboxStatus } from './outboxApi.ts';
import { useRetry } from './useRetry.ts';

export function OutboxPage() {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const [filters, setFilters] = useState<OutboxFilters>({});
  const [search, setSearch] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const paging = useCursorPages();
  const retry = useRetry();

  const query = useQuery({
    queryKey: ['outbox', 'list', filters, paging.cursor],
    queryFn: () => listOutbox(filters, paging.cursor),
    placeholderData: keepPreviousData,
    // deliver-outbox changes statuses in the background (e.g. run from the Jobs page a moment ago):
    // coming back to this page must show them as they are now, not as they were cached.
    staleTime: 0,
  });

  const applyFilters = (change: Partial<OutboxFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    paging.reset();
  };

  const items = query.data?.items ?? [];
  // Only a failed message has an action; without one on the page the column would stand empty over the times.
  const anyFailed = items.some((item) => item.status === 'failed');

  const columns: TableColumnsType<OutboxItem> = [
    {
      key: 'to',
      title: t('outbox.recipients'),
      dataIndex: 'to',
      width: 180,
      render: (to: string[], item) => <Clipped text={[...to, ...item.cc].join(', ')} />,
    },
    {
      key: 'subject',
      title: t('outbox.subject'),
      dataIndex: 'subject',
      render: (subject: string) => <Clipped text={subject} />,
    },
    {
      key: 'status',
      title: t('outbox.status'),
      dataIndex: 'status',
      width: 112,
      render: (status: OutboxStatus) => <OutboxStatusTag status={status} />,
    },
    { key: 'attempts', title: t('outbox.attempts'), dataIndex: 'attempts', width: 80, align: 'right' },
    {
      key: 'lastError',
      title: t('outbox.lastError'),
      dataIndex: 'lastError',
      width: 140,
      render: (error: string | null) => <Clipped text={error} danger />,
    },
    // 100 px puts the date over the time, so all columns fit 1280 px wide.
    {
      key: 'createdAt',
      title: t('outbox.createdAt'),
      dataIndex: 'createdAt',
      width: 100,
      render: (at: string) => formatInstant(at, timeZone),
    },
    {
      key: 'sentAt',
      title: t('outbox.sentAt'),
      dataIndex: 'sentAt',
      width: 100,
      render: (at: string | null) => formatInstant(at, timeZone),
    },
  ];
  if (anyFailed) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 80,
      fixed: 'right',
      render: (_: unknown, item) =>
        item.status === 'failed' && (
          <Button
            type="link"
            size="small"
            loading={retry.isPending && retry.variables === item.id}
            onClick={(e) => {
              e.stopPropagation();
              retry.mutate(item.id);
            }}
          >
            {t('outbox.retry')}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.outbox')}
        subtitle={t('outbox.subtitle')}
        extra={
          <Button icon={<ReloadOutlined />} loading={query.isFetching} onClick={() => void query.refetch()}>
            {t('common.refresh')}
          </Button>
        }
      />
      <Card>
        <FilterBar>
          <Input.Search
            allowClear
            placeholder={t('outbox.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => applyFilters({ q: q.trim() || undefined })}
            style={{ width: 280 }}
          />
          <Select<OutboxStatus>
            allowClear
            placeholder={t('outbox.filterStatus')}
            value={filters.status}
            onChange={(status) => applyFilters({ status })}
            options={OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
            style={{ width: 160 }}
          />
        </FilterBar>
        <PagedTable<OutboxItem>
          query={query}
          paging={paging}
          columns={columns}
          // The subject takes what the others leave; below 160 px for it the table scrolls sideways.
          scroll={{ x: minTableWidth(columns, 160) }}
          // Without the action column antd would lay out by content, and a long subject would squeeze the times.
          tableLayout="fixed"
          onOpen={(item) => setOpenId(item.id)}
          emptyText={t('outbox.empty')}
        />
      </Card>
      <OutboxDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
