import type { z } from 'zod';
import { partQuantity } from '../../../common/billing/utilities.ts';
import { addDays } from '../../../common/dates.ts';
import type { ReadingView, readingGridQuery, readingsQuery } from '../../../common/schemas/utilities.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../platform/http/cursor.ts';
import { utilityChargesOf } from '../billing/index.ts';
import { plain } from './meterQueries.ts';
import { coverage } from './prepareReadings.ts';
import { contractNumbers, lastBefore, listMeters, listReadings, type ReadingRow, sharesOf } from './repo.ts';

/**
 * Readings as the API shows them, with the utility lines each put into the plan or onto a bill; the units
 * a reading covers without a line are the ones nobody leased that day (the landlord's share).
 */
export async function readingViews(ctx: Ctx, rs: ReadingRow[]): Promise<ReadingView[]> {
  if (!rs.length) return [];
  const meterIds = [...new Set(rs.map((r) => r.meterId))];
  const meters = new Map(
    (await listMeters(ctx.tx, { ids: meterIds, limit: meterIds.length })).map((m) => [m.id, m]),
  );
  const shares = await sharesOf(
    ctx.tx,
    [...meters.values()].filter((m) => m.shared).map((m) => m.id),
  );
  const keyOf = (r: ReadingRow) =>
    r.previousReadOn ? { name: r.meterCode, periodStart: addDays(r.previousReadOn, 1) } : null;
  const charges = await utilityChargesOf(
    ctx.tx,
    rs.map(keyOf).filter((k) => k !== null),
  );
  const numbers = new Map(
    (
      await contractNumbers(ctx.tx, [...new Set(charges.map((c) => c.contractId).filter((x) => x !== null))])
    ).map((c) => [c.id, c.number]),
  );
  return rs.map((r) => {
    const key = keyOf(r);
    const meter = meters.get(r.meterId)!;
    const covered = key ? coverage(meter, shares) : [];
    const mine = key ? charges.filter((c) => c.name === key.name && c.periodStart === key.periodStart) : [];
    const consumption = plain(r.consumption);
    return {
      id: r.id,
      meterId: r.meterId,
      meterCode: r.meterCode,
      readOn: r.readOn,
      value: plain(r.value),
      previousValue: r.previousValue === null ? null : plain(r.previousValue),
      previousReadOn: r.previousReadOn,
      replacement: r.replacement,
      startValue: r.startValue === null ? null : plain(r.startValue),
      consumption,
      baseline: r.previousReadOn === null,
      charges: mine.map((c) => {
        const unit = covered.find((u) => u.unitId === c.unitId);
        return {
          unitId: c.unitId,
          unitCode: unit?.unitCode ?? null,
          contractId: c.contractId,
          contractNumber: c.contractId ? (numbers.get(c.contractId) ?? null) : null,
          quantity: partQuantity(r.consumption, unit?.part),
          netFen: c.netFen,
          taxFen: c.taxFen,
          totalFen: c.totalFen,
          vatRate: plain(c.vatRate),
          dueDate: c.dueDate,
          issueDate: c.issueDate,
          billId: c.billId,
        };
      }),
      unbilled:
        Number(r.consumption) > 0
          ? covered
              .filter((u) => !mine.some((c) => c.unitId === u.unitId))
              .map((u) => ({
                unitId: u.unitId,
                unitCode: u.unitCode,
                quantity: partQuantity(r.consumption, u.part),
              }))
          : [],
      createdAt: r.createdAt,
    };
  });
}

export async function findReadings(ctx: Ctx, q: z.output<typeof readingsQuery>) {
  const after = decodeCursor<[string, string]>(q.cursor, 2, [/^\d{4}-\d{2}-\d{2}$/, CURSOR_PART.uuid]);
  const rs = await listReadings(ctx.tx, { ...q, after, limit: q.limit + 1 });
  const items = await readingViews(ctx, rs.slice(0, q.limit));
  const end = items.at(-1);
  return { items, nextCursor: rs.length > q.limit && end ? encodeCursor([end.readOn, end.id]) : null };
}

export async function getReading(ctx: Ctx, id: string) {
  const [r] = await listReadings(ctx.tx, { id, limit: 1 });
  if (!r) throw notFound('reading');
  return (await readingViews(ctx, [r]))[0]!;
}

/** The grid of a building for a reading date: each meter in service, its last reading and today's. */
export async function readingGrid(ctx: Ctx, q: z.output<typeof readingGridQuery>) {
  const ms = await listMeters(ctx.tx, { buildingId: q.buildingId, limit: 2000 });
  const ids = ms.map((m) => m.id);
  const last = new Map((await lastBefore(ctx.tx, ids, q.readOn)).map((r) => [r.meterId, r]));
  const current = new Map(
    (
      await readingViews(
        ctx,
        ids.length ? await listReadings(ctx.tx, { meterIds: ids, on: q.readOn, limit: 2000 }) : [],
      )
    ).map((v) => [v.meterId, v]),
  );
  return {
    readOn: q.readOn,
    rows: ms.map((m) => {
      const l = last.get(m.id);
      return {
        meterId: m.id,
        code: m.code,
        type: m.type,
        unitCode: m.unitCode,
        shared: m.shared,
        multiplier: plain(m.multiplier),
        last: l ? { readOn: l.readOn, value: plain(l.value) } : null,
        current: current.get(m.id) ?? null,
      };
    }),
  };
}
