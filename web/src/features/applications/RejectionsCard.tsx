import { Card, Empty, Table, type TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECT_REASONS } from '../../../../common/schemas/applications.ts';
import { EChart } from '../../components/EChart.tsx';
import { colorAt } from '../reports/palette.ts';
import type { ApplicationStats } from './applicationsApi.ts';
import { rejectionRows } from './applicationsFormat.ts';

type Row = ReturnType<typeof rejectionRows>[number];

/** Why applications were turned down, month by month: stacked columns and the counts beneath. */
export function RejectionsCard({ entries }: { entries: ApplicationStats['rejectionsByMonth'] }) {
  const { t } = useTranslation();
  const title = t('applications.stats.rejectionsByMonth');
  const rows = useMemo(() => rejectionRows(entries), [entries]);
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => r.month) },
      yAxis: { type: 'value', minInterval: 1 },
      series: REJECT_REASONS.map((reason, i) => ({
        type: 'bar',
        stack: 'reasons',
        name: t(`applications.rejectReasons.${reason}`),
        barMaxWidth: 36,
        itemStyle: { color: colorAt(i) },
        data: rows.map((r) => r.counts[reason] ?? 0),
      })),
    }),
    [rows, t],
  );
  const columns: TableColumnsType<Row> = [
    { key: 'month', title: t('applications.stats.month'), dataIndex: 'month', width: 100, fixed: 'left' },
    ...REJECT_REASONS.map((reason) => ({
      key: reason,
      title: t(`applications.rejectReasons.${reason}`),
      align: 'right' as const,
      render: (_: unknown, r: Row) => r.counts[reason] ?? 0,
    })),
    { key: 'total', title: t('applications.stats.total'), dataIndex: 'total', align: 'right', width: 80 },
  ];
  return (
    <Card title={title} size="small" data-testid="stats-rejections">
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.stats.noRejections')} />
      ) : (
        <>
          <EChart option={option} label={title} height={240} />
          <Table<Row>
            size="small"
            rowKey="month"
            pagination={false}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            style={{ marginTop: 8 }}
          />
        </>
      )}
    </Card>
  );
}
