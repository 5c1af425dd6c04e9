import { Button, Empty, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OccupancyRow } from './spacesApi.ts';
import { STATUS_COLORS } from './spacesFormat.ts';

interface Props {
  rows: OccupancyRow[];
  /** Present for users who may end a period set by hand. */
  onEnd?: (row: OccupancyRow) => void;
}

/** Reservations, leases and unavailable periods of a unit, newest first; released ones greyed out. */
export function OccupancyHistory({ rows, onEnd }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OccupancyRow> = [
    {
      key: 'kind',
      title: t('spaces.occupancy.kind'),
      width: 80,
      render: (_: unknown, row) => (
        <Tag color={row.released ? 'default' : STATUS_COLORS[row.kind].tag}>
          {t(`spaces.statuses.${row.kind}`)}
        </Tag>
      ),
    },
    {
      key: 'period',
      title: t('spaces.occupancy.period'),
      width: 200,
      render: (_: unknown, row) => `${row.from} ~ ${row.to}`,
    },
    {
      key: 'source',
      title: t('spaces.occupancy.source'),
      render: (_: unknown, row) => (
        <>
          {t(`spaces.sources.${row.sourceType}`)}
          {row.reason && ` · ${row.reason}`}
          {row.released && (
            <Tag bordered={false} style={{ marginInlineStart: 6 }}>
              {t('spaces.occupancy.released')}
            </Tag>
          )}
        </>
      ),
    },
  ];
  if (onEnd) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, row) =>
        row.sourceType === 'manual' &&
        !row.released && (
          <Button type="link" size="small" onClick={() => onEnd(row)}>
            {t('spaces.occupancy.end')}
          </Button>
        ),
    });
  }
  return (
    <Table<OccupancyRow>
      size="small"
      rowKey="id"
      pagination={false}
      columns={columns}
      dataSource={[...rows].reverse()}
      onRow={(row) => ({ style: row.released ? { opacity: 0.45 } : undefined })}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('spaces.occupancy.empty')} />,
      }}
    />
  );
}
