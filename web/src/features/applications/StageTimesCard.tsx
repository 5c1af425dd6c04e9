import { Card, Table, type TableColumnsType, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart.tsx';
import type { ApplicationStats } from './applicationsApi.ts';
import { hoursText } from './applicationsFormat.ts';

type StageRow = ApplicationStats['stages'][number];

/** How long each department takes to decide (average and median hours) and how often it ran late. */
export function StageTimesCard({ stages }: { stages: StageRow[] }) {
  const { t } = useTranslation();
  const title = t('applications.stats.stageTimes');
  const names = stages.map((s) => t(`applications.stages.${s.stage}`));
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value', name: t('applications.stats.hoursUnit') },
      series: [
        {
          type: 'bar',
          name: t('applications.stats.averageHours'),
          barMaxWidth: 32,
          itemStyle: { color: '#1677ff' },
          data: stages.map((s) => s.averageHours),
        },
        {
          type: 'bar',
          name: t('applications.stats.medianHours'),
          barMaxWidth: 32,
          itemStyle: { color: '#13c2c2' },
          data: stages.map((s) => s.medianHours),
        },
      ],
    }),
    [stages, names, t],
  );
  const columns: TableColumnsType<StageRow> = [
    {
      key: 'stage',
      title: t('applications.stage'),
      dataIndex: 'stage',
      render: (stage: StageRow['stage']) => t(`applications.stages.${stage}`),
    },
    {
      key: 'decided',
      title: t('applications.stats.decided'),
      dataIndex: 'decided',
      align: 'right',
      width: 110,
    },
    {
      key: 'average',
      title: t('applications.stats.averageHours'),
      dataIndex: 'averageHours',
      align: 'right',
      width: 140,
      render: hoursText,
    },
    {
      key: 'median',
      title: t('applications.stats.medianHours'),
      dataIndex: 'medianHours',
      align: 'right',
      width: 140,
      render: hoursText,
    },
    {
      key: 'overdue',
      title: t('applications.stats.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      width: 110,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
  ];
  return (
    <Card title={title} size="small" data-testid="stats-stages">
      <EChart option={option} label={title} height={220} />
      <Table<StageRow>
        size="small"
        rowKey="stage"
        pagination={false}
        columns={columns}
        dataSource={stages}
        style={{ marginTop: 8 }}
      />
    </Card>
  );
}
