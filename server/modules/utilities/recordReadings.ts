import type { z } from 'zod';
import type { readingsBody } from '../../../common/schemas/utilities.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { planUtilityCharges } from '../billing/index.ts';
import { type PreparedReading, type Problem, prepareReadings } from './prepareReadings.ts';
import { readingViews } from './readingQueries.ts';
import { insertReadings, listReadings, lockMeters } from './repo.ts';

/** Every problem at once: the first one is the error, all of them (row, field, reason) are its details. */
export function refuse(problems: Problem[]): never {
  const first = problems[0]!;
  throw new AppError(first.code, first.params, first.field, undefined, {
    problems: problems.map(({ row, field, code, message }) => ({ row, field, code, message })),
  });
}

/** Writes checked readings, plans their charges on each contract's next bill and audits each reading. */
export async function writeReadings(ctx: Ctx, prepared: PreparedReading[]) {
  const ids = prepared.map(() => newId());
  await insertReadings(
    ctx.tx,
    prepared.map((p, k) => ({
      id: ids[k]!,
      orgId: ctx.orgId,
      meterId: p.meter.id,
      readOn: p.input.readOn,
      value: p.input.value,
      previousValue: p.previousValue,
      replacement: p.input.replacement,
      startValue: p.input.replacement ? p.input.startValue : null,
      consumption: p.consumption,
      enteredBy: ctx.actor.id,
    })),
  );
  await planUtilityCharges(
    ctx,
    prepared.flatMap((p) => p.charges.map(({ unitCode: _, contractNumber: __, quantity: ___, ...c }) => c)),
  );
  for (const [k, p] of prepared.entries())
    await recordAudit(ctx, {
      entityType: 'meter_reading',
      entityId: ids[k]!,
      action: 'create',
      after: auditOf(p),
    });
  return ids;
}

export const auditOf = (p: PreparedReading) => ({
  meterId: p.meter.id,
  meterCode: p.meter.code,
  readOn: p.input.readOn,
  value: p.input.value,
  previousValue: p.previousValue,
  replacement: p.input.replacement,
  startValue: p.input.replacement ? p.input.startValue : null,
  consumption: p.consumption,
  charges: p.charges.map((c) => ({ unitId: c.unitId, contractId: c.contractId, totalFen: c.totalFen })),
  unbilled: p.unbilled.map((u) => u.unitId),
});

/** The grid of a building for one date (R5.2.1): all rows or none. */
export async function recordReadings(ctx: Ctx, body: z.output<typeof readingsBody>, today: string) {
  await lockMeters(
    ctx.tx,
    body.rows.map((r) => r.meterId),
  );
  const { problems, prepared } = await prepareReadings(
    ctx,
    body.rows.map((r, i) => ({
      row: i,
      prefix: `rows.${i}.`,
      meterId: r.meterId,
      readOn: body.readOn,
      value: r.value,
      replacement: r.replacement,
      startValue: r.startValue ?? null,
    })),
    { today },
  );
  if (problems.length) refuse(problems);
  const ids = await writeReadings(ctx, prepared);
  const rs = await listReadings(ctx.tx, { ids, limit: ids.length });
  const views = await readingViews(ctx, rs);
  return ids.map((id) => views.find((v) => v.id === id)!);
}
