import type { z } from 'zod';
import type { metersQuery } from '../../../common/schemas/utilities.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { listMeters, type MeterRow, type ShareRow, sharesOf } from './repo.ts';

/** Readings and quantities without trailing zeros: 1200.50 → 1200.5, 100.0000 → 100. */
export const plain = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

function meterView(m: MeterRow, shares: ShareRow[]) {
  return {
    id: m.id,
    code: m.code,
    type: m.type,
    buildingId: m.buildingId,
    buildingName: m.buildingName,
    unitId: m.unitId,
    unitCode: m.unitCode,
    shared: m.shared,
    splitRule: m.splitRule,
    multiplier: plain(m.multiplier),
    notes: m.notes,
    retiredAt: m.retiredAt,
    shares: shares
      .filter((s) => s.meterId === m.id)
      .map((s) => ({
        unitId: s.unitId,
        unitCode: s.unitCode,
        grossArea: s.grossArea,
        percent: s.percent === null ? null : plain(s.percent),
      })),
    lastReading: m.lastReadOn && m.lastValue ? { readOn: m.lastReadOn, value: plain(m.lastValue) } : null,
  };
}

export async function findMeters(ctx: Ctx, q: z.output<typeof metersQuery>) {
  const after = decodeCursor<[string, string, string]>(q.cursor, 3, [undefined, undefined, CURSOR_PART.uuid]);
  const rs = await listMeters(ctx.tx, { ...q, code: q.code || undefined, after, limit: q.limit + 1 });
  const shares = await sharesOf(
    ctx.tx,
    rs.filter((m) => m.shared).map((m) => m.id),
  );
  return page(
    rs,
    q.limit,
    (m) => [m.buildingName, m.code, m.id],
    (m) => meterView(m, shares),
  );
}

export async function getMeter(ctx: Ctx, id: string) {
  const [m] = await listMeters(ctx.tx, { ids: [id], limit: 1 });
  if (!m) throw notFound('meter');
  return meterView(m, await sharesOf(ctx.tx, [id]));
}
