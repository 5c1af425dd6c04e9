import type { UseQueryResult } from '@tanstack/react-query';
import { Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';
import type { JobRun, JobStatus } from './jobsApi.ts';

export const STATUS_COLOR: Record<JobStatus, string> = {
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

interface Props {
  runs: UseQueryResult<Page<JobRun>>;
  paging: ReturnType<typeof useCursorPages>;
}

export function JobRunsTable({ runs, paging }: Props) {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;

  const columns: TableColumnsType<JobRun> = [
    {
      key: 'job',
      title: t('jobs.job'),
      dataIndex: 'job',
      width: 180,
      render: (job: string) => t(`jobs.names.${job}`, { defaultValue: job }),
    },
    { key: 'businessDate', title: t('jobs.businessDate'), dataIndex: 'businessDate', width: 120 },
    {
      key: 'trigger',
      title: t('jobs.trigger'),
      dataIndex: 'trigger',
      width: 90,
      render: (trigger: JobRun['trigger']) => t(`jobs.triggers.${trigger}`),
    },
    {
      key: 'status',
      title: t('jobs.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: JobStatus) => <Tag color={STATUS_COLOR[status]}>{t(`jobs.statuses.${status}`)}</Tag>,
    },
    {
      key: 'startedAt',
      title: t('jobs.startedAt'),
      dataIndex: 'startedAt',
      width: 160,
      render: (at: string) => formatInstant(at, timeZone),
    },
    {
      key: 'finishedAt',
      title: t('jobs.finishedAt'),
      dataIndex: 'finishedAt',
      width: 160,
      render: (at: string | null) => formatInstant(at, timeZone),
    },
    {
      key: 'counts',
      title: t('jobs.counts'),
      dataIndex: 'counts',
      render: (counts: JobRun['counts']) => (
        <Space size={[0, 4]} wrap>
          {Object.entries(counts).map(([key, value]) => (
            <Tag key={key}>
              {t(`jobs.countNames.${key}`, { defaultValue: key })}: {value}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'error',
      title: t('jobs.error'),
      dataIndex: 'error',
      ellipsis: { showTitle: true },
      render: (error: string | null) => error && <Typography.Text type="danger">{error}</Typography.Text>,
    },
  ];

  return (
    <PagedTable<JobRun>
      query={runs}
      paging={paging}
      columns={columns}
      // Polling while a run goes on must not flash the spinner; only a new page or filter shows it.
      loading={runs.isPending || runs.isPlaceholderData}
      scroll={{ x: 1100 }}
      emptyText={t('jobs.empty')}
    />
  );
}
