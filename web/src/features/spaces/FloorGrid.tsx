import { Empty, Flex, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupDigits } from '../../app/format.ts';
import type { FloorPlan } from './spacesApi.ts';
import { floorLabel, hundredths, STATUS_COLORS } from './spacesFormat.ts';

type Tile = FloorPlan['floors'][number]['units'][number];

function TileTip({ unit }: { unit: Tile }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t('spaces.unit.type'), t(`spaces.types.${unit.type}`)],
    [t('spaces.unit.grossArea'), `${groupDigits(unit.grossArea)} m²`],
    [t('spaces.unit.status'), t(`spaces.statuses.${unit.status}`)],
  ];
  if (unit.customerName) rows.push([t('spaces.unit.customer'), unit.customerName]);
  if (unit.statusTo) rows.push([t('spaces.plan.untilLabel'), unit.statusTo]);
  return (
    <div style={{ fontSize: 12, lineHeight: '20px' }}>
      <div style={{ fontWeight: 600 }}>{unit.code}</div>
      {rows.map(([label, value]) => (
        <div key={label}>
          <span style={{ opacity: 0.7, marginInlineEnd: 8 }}>{label}</span>
          {value}
        </div>
      ))}
    </div>
  );
}

function UnitTile({ unit, onOpen }: { unit: Tile; onOpen: (id: string) => void }) {
  const colors = STATUS_COLORS[unit.status];
  // Tiles share a floor's width by area, like the floor itself; the minimum keeps a code and its area legible.
  const grow = Math.max(1, Math.round((hundredths(unit.grossArea) ?? 0) / 100));
  return (
    <Tooltip title={<TileTip unit={unit} />} mouseEnterDelay={0.2}>
      <button
        type="button"
        data-testid="unit-tile"
        data-status={unit.status}
        aria-label={unit.code}
        onClick={() => onOpen(unit.id)}
        style={{
          flex: `${grow} 1 0`,
          minWidth: 84,
          height: 44,
          padding: '3px 8px',
          background: colors.fill,
          border: 'none',
          borderLeft: `4px solid ${colors.solid}`,
          textAlign: 'left',
          font: 'inherit',
          borderRadius: 2,
          cursor: 'pointer',
          overflow: 'hidden',
          whiteSpace: 'nowrap',
          lineHeight: '19px',
        }}
      >
        <div style={{ fontWeight: 600, fontSize: 13, color: 'rgba(0,0,0,0.88)' }}>{unit.code}</div>
        <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.6)' }}>{groupDigits(unit.grossArea)} m²</div>
      </button>
    </Tooltip>
  );
}

/** The 租控图 itself: a row per floor, top floor first, a tile per unit coloured by its status. */
export function FloorGrid({ plan, onOpen }: { plan: FloorPlan; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (plan.floors.every((f) => f.units.length === 0)) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('spaces.plan.noUnits')} />;
  }
  return (
    <div style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius }}>
      {plan.floors.map((floor, index) => (
        <Flex
          key={floor.floor}
          data-testid="floor-row"
          data-floor={floorLabel(floor.floor)}
          style={{
            borderTop: index ? `1px solid ${token.colorBorderSecondary}` : undefined,
            // A thick line where the ground is.
            borderBottom: floor.floor === 1 ? `2px solid ${token.colorTextQuaternary}` : undefined,
          }}
        >
          <div
            style={{
              width: 56,
              flex: 'none',
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              fontWeight: 600,
              background: token.colorFillTertiary,
              color: floor.floor < 0 ? token.colorTextSecondary : token.colorText,
            }}
          >
            {floorLabel(floor.floor)}
          </div>
          <Flex gap={4} wrap style={{ flex: 1, padding: 4, minHeight: floor.units.length ? 52 : 28 }}>
            {floor.units.length ? (
              floor.units.map((unit) => <UnitTile key={unit.id} unit={unit} onOpen={onOpen} />)
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12, alignSelf: 'center', paddingLeft: 4 }}>
                {t('spaces.plan.floorEmpty')}
              </Typography.Text>
            )}
          </Flex>
        </Flex>
      ))}
    </div>
  );
}
