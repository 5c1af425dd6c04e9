import { sql } from 'drizzle-orm';
import { addDays } from '../../../common/dates.ts';
import type { MeterType } from '../../../common/schemas/utilities.ts';
import { createMeter, createRate, recordReadings } from '../../modules/utilities/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';

/**
 * The demo's meters (R5.2.1): the organization's prices, an electricity and a water meter on each of the
 * first leased units, and last month's readings as their baselines, so this month's round can start.
 */
export async function seedDemoUtilities(ctx: Ctx, today: string) {
  const from = `${Number(today.slice(0, 4)) - 2}-01-01`;
  await createRate(ctx, { meterType: 'electricity', price: '1.0500', vatRate: '0.13', effectiveFrom: from });
  await createRate(ctx, { meterType: 'water', price: '5.2000', vatRate: '0.09', effectiveFrom: from });
  const units = await rows<{ id: string; buildingId: string }>(
    ctx.tx,
    sql`select u.id, u.building_id as "buildingId" from units u
        where exists (select 1 from unit_occupancy o where o.unit_id = u.id and o.kind = 'leased'
                        and o.released_at is null and o.from_date <= ${today} and o.to_date >= ${today})
        order by u.building_id, u.code collate "C" limit 4`,
  );
  const readings: { meterId: string; value: string }[] = [];
  for (const [i, u] of units.entries()) {
    for (const [type, prefix, value] of [
      ['electricity', 'E', String(12_000 + i * 1_531)],
      ['water', 'W', String(300 + i * 47)],
    ] as [MeterType, string, string][]) {
      const meterId = await createMeter(ctx, {
        code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
        type,
        buildingId: u.buildingId,
        unitId: u.id,
        shared: false,
        multiplier: '1',
        shares: [],
      });
      readings.push({ meterId, value });
    }
  }
  if (!readings.length) return;
  await recordReadings(
    ctx,
    { readOn: addDays(today, -30), rows: readings.map((r) => ({ ...r, replacement: false })) },
    today,
  );
}
