import { Card, Col, Progress, Row, Table, type TableColumnsType } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { groupDigits } from '../../app/format.ts';
import { EChart } from '../../components/EChart.tsx';
import { leasedPercent } from '../spaces/spacesFormat.ts';
import type { OccupancyReport } from './reportsApi.ts';

type Site = OccupancyReport['sites'][number];

/** Leasable and leased area of each site today, as bars, beside a table with the rate and the units. */
export function OccupancyCard({ sites }: { sites: Site[] }) {
  const { t } = useTranslation();
  const title = t('reports.occupancy');
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: sites.map((s) => s.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', name: 'm²' },
      series: [
        {
          type: 'bar',
          name: t('reports.leasableArea'),
          barMaxWidth: 40,
          itemStyle: { color: '#bae0ff' },
          data: sites.map((s) => Number(s.leasableArea)),
        },
        {
          type: 'bar',
          name: t('reports.leasedArea'),
          barMaxWidth: 40,
          itemStyle: { color: '#1677ff' },
          label: {
            show: true,
            position: 'top',
            formatter: ({ dataIndex }: { dataIndex: number }) =>
              `${leasedPercent(sites[dataIndex]!.leasedArea, sites[dataIndex]!.leasableArea)}%`,
          },
          data: sites.map((s) => Number(s.leasedArea)),
        },
      ],
    }),
    [sites, t],
  );
  const columns: TableColumnsType<Site> = [
    { key: 'name', title: t('reports.site'), dataIndex: 'name' },
    {
      key: 'area',
      title: t('reports.leasedOfLeasable'),
      align: 'right',
      render: (_: unknown, s) => `${groupDigits(s.leasedArea)} / ${groupDigits(s.leasableArea)}`,
    },
    {
      key: 'rate',
      title: t('reports.rate'),
      width: 130,
      render: (_: unknown, s) => {
        const percent = leasedPercent(s.leasedArea, s.leasableArea);
        return <Progress percent={percent} size="small" format={() => `${percent}%`} style={{ margin: 0 }} />;
      },
    },
    {
      key: 'units',
      title: t('reports.leasedUnits'),
      align: 'right',
      width: 110,
      render: (_: unknown, s) => `${s.leasedUnits} / ${s.units}`,
    },
  ];
  return (
    <Card title={title} size="small" data-testid="report-occupancy">
      <Row gutter={24} align="middle">
        <Col xs={24} lg={12}>
          <EChart option={option} label={title} height={260} />
        </Col>
        <Col xs={24} lg={12}>
          <Table size="small" rowKey="siteId" pagination={false} columns={columns} dataSource={sites} />
        </Col>
      </Row>
    </Card>
  );
}
