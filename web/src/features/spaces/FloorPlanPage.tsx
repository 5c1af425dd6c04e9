import { Card, DatePicker, Empty, Flex, Radio, Select, Skeleton, Space, theme } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIn } from '../../../../common/dates.ts';
import { UNIT_STATUSES } from '../../../../common/schemas/spaces.ts';
import { useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { FloorGrid } from './FloorGrid.tsx';
import { OccupancySummary } from './OccupancySummary.tsx';
import { type FloorPlan, useBuildings, useFloorPlan, useOccupancy, useSites } from './spacesApi.ts';
import { STATUS_COLORS } from './spacesFormat.ts';
import { UnitDrawer } from './UnitDrawer.tsx';

function Legend({ plan }: { plan: FloorPlan | undefined }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const units = plan?.floors.flatMap((f) => f.units) ?? [];
  return (
    <Space size={16} wrap data-testid="plan-legend">
      {UNIT_STATUSES.map((status) => (
        <Space key={status} size={6}>
          <span
            style={{
              display: 'inline-block',
              width: 14,
              height: 14,
              background: STATUS_COLORS[status].fill,
              borderLeft: `4px solid ${STATUS_COLORS[status].solid}`,
              verticalAlign: 'middle',
            }}
          />
          <span>{t(`spaces.statuses.${status}`)}</span>
          <strong>{units.filter((u) => u.status === status).length}</strong>
        </Space>
      ))}
      <span style={{ color: token.colorTextSecondary }}>
        {t('spaces.plan.total', { count: units.length })}
      </span>
    </Space>
  );
}

export function FloorPlanPage() {
  const { t } = useTranslation();
  const today = todayIn(useUser().org.timeZone);
  const [chosenSite, setChosenSite] = useState<string>();
  const [chosenBuilding, setChosenBuilding] = useState<string>();
  const [asOf, setAsOf] = useState(today);
  const [openId, setOpenId] = useState<string | null>(null);
  const sites = useSites();
  const siteId = chosenSite ?? sites.data?.[0]?.id;
  const buildings = useBuildings(siteId);
  const siteBuildings = siteId ? buildings.data : undefined;
  const buildingId = siteBuildings?.find((b) => b.id === chosenBuilding)?.id ?? siteBuildings?.[0]?.id;
  const plan = useFloorPlan(buildingId, asOf);
  const occupancy = useOccupancy(asOf);

  return (
    <>
      <PageHeader title={t('nav.spacesFloorPlan')} subtitle={t('spaces.plan.subtitle')} />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select<string>
            id="plan-site"
            value={siteId}
            loading={sites.isPending}
            onChange={(id) => {
              setChosenSite(id);
              setChosenBuilding(undefined);
            }}
            options={sites.data?.map((s) => ({ value: s.id, label: s.name }))}
            showSearch={{ optionFilterProp: 'label' }}
            prefix={t('spaces.site')}
            style={{ width: 230 }}
          />
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            value={buildingId}
            onChange={(e) => setChosenBuilding(e.target.value)}
            options={siteBuildings?.map((b) => ({ value: b.id, label: b.name })) ?? []}
          />
          <DatePicker
            allowClear={false}
            value={dayjs(asOf)}
            onChange={(d) => d && setAsOf(d.format('YYYY-MM-DD'))}
            prefix={t('spaces.asOf')}
            style={{ width: 190 }}
          />
        </Flex>
        <OccupancySummary report={occupancy.data} siteId={siteId} buildingId={buildingId} />
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Legend plan={plan.data} />
        </Flex>
        {sites.data?.length === 0 || siteBuildings?.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('spaces.plan.noBuildings')} />
        ) : plan.isError ? (
          <LoadFailed message={plan.error.message} onRetry={() => void plan.refetch()} />
        ) : plan.data ? (
          <FloorGrid plan={plan.data} onOpen={setOpenId} />
        ) : (
          <Skeleton active paragraph={{ rows: 12 }} />
        )}
      </Card>
      <UnitDrawer unitId={openId} asOf={asOf} onClose={() => setOpenId(null)} />
    </>
  );
}
