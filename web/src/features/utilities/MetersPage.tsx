import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Popconfirm, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METER_TYPES } from '../../../../common/schemas/utilities.ts';
import { showError } from '../../app/formErrors.ts';
import { FilterBar, PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { BuildingSelect } from './BuildingSelect.tsx';
import { MeterFormModal } from './MeterFormModal.tsx';
import {
  listMeters,
  type Meter,
  type MeterFilters,
  retireMeter,
  UTILITIES,
  useCanWriteUtilities,
} from './utilitiesApi.ts';

function MetersTable({ filters, onEdit }: { filters: MeterFilters; onEdit: (m: Meter) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const canWrite = useCanWriteUtilities();
  const paging = useCursorPages();
  const query = useQuery({
    queryKey: [UTILITIES, 'meters', filters, paging.cursor],
    queryFn: () => listMeters(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });
  const retire = useMutation({
    mutationFn: retireMeter,
    onSuccess: () => void qc.invalidateQueries({ queryKey: [UTILITIES] }),
    onError: (e) => showError(e, message),
  });
  const columns: TableColumnsType<Meter> = [
    {
      key: 'code',
      title: t('utilities.code'),
      dataIndex: 'code',
      width: 130,
      render: (c: string) => <code>{c}</code>,
    },
    {
      key: 'type',
      title: t('utilities.type'),
      dataIndex: 'type',
      width: 80,
      render: (x: Meter['type']) => t(`utilities.types.${x}`),
    },
    { key: 'building', title: t('utilities.building'), dataIndex: 'buildingName', width: 140 },
    {
      key: 'unit',
      title: t('utilities.unitOrShares'),
      render: (_: unknown, m) =>
        m.shared ? (
          <Space size={4} wrap>
            <Tag color="purple">{t(`utilities.splitRules.${m.splitRule ?? 'area'}`)}</Tag>
            {m.shares.map((s) => (
              <Tag key={s.unitId}>
                {s.unitCode}
                {s.percent ? ` ${s.percent}%` : ''}
              </Tag>
            ))}
          </Space>
        ) : (
          m.unitCode
        ),
    },
    {
      key: 'multiplier',
      title: t('utilities.multiplier'),
      dataIndex: 'multiplier',
      width: 80,
      align: 'right',
    },
    {
      key: 'last',
      title: t('utilities.lastReading'),
      width: 170,
      render: (_: unknown, m) => (m.lastReading ? `${m.lastReading.value}（${m.lastReading.readOn}）` : '—'),
    },
    {
      key: 'state',
      title: t('utilities.state'),
      width: 80,
      render: (_: unknown, m) =>
        m.retiredAt ? (
          <Tag>{t('utilities.retired')}</Tag>
        ) : (
          <Tag color="green">{t('utilities.inService')}</Tag>
        ),
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: '',
            width: 140,
            render: (_: unknown, m: Meter) =>
              m.retiredAt ? null : (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => onEdit(m)}>
                    {t('utilities.edit')}
                  </Button>
                  <Popconfirm
                    title={t('utilities.retireConfirm', { code: m.code })}
                    onConfirm={() => retire.mutate(m.id)}
                  >
                    <Button type="link" size="small" danger>
                      {t('utilities.retire')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]
      : []),
  ];
  return (
    <PagedTable<Meter>
      query={query}
      paging={paging}
      columns={columns}
      emptyText={Object.values(filters).some(Boolean) ? t('utilities.noMatch') : t('utilities.noMeters')}
    />
  );
}

/** Every meter, by building and code, with its unit or shares and its last reading. */
export function MetersPage() {
  const { t } = useTranslation();
  const canWrite = useCanWriteUtilities();
  const [filters, setFilters] = useState<MeterFilters>({});
  const [editing, setEditing] = useState<Meter | null | undefined>(undefined);
  const change = (c: Partial<MeterFilters>) => setFilters((f) => ({ ...f, ...c }));
  return (
    <>
      <PageHeader
        title={t('nav.utilityMeters')}
        subtitle={t('utilities.metersSubtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
              {t('utilities.newMeter')}
            </Button>
          )
        }
      />
      <Card>
        <FilterBar>
          <BuildingSelect
            id="meter-building"
            allowClear
            value={filters.buildingId}
            onChange={(buildingId) => change({ buildingId })}
          />
          <Select<Meter['type']>
            id="meter-type"
            allowClear
            placeholder={t('utilities.type')}
            value={filters.type}
            onChange={(type) => change({ type })}
            options={METER_TYPES.map((x) => ({ value: x, label: t(`utilities.types.${x}`) }))}
            style={{ width: 120 }}
          />
          <SearchBox
            id="meter-code"
            placeholder={t('utilities.codeSearch')}
            value={filters.code}
            onSearch={(code) => change({ code })}
          />
          <Checkbox
            checked={!!filters.includeRetired}
            onChange={(e) => change({ includeRetired: e.target.checked ? 'true' : undefined })}
          >
            {t('utilities.includeRetired')}
          </Checkbox>
        </FilterBar>
        <MetersTable key={JSON.stringify(filters)} filters={filters} onEdit={setEditing} />
      </Card>
      {editing !== undefined && <MeterFormModal meter={editing} open onClose={() => setEditing(undefined)} />}
    </>
  );
}
