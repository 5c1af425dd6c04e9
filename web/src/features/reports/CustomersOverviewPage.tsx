import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Spin, Statistic } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../../common/schemas/customers.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CountCard, type CountRow } from './CountCard.tsx';
import { MonthlyCard } from './MonthlyCard.tsx';
import { OccupancyCard } from './OccupancyCard.tsx';
import {
  type CustomerReport,
  reportWorkbookUrl,
  useCustomerReport,
  useOccupancyToday,
} from './reportsApi.ts';

const STATS: { key: string; status?: CustomerStatus; color?: string }[] = [
  { key: 'total' },
  { key: 'tenants', status: 'tenant', color: '#1677ff' },
  { key: 'prospects', status: 'prospect', color: '#52c41a' },
  { key: 'blacklisted', status: 'blacklisted', color: '#f5222d' },
];

function useRows(report: CustomerReport | undefined) {
  const { t } = useTranslation();
  return useMemo(() => {
    if (!report) return null;
    const status: CountRow[] = report.byStatus.map((r) => ({
      key: r.status,
      label: t(`customers.statuses.${r.status}`),
      count: r.count,
    }));
    const industry: CountRow[] = report.byIndustry.map((r) => ({
      key: r.industry ?? '-',
      label: r.industry ? t(`customers.industries.${r.industry}`) : t('reports.notSet'),
      count: r.count,
    }));
    const manager: CountRow[] = report.byAccountManager.map((r) => ({
      key: r.accountManagerId ?? '-',
      label: r.name ?? t('reports.unassigned'),
      count: r.count,
    }));
    return { status, industry, manager };
  }, [report, t]);
}

/** R2.3.3: who the customers are, how many arrive each month, and how full each site is; exportable. */
export function CustomersOverviewPage() {
  const { t, i18n } = useTranslation();
  const report = useCustomerReport();
  const occupancy = useOccupancyToday();
  const rows = useRows(report.data);
  const data = report.data;
  const error = report.error ?? occupancy.error;

  return (
    <>
      <PageHeader
        title={t('nav.customersOverview')}
        subtitle={t('reports.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={reportWorkbookUrl(i18n.language)} download>
            {t('reports.export')}
          </Button>
        }
      />
      {error && <Alert type="error" showIcon message={error.message} style={{ marginBottom: 16 }} />}
      {!data || !rows ? (
        !error && <Spin style={{ display: 'block', margin: '80px auto' }} />
      ) : (
        <Flex vertical gap={16}>
          <Row gutter={16}>
            {STATS.map((s) => (
              <Col key={s.key} xs={12} lg={6}>
                <Card size="small" data-testid={`stat-${s.key}`}>
                  <Statistic
                    title={t(`reports.${s.key}`)}
                    value={s.status ? data.byStatus.find((r) => r.status === s.status)?.count : data.total}
                    valueStyle={s.color ? { color: s.color } : undefined}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <CountCard
            testId="report-status"
            title={t('reports.byStatus')}
            dimension={t('reports.status')}
            rows={rows.status}
            total={data.total}
            chart="bar"
          />
          <CountCard
            testId="report-industry"
            title={t('reports.byIndustry')}
            dimension={t('reports.industry')}
            rows={rows.industry}
            total={data.total}
            chart="pie"
          />
          <CountCard
            testId="report-manager"
            title={t('reports.byAccountManager')}
            dimension={t('reports.accountManager')}
            rows={rows.manager}
            total={data.total}
            chart="bar"
          />
          <MonthlyCard months={data.newPerMonth} />
          {occupancy.data && <OccupancyCard sites={occupancy.data.sites} />}
        </Flex>
      )}
    </>
  );
}
