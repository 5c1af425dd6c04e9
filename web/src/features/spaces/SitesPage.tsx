import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Progress, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../common/dates.ts';
import { api, type Page } from '../../app/api.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { BuildingFormModal } from './BuildingFormModal.tsx';
import { SiteFormModal } from './SiteFormModal.tsx';
import {
  type BuildingView,
  type OccupancyReport,
  type SiteView,
  SPACES,
  useBuildings,
  useCanEditSpaces,
  useOccupancy,
} from './spacesApi.ts';
import { floorLabel, leasedPercent } from './spacesFormat.ts';

type Figures = { leasedArea: string; leasableArea: string } | undefined;
type Editing =
  | { kind: 'site'; site: SiteView | null }
  | { kind: 'building'; site: SiteView; building: BuildingView | null }
  | null;

function Leased({ figures }: { figures: Figures }) {
  if (!figures) return null;
  const percent = leasedPercent(figures.leasedArea, figures.leasableArea);
  return (
    <Progress percent={percent} size="small" format={() => `${percent}%`} style={{ margin: 0, width: 140 }} />
  );
}

function Buildings({
  site,
  report,
  onEdit,
}: {
  site: SiteView;
  report?: OccupancyReport;
  onEdit?: (b: BuildingView) => void;
}) {
  const { t } = useTranslation();
  const buildings = useBuildings(site.id);
  const figures = report?.sites.find((s) => s.siteId === site.id)?.buildings;
  const columns: TableColumnsType<BuildingView> = [
    { key: 'name', title: t('spaces.buildings.name'), dataIndex: 'name', width: 160 },
    {
      key: 'floors',
      title: t('spaces.buildings.floors'),
      width: 180,
      render: (_: unknown, b) =>
        b.floorsBelow || b.floorsAbove > 1
          ? t('spaces.buildings.floorsRange', {
              below: floorLabel(b.floorsBelow ? -b.floorsBelow : 1),
              above: floorLabel(b.floorsAbove),
            })
          : floorLabel(b.floorsAbove),
    },
    { key: 'units', title: t('spaces.sites.units'), dataIndex: 'unitCount', width: 100, align: 'right' },
    {
      key: 'leased',
      title: t('spaces.sites.leased'),
      render: (_: unknown, b) => <Leased figures={figures?.find((f) => f.buildingId === b.id)} />,
    },
  ];
  if (onEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_: unknown, b) => (
        <Button type="link" size="small" onClick={() => onEdit(b)}>
          {t('common.edit')}
        </Button>
      ),
    });
  }
  return (
    <Table<BuildingView>
      size="small"
      rowKey="id"
      pagination={false}
      loading={buildings.isPending}
      columns={columns}
      dataSource={buildings.data ?? []}
      locale={{ emptyText: t('spaces.buildings.empty') }}
    />
  );
}

export function SitesPage() {
  const { t } = useTranslation();
  const canEdit = useCanEditSpaces();
  const report = useOccupancy(todayIn(useUser().org.timeZone)).data;
  const paging = useCursorPages();
  const [editing, setEditing] = useState<Editing>(null);
  const [collapsed, setCollapsed] = useState<string[]>([]);
  const query = useQuery({
    queryKey: [SPACES, 'sites', 'page', paging.cursor],
    queryFn: () => api.get<Page<SiteView>>('/v1/sites', { cursor: paging.cursor, limit: 50 }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<SiteView> = [
    {
      key: 'name',
      title: t('spaces.sites.name'),
      dataIndex: 'name',
      width: 180,
      render: (n: string) => <strong>{n}</strong>,
    },
    { key: 'city', title: t('spaces.sites.city'), dataIndex: 'city', width: 80 },
    {
      key: 'address',
      title: t('spaces.sites.address'),
      dataIndex: 'address',
      render: (a: string) => <Clipped text={a} />,
    },
    {
      key: 'buildings',
      title: t('spaces.sites.buildings'),
      dataIndex: 'buildingCount',
      width: 90,
      align: 'right',
    },
    { key: 'units', title: t('spaces.sites.units'), dataIndex: 'unitCount', width: 90, align: 'right' },
    {
      key: 'leased',
      title: t('spaces.sites.leased'),
      width: 170,
      render: (_: unknown, s) => <Leased figures={report?.sites.find((f) => f.siteId === s.id)} />,
    },
  ];
  if (canEdit) {
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 180,
      render: (_: unknown, site) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing({ kind: 'site', site })}>
            {t('common.edit')}
          </Button>
          <Button
            type="link"
            size="small"
            onClick={() => setEditing({ kind: 'building', site, building: null })}
          >
            {t('spaces.buildings.create')}
          </Button>
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.spacesSites')}
        subtitle={t('spaces.sites.subtitle')}
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ kind: 'site', site: null })}
            >
              {t('spaces.sites.create')}
            </Button>
          )
        }
      />
      <Card>
        <PagedTable<SiteView>
          query={query}
          paging={paging}
          columns={columns}
          scroll={{ x: minTableWidth(columns, 200) }}
          emptyText={t('spaces.sites.empty')}
          expandable={{
            // Open by default: the buildings are what people come here for.
            expandedRowKeys: (query.data?.items ?? [])
              .map((s) => s.id)
              .filter((id) => !collapsed.includes(id)),
            onExpand: (open, site) =>
              setCollapsed((c) => (open ? c.filter((id) => id !== site.id) : [...c, site.id])),
            expandedRowRender: (site) => (
              <Buildings
                site={site}
                report={report}
                onEdit={canEdit ? (building) => setEditing({ kind: 'building', site, building }) : undefined}
              />
            ),
          }}
        />
      </Card>
      {editing?.kind === 'site' && <SiteFormModal site={editing.site} onClose={() => setEditing(null)} />}
      {editing?.kind === 'building' && (
        <BuildingFormModal site={editing.site} building={editing.building} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
