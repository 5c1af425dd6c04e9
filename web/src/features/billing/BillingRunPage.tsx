import { ThunderboltOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Result,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { businessDay } from '../contracts/modalParts.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import { JobRunsTable } from '../jobs/JobRunsTable.tsx';
import { type JobRun, listRuns } from '../jobs/jobsApi.ts';
import { billsLink } from './billFilters.ts';
import { BILLING, previewRun, type RunPreview, runBilling, useClosedThrough } from './billingApi.ts';
import { PeriodLockCard } from './PeriodLockCard.tsx';

type Sample = RunPreview['sample'][number];

/** What the run would issue, for the person who runs it to look over first. */
function PreviewCard({ preview, loading }: { preview: RunPreview | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Sample> = [
    {
      key: 'contract',
      title: t('billing.contract'),
      width: 140,
      render: (_: unknown, s) => (
        <Link to={`/contracts/${s.contractId}`} style={{ fontFamily: 'monospace' }}>
          {s.contractNumber}
        </Link>
      ),
    },
    { key: 'customer', title: t('billing.customer'), dataIndex: 'customerName' },
    { key: 'due', title: t('billing.dueDate'), dataIndex: 'dueDate', width: 110 },
    { key: 'lines', title: t('billing.run.lines'), dataIndex: 'lines', width: 90, align: 'right' },
    {
      key: 'total',
      title: t('billing.total'),
      dataIndex: 'totalFen',
      width: 140,
      align: 'right',
      render: (fen: number) => yuanText(fen),
    },
  ];
  const figure = (key: keyof RunPreview, title: string, value: string | number) => (
    <Col xs={12} md={6}>
      <Statistic title={title} value={value} loading={loading && !preview} data-testid={`run-${key}`} />
    </Col>
  );
  return (
    <Card size="small" title={t('billing.run.previewTitle', { date: preview?.asOf ?? '' })}>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {figure('contracts', t('billing.run.contracts'), preview?.contracts ?? 0)}
        {figure('bills', t('billing.run.bills'), preview?.bills ?? 0)}
        {figure('lines', t('billing.run.lines'), preview?.lines ?? 0)}
        {figure('totalFen', t('billing.total'), yuanText(preview?.totalFen ?? 0))}
      </Row>
      <Table<Sample>
        size="small"
        rowKey={(s) => `${s.contractId}-${s.dueDate}`}
        columns={columns}
        dataSource={preview?.sample ?? []}
        loading={loading}
        pagination={false}
        title={() => t('billing.run.sample')}
        locale={{ emptyText: t('billing.run.nothingDue') }}
        data-testid="run-sample"
      />
    </Card>
  );
}

/** What the run just did, with the way to the bills it issued. */
function RunResult({ run }: { run: JobRun }) {
  const { t } = useTranslation();
  const counts = ['contracts', 'bills', 'lines', 'credited'] as const;
  return (
    <Card size="small" data-testid="run-result">
      <Result
        status={run.status === 'failed' ? 'error' : 'success'}
        title={t(run.status === 'failed' ? 'billing.run.failed' : 'billing.run.done', {
          date: run.businessDate,
        })}
        subTitle={run.error}
        style={{ padding: '16px 0' }}
        extra={
          <Link to={billsLink({ unpaid: true })}>
            <Button type="primary">{t('billing.run.openBills')}</Button>
          </Link>
        }
      >
        <Row gutter={16} justify="center">
          {counts.map((key) => (
            <Col key={key} xs={12} md={5}>
              <Statistic title={t(`jobs.countNames.${key}`)} value={run.counts[key] ?? 0} />
            </Col>
          ))}
        </Row>
      </Result>
    </Card>
  );
}

/** The last runs of the billing job; the jobs API is the administrator's. */
function RecentRuns() {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const runs = useQuery({
    queryKey: ['jobRuns', { job: 'billing' }, paging.cursor],
    queryFn: () => listRuns({ job: 'billing' }, paging.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <Card size="small" title={t('billing.run.recent')}>
      <JobRunsTable runs={runs} paging={paging} />
    </Card>
  );
}

/** Billing run (出账): pick the business date, look at what it would issue, then issue it. */
export function BillingRunPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const isAdmin = hasAnyRole(useUser(), ['admin']);
  const today = useToday();
  const [asOf, setAsOf] = useState<Dayjs>(today);
  const [running, setRunning] = useState(false);
  const [lastRun, setLastRun] = useState<JobRun | null>(null);
  // The server's word on the date itself (the books are closed through it, say), shown under the picker.
  const [asOfError, setAsOfError] = useState<string | null>(null);
  const closedThrough = useClosedThrough();
  const date = businessDay(asOf);
  const preview = useQuery({
    queryKey: [BILLING, 'runPreview', date],
    queryFn: () => previewRun(date),
    placeholderData: keepPreviousData,
  });

  const run = async () => {
    setRunning(true);
    setAsOfError(null);
    try {
      const result = await runBilling(date);
      setLastRun(result);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [BILLING] }),
        queryClient.invalidateQueries({ queryKey: ['jobRuns'] }),
      ]);
    } catch (e) {
      if (e instanceof ApiError && e.field === 'asOf') setAsOfError(e.message);
      else showError(e, message);
    } finally {
      setRunning(false);
    }
  };
  const confirm = () =>
    modal.confirm({
      title: t('billing.run.confirmTitle', { date }),
      content: t('billing.run.confirmText', {
        bills: preview.data?.bills ?? 0,
        total: yuanText(preview.data?.totalFen ?? 0),
      }),
      okText: t('billing.run.action'),
      onOk: run,
    });

  const nothing = !!preview.data && preview.data.bills === 0;
  return (
    <>
      <PageHeader title={t('nav.billingRun')} subtitle={t('billing.run.subtitle')} />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex gap={12} align="center" wrap>
            <label htmlFor="billing-as-of">{t('billing.run.asOf')}</label>
            <DatePicker
              id="billing-as-of"
              value={asOf}
              allowClear={false}
              status={asOfError ? 'error' : undefined}
              disabledDate={(d) =>
                d.isAfter(today, 'day') || (!!closedThrough && !d.isAfter(dayjs(closedThrough), 'day'))
              }
              onChange={(d) => {
                if (d) setAsOf(d);
                setLastRun(null);
                setAsOfError(null);
              }}
            />
            <Button
              type="primary"
              icon={<ThunderboltOutlined />}
              loading={running}
              disabled={!preview.data || preview.isPlaceholderData || nothing}
              onClick={confirm}
              data-testid="run-billing"
            >
              {t('billing.run.action')}
            </Button>
            {nothing && <span>{t('billing.run.nothingDue')}</span>}
          </Flex>
          {asOfError && (
            <Typography.Text
              type="danger"
              style={{ display: 'block', marginTop: 8 }}
              data-testid="as-of-error"
            >
              {asOfError}
            </Typography.Text>
          )}
        </Card>
        {lastRun && <RunResult run={lastRun} />}
        {preview.isError ? (
          <LoadFailed message={preview.error.message} onRetry={() => void preview.refetch()} />
        ) : (
          <PreviewCard preview={preview.data} loading={preview.isFetching} />
        )}
        <PeriodLockCard />
        {isAdmin && <RecentRuns />}
      </Flex>
    </>
  );
}
