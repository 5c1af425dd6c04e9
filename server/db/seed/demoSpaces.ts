import { addDays, addYears } from '../../../common/dates.ts';
import { createBuilding } from '../../modules/spaces/createBuilding.ts';
import { createSite } from '../../modules/spaces/createSite.ts';
import { createUnit } from '../../modules/spaces/createUnit.ts';
import { occupyUnits } from '../../modules/spaces/occupy.ts';
import type { Ctx } from '../../platform/context.ts';

interface BuildingPlan {
  name: string;
  floorsAbove: number;
  floorsBelow: number;
  type: 'office' | 'warehouse';
  /** Floors with units and units per floor. */
  floors: number[];
  perFloor: number;
  baseArea: number;
  basePrice: number;
  facilities: string[];
}

const SITES: { name: string; city: string; address: string; buildings: BuildingPlan[] }[] = [
  {
    name: '浦东软件园',
    city: '上海',
    address: '上海市浦东新区郭守敬路498号',
    buildings: [
      {
        name: 'A座',
        floorsAbove: 20,
        floorsBelow: 2,
        type: 'office',
        floors: range(2, 15),
        perFloor: 4,
        baseArea: 180,
        basePrice: 5.8,
        facilities: ['中央空调', '光纤网络', '24小时门禁'],
      },
      {
        name: 'B座',
        floorsAbove: 12,
        floorsBelow: 1,
        type: 'office',
        floors: range(1, 12),
        perFloor: 3,
        baseArea: 120,
        basePrice: 4.6,
        facilities: ['中央空调', '光纤网络'],
      },
    ],
  },
  {
    name: '嘉定物流园',
    city: '上海',
    address: '上海市嘉定区兴邦路88号',
    buildings: [
      {
        name: '1号库',
        floorsAbove: 2,
        floorsBelow: 0,
        type: 'warehouse',
        floors: [1, 2],
        perFloor: 8,
        baseArea: 650,
        basePrice: 1.35,
        facilities: ['货运电梯', '卸货平台', '消防喷淋'],
      },
      {
        name: '2号库',
        floorsAbove: 1,
        floorsBelow: 0,
        type: 'warehouse',
        floors: [1],
        perFloor: 12,
        baseArea: 900,
        basePrice: 1.2,
        facilities: ['卸货平台', '消防喷淋', '层高9米'],
      },
    ],
  },
];

function range(a: number, b: number) {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

const two = (n: number) => n.toFixed(2);

/** Two sites, four buildings and 120 units, through the same use-cases as the app. */
export async function seedDemoSpaces(ctx: Ctx, businessDate: string): Promise<number> {
  let count = 0;
  const unavailable: string[] = [];
  for (const s of SITES) {
    const site = await createSite(ctx, { name: s.name, city: s.city, address: s.address });
    for (const b of s.buildings) {
      const building = await createBuilding(ctx, {
        siteId: site.id,
        name: b.name,
        floorsAbove: b.floorsAbove,
        floorsBelow: b.floorsBelow,
      });
      for (const floor of b.floors) {
        for (let k = 1; k <= b.perFloor; k++) {
          // Deterministic variety: corner units larger, higher floors dearer.
          const gross = b.baseArea * (k === 1 || k === b.perFloor ? 1.35 : 1) + ((floor * 7 + k * 13) % 40);
          const inside = gross * (b.type === 'office' ? 0.78 : 0.95);
          const usable = inside * 0.92;
          const code =
            b.type === 'office'
              ? `${floor}${String(k).padStart(2, '0')}`
              : `${b.name.replace('号库', '')}-${floor}${String(k).padStart(2, '0')}`;
          const unit = await createUnit(ctx, {
            buildingId: building.id,
            code,
            type: b.type,
            floor,
            grossArea: two(gross),
            insideArea: two(inside),
            usableArea: two(usable),
            listPrice: (b.basePrice + floor * (b.type === 'office' ? 0.08 : 0)).toFixed(2),
            priceBasis: 'per_sqm_day',
            facilities: b.facilities,
            certificateNo: `沪(2019)${s.name.slice(0, 2)}字第${String(100000 + count).slice(1)}号`,
          });
          if (count % 37 === 5) unavailable.push(unit.id);
          count++;
        }
      }
    }
  }
  await occupyUnits(ctx, {
    unitIds: unavailable,
    kind: 'unavailable',
    from: businessDate,
    to: addDays(addYears(businessDate, 1), -1),
    sourceType: 'manual',
    reason: '装修改造',
  });
  return count;
}
