import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../common/dates.ts';
import { UNIT_STATUSES, UNIT_TYPES } from '../../../../common/schemas/spaces.ts';
import { buildUrl } from '../../app/api.ts';
import { useUser } from '../../app/session.tsx';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import {
  listUnits,
  SPACES,
  type UnitFilters,
  type UnitStatus,
  type UnitType,
  useBuildings,
  useCanEditSpaces,
  useSites,
} from './spacesApi.ts';
import { UnitDrawer } from './UnitDrawer.tsx';
import { UnitFormModal } from './UnitFormModal.tsx';
import { UnitsTable } from './UnitsTable.tsx';

export function UnitsPage() {
  const { t } = useTranslation();
  const today = todayIn(useUser().org.timeZone);
  const canEdit = useCanEditSpaces();
  const [filters, setFilters] = useState<UnitFilters>({ asOf: today });
  const [search, setSearch] = useState('');
  const [areaRange, setAreaRange] = useState<[string | null, string | null]>([null, null]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const paging = useCursorPages();
  const sites = useSites();
  const buildings = useBuildings(filters.siteId);
  const asOf = filters.asOf ?? today;

  const query = useQuery({
    queryKey: [SPACES, 'units', filters, paging.cursor],
    queryFn: () => listUnits(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });

  const applyFilters = (change: Partial<UnitFilters>) => {
    setFilters((f) => ({ ...f, ...change }));
    paging.reset();
  };
  const applyArea = () =>
    applyFilters({ minArea: areaRange[0] || undefined, maxArea: areaRange[1] || undefined });

  return (
    <>
      <PageHeader
        title={t('nav.spacesUnits')}
        subtitle={t('spaces.units.subtitle')}
        extra={
          <>
            {/* The list as it is filtered, every page of it; each role that reads units may export them. */}
            <Button
              icon={<DownloadOutlined />}
              href={buildUrl('/v1/units/export.xlsx', { ...filters })}
              download
            >
              {t('imports.export')}
            </Button>
            {canEdit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                {t('spaces.unit.create')}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <FilterBar>
          <Select<string>
            allowClear
            placeholder={t('spaces.site')}
            value={filters.siteId}
            onChange={(siteId) => applyFilters({ siteId, buildingId: undefined })}
            options={sites.data?.map((s) => ({ value: s.id, label: s.name }))}
            style={{ width: 150 }}
          />
          <Select<string>
            allowClear
            disabled={!filters.siteId}
            placeholder={t('spaces.building')}
            value={filters.buildingId}
            onChange={(buildingId) => applyFilters({ buildingId })}
            options={filters.siteId ? buildings.data?.map((b) => ({ value: b.id, label: b.name })) : []}
            style={{ width: 120 }}
          />
          <Select<UnitType>
            allowClear
            placeholder={t('spaces.unit.type')}
            value={filters.type}
            onChange={(type) => applyFilters({ type })}
            options={UNIT_TYPES.map((type) => ({ value: type, label: t(`spaces.types.${type}`) }))}
            style={{ width: 110 }}
          />
          <Select<UnitStatus>
            allowClear
            placeholder={t('spaces.unit.status')}
            value={filters.status}
            onChange={(status) => applyFilters({ status })}
            options={UNIT_STATUSES.map((status) => ({
              value: status,
              label: t(`spaces.statuses.${status}`),
            }))}
            style={{ width: 110 }}
          />
          <Space.Compact>
            {[0, 1].map((i) => (
              <InputNumber<string>
                key={i}
                stringMode
                min="0"
                precision={2}
                controls={false}
                placeholder={t(i === 0 ? 'spaces.units.minArea' : 'spaces.units.maxArea')}
                value={areaRange[i]}
                onChange={(v) => setAreaRange((r) => (i === 0 ? [v, r[1]] : [r[0], v]))}
                onBlur={applyArea}
                onPressEnter={applyArea}
                style={{ width: 104 }}
              />
            ))}
          </Space.Compact>
          <DatePicker
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(d) => d && applyFilters({ asOf: d.format('YYYY-MM-DD') })}
            prefix={t('spaces.asOf')}
            style={{ width: 190 }}
          />
          <Input.Search
            allowClear
            placeholder={t('spaces.units.searchPlaceholder')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(q) => applyFilters({ q: q.trim() || undefined })}
            style={{ width: 180 }}
          />
          <Checkbox
            checked={filters.includeRetired === 'true'}
            onChange={(e) => applyFilters({ includeRetired: e.target.checked ? 'true' : undefined })}
          >
            {t('spaces.units.includeRetired')}
          </Checkbox>
        </FilterBar>
        <UnitsTable query={query} paging={paging} onOpen={(unit) => setOpenId(unit.id)} />
      </Card>
      <UnitDrawer unitId={openId} asOf={asOf} onClose={() => setOpenId(null)} />
      {creating && <UnitFormModal unit={null} onClose={() => setCreating(false)} />}
    </>
  );
}
