import { Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import type { JobRun, JobStatus } from './jobsApi.ts';

export const STATUS_COLOR: Record<JobStatus, string> = {
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function JobRunsTable({ runs, loading }: { runs: JobRun[]; loading: boolean }) {
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
    <Table<JobRun>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={runs}
      loading={loading}
      pagination={false}
      scroll={{ x: 1100 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('jobs.empty')} /> }}
    />
  );
}
