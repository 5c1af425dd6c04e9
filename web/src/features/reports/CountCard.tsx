import { Card, Col, Row, Table, type TableColumnsType, Typography } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart.tsx';
import { colorAt, PALETTE } from './palette.ts';
import { percentOf } from './reportsApi.ts';

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

type Slice = { name: string; value: number };

function chartOption(kind: 'bar' | 'pie', rows: CountRow[], seriesName: string): EChartsCoreOption {
  if (kind === 'pie') {
    // The table's rounding, not ECharts' (which makes the shown shares add up to 100).
    const total = rows.reduce((s, r) => s + r.count, 0);
    return {
      color: PALETTE,
      tooltip: {
        trigger: 'item',
        formatter: (p: Slice) => `${p.name}: ${p.value} (${percentOf(p.value, total)})`,
      },
      series: [
        {
          type: 'pie',
          name: seriesName,
          radius: ['38%', '68%'],
          avoidLabelOverlap: true,
          label: {
            formatter: (p: Slice) => `${p.name}\n${percentOf(p.value, total)}`,
            fontSize: 11,
            width: 110,
            overflow: 'break',
          },
          data: rows.filter((r) => r.count > 0).map((r) => ({ name: r.label, value: r.count })),
        },
      ],
    };
  }
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, fontSize: 11, hideOverlap: false },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: seriesName,
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
        data: rows.map((r, i) => ({ value: r.count, itemStyle: { color: colorAt(i) } })),
      },
    ],
  };
}

/**
 * A breakdown of the customers (by status, industry or account manager): a chart beside a table of the
 * same rows with their share, and the total.
 */
export function CountCard({
  title,
  dimension,
  rows,
  total,
  chart,
  testId,
}: {
  title: string;
  dimension: string;
  rows: CountRow[];
  total: number;
  chart: 'bar' | 'pie';
  testId: string;
}) {
  const { t } = useTranslation();
  const option = useMemo(() => chartOption(chart, rows, t('reports.count')), [chart, rows, t]);
  const columns: TableColumnsType<CountRow & { index: number }> = [
    {
      key: 'label',
      title: dimension,
      render: (_: unknown, r) => (
        <span>
          <span
            style={{
              display: 'inline-block',
              width: 8,
              height: 8,
              borderRadius: 4,
              marginRight: 8,
              background: colorAt(r.index),
            }}
          />
          {r.label}
        </span>
      ),
    },
    { key: 'count', title: t('reports.count'), dataIndex: 'count', align: 'right', width: 90 },
    {
      key: 'share',
      title: t('reports.share'),
      align: 'right',
      width: 80,
      render: (_: unknown, r) => percentOf(r.count, total),
    },
  ];
  return (
    <Card title={title} size="small" data-testid={testId}>
      <Row gutter={24} align="middle">
        <Col xs={24} lg={14}>
          <EChart option={option} label={title} height={chart === 'pie' ? 300 : 260} />
        </Col>
        <Col xs={24} lg={10}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            columns={columns}
            dataSource={rows.map((r, index) => ({ ...r, index }))}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <Typography.Text strong>{t('reports.sum')}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong>{total}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total ? '100%' : '0%'}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
        </Col>
      </Row>
    </Card>
  );
}
