import { PlayCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { JobRunsTable } from './JobRunsTable.tsx';
import { type JobInfo, type JobStatus, listJobs, listRuns, type RunFilters } from './jobsApi.ts';
import { RunJobModal } from './RunJobModal.tsx';

const STATUSES: JobStatus[] = ['running', 'succeeded', 'failed'];

export function JobsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [filters, setFilters] = useState<RunFilters>({});
  const [running, setRunning] = useState<string | null>(null);
  const paging = useCursorPages();

  const jobs = useQuery({ queryKey: ['jobs'], queryFn: listJobs, staleTime: 5 * 60_000 });
  const runs = useQuery({
    queryKey: ['jobRuns', filters, paging.cursor],
    queryFn: () => listRuns(filters, paging.cursor),
    placeholderData: keepPreviousData,
    // Runs started from here finish in the background; poll only while one is still going.
    refetchInterval: (q) => (q.state.data?.items.some((r) => r.status === 'running') ? 3000 : false),
  });

  const applyFilters = (change: Partial<RunFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    paging.reset();
  };
  const jobLabel = (name: string) => t(`jobs.names.${name}`, { defaultValue: name });

  const jobColumns: TableColumnsType<JobInfo> = [
    { key: 'name', title: t('jobs.job'), dataIndex: 'name', width: 220, render: jobLabel },
    {
      key: 'schedule',
      title: t('jobs.schedule'),
      dataIndex: 'schedule',
      width: 140,
      render: (s: string) => <Typography.Text code>{s}</Typography.Text>,
    },
    {
      key: 'description',
      title: t('jobs.description'),
      render: (_: unknown, job) => t(`jobs.descriptions.${job.name}`, { defaultValue: job.description }),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 120,
      render: (_: unknown, job) => (
        <Button size="small" icon={<PlayCircleOutlined />} onClick={() => setRunning(job.name)}>
          {t('jobs.runNow')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.jobs')} subtitle={t('jobs.subtitle')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('jobs.definitions')} size="small">
          {jobs.isError ? (
            <LoadFailed message={jobs.error.message} onRetry={() => void jobs.refetch()} />
          ) : (
            <Table<JobInfo>
              size="small"
              rowKey="name"
              columns={jobColumns}
              dataSource={jobs.data?.items ?? []}
              loading={jobs.isPending}
              pagination={false}
            />
          )}
        </Card>
        <Card
          title={t('jobs.runs')}
          size="small"
          extra={
            <Button
              size="small"
              icon={<ReloadOutlined />}
              loading={runs.isFetching}
              onClick={() => void runs.refetch()}
            >
              {t('common.refresh')}
            </Button>
          }
        >
          <FilterBar>
            <Select<string>
              allowClear
              placeholder={t('jobs.filterJob')}
              value={filters.job}
              onChange={(job) => applyFilters({ job })}
              options={(jobs.data?.items ?? []).map((job) => ({
                value: job.name,
                label: jobLabel(job.name),
              }))}
              style={{ width: 220 }}
            />
            <Select<JobStatus>
              allowClear
              placeholder={t('jobs.filterStatus')}
              value={filters.status}
              onChange={(status) => applyFilters({ status })}
              options={STATUSES.map((s) => ({ value: s, label: t(`jobs.statuses.${s}`) }))}
              style={{ width: 140 }}
            />
          </FilterBar>
          <JobRunsTable runs={runs} paging={paging} />
        </Card>
        {running && (
          <RunJobModal
            job={running}
            onClose={() => setRunning(null)}
            onStarted={() => {
              setRunning(null);
              void queryClient.invalidateQueries({ queryKey: ['jobRuns'] });
            }}
          />
        )}
      </Space>
    </>
  );
}
