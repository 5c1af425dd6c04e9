import { Card, Table, type TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart.tsx';
import type { CustomerReport } from './reportsApi.ts';

type Month = CustomerReport['newPerMonth'][number];

/** New customers in each of the last twelve months: columns, and the figures in one row beneath. */
export function MonthlyCard({ months }: { months: Month[] }) {
  const { t } = useTranslation();
  const title = t('reports.newPerMonth');
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('reports.newCustomers'),
          barMaxWidth: 36,
          itemStyle: { color: '#1677ff' },
          label: { show: true, position: 'top' },
          data: months.map((m) => m.count),
        },
      ],
    }),
    [months, t],
  );
  const columns: TableColumnsType<Record<string, string | number>> = [
    { key: 'label', title: t('reports.month'), dataIndex: 'label', width: 140, fixed: 'left' },
    ...months.map((m) => ({ key: m.month, title: m.month, dataIndex: m.month, align: 'right' as const })),
  ];
  const row = {
    key: 'new',
    label: t('reports.newCustomers'),
    ...Object.fromEntries(months.map((m) => [m.month, m.count])),
  };
  return (
    <Card title={title} size="small" data-testid="report-months">
      <EChart option={option} label={title} height={240} />
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={[row]}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 8 }}
      />
    </Card>
  );
}
