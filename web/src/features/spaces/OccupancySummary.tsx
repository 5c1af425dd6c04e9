import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupDigits } from '../../app/format.ts';
import type { OccupancyReport } from './spacesApi.ts';
import { leasedPercent } from './spacesFormat.ts';

type Figures = Pick<
  OccupancyReport['sites'][number],
  'leasableArea' | 'leasedArea' | 'units' | 'leasedUnits'
>;

function FiguresCard({ title, name, figures }: { title: string; name: string; figures: Figures }) {
  const { t } = useTranslation();
  const percent = leasedPercent(figures.leasedArea, figures.leasableArea);
  return (
    <Card size="small" styles={{ body: { padding: '10px 16px' } }}>
      <Flex justify="space-between" align="baseline">
        <Typography.Text type="secondary">
          {title} · <Typography.Text strong>{name}</Typography.Text>
        </Typography.Text>
        <Typography.Text strong style={{ fontSize: 18 }}>
          {percent}%
        </Typography.Text>
      </Flex>
      <Progress percent={percent} showInfo={false} size="small" style={{ margin: '4px 0' }} />
      <Flex justify="space-between" wrap gap={8} style={{ fontSize: 12 }}>
        <span>
          {t('spaces.occupancy.leasedArea')}{' '}
          <strong>
            {groupDigits(figures.leasedArea)} / {groupDigits(figures.leasableArea)} m²
          </strong>
        </span>
        <span>
          {t('spaces.occupancy.leasedUnits')}{' '}
          <strong>
            {figures.leasedUnits} / {figures.units}
          </strong>
        </span>
      </Flex>
    </Card>
  );
}

/** Leased share of the building on the plan and of its site, on the plan's date. */
export function OccupancySummary({
  report,
  siteId,
  buildingId,
}: {
  report: OccupancyReport | undefined;
  siteId: string | undefined;
  buildingId: string | undefined;
}) {
  const { t } = useTranslation();
  const site = report?.sites.find((s) => s.siteId === siteId);
  const building = site?.buildings.find((b) => b.buildingId === buildingId);
  if (!site) return null;
  return (
    <Row gutter={12} style={{ marginBottom: 12 }}>
      {building && (
        <Col xs={24} md={12}>
          <FiguresCard title={t('spaces.building')} name={building.name} figures={building} />
        </Col>
      )}
      <Col xs={24} md={12}>
        <FiguresCard title={t('spaces.site')} name={site.name} figures={site} />
      </Col>
    </Row>
  );
}
