import type { UseQueryResult } from '@tanstack/react-query';
import { type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../app/api.ts';
import { groupDigits } from '../../app/format.ts';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';
import type { UnitView } from './spacesApi.ts';
import { floorLabel, priceText } from './spacesFormat.ts';
import { UnitStatusTag } from './UnitStatusTag.tsx';

interface Props {
  query: UseQueryResult<Page<UnitView>>;
  paging: ReturnType<typeof useCursorPages>;
  onOpen: (unit: UnitView) => void;
}

export function UnitsTable({ query, paging, onOpen }: Props) {
  const { t } = useTranslation();
  const area = (value: string) => groupDigits(value);

  const columns: TableColumnsType<UnitView> = [
    {
      key: 'code',
      title: t('spaces.unit.code'),
      dataIndex: 'code',
      width: 96,
      render: (code: string, unit) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <strong>{code}</strong>
          {unit.retired && (
            <Tag style={{ marginInlineStart: 6 }} bordered={false}>
              {t('spaces.unit.retired')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'where',
      title: t('spaces.unit.where'),
      render: (_: unknown, unit) => <Clipped text={`${unit.siteName} / ${unit.buildingName}`} />,
    },
    { key: 'floor', title: t('spaces.unit.floor'), dataIndex: 'floor', width: 56, render: floorLabel },
    {
      key: 'type',
      title: t('spaces.unit.type'),
      dataIndex: 'type',
      width: 72,
      render: (type: UnitView['type']) => t(`spaces.types.${type}`),
    },
    ...(['grossArea', 'insideArea', 'usableArea'] as const).map((field) => ({
      key: field,
      title: t(`spaces.unit.${field}Short`),
      dataIndex: field,
      width: 98,
      align: 'right' as const,
      render: area,
    })),
    {
      key: 'listPrice',
      title: t('spaces.unit.listPrice'),
      width: 124,
      align: 'right',
      render: (_: unknown, unit) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {priceText(unit.listPrice)} {t(`spaces.bases.${unit.priceBasis}`)}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('spaces.unit.status'),
      width: 172,
      render: (_: unknown, unit) => <UnitStatusTag status={unit.status} statusTo={unit.statusTo} />,
    },
  ];

  return (
    <PagedTable<UnitView>
      query={query}
      paging={paging}
      columns={columns}
      scroll={{ x: minTableWidth(columns, 150) }}
      emptyText={t('spaces.units.empty')}
      onOpen={onOpen}
    />
  );
}
