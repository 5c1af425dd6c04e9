import type { z } from 'zod';
import { addDays } from '../../../common/dates.ts';
import type { readingCorrectionBody } from '../../../common/schemas/utilities.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { issuedUtilityCharges, planUtilityCharges, unplanUtilityCharges } from '../billing/index.ts';
import { prepareReadings } from './prepareReadings.ts';
import { auditOf, refuse } from './recordReadings.ts';
import {
  deleteReadingRow,
  latestReadings,
  listReadings,
  lockMeters,
  type ReadingRow,
  updateReadingRow,
} from './repo.ts';

/*
 * A reading may be corrected or deleted while its charges are still in the plan: the plan rows are
 * replaced in the same transaction. Once a billing run has issued any of them the reading stands
 * (corrections after issue are adjustments). Only a meter's latest reading: an earlier one is the base of
 * the next.
 */
async function changeable(ctx: Ctx, id: string): Promise<ReadingRow> {
  const [r] = await listReadings(ctx.tx, { id, limit: 1 });
  if (!r) throw notFound('reading');
  await lockMeters(ctx.tx, [r.meterId]);
  const [latest] = await latestReadings(ctx.tx, [r.meterId]);
  if (latest?.id !== id) throw new AppError('UTILITY_READING_NOT_LATEST');
  if (r.previousReadOn) {
    const key = { name: r.meterCode, periodStart: addDays(r.previousReadOn, 1) };
    if (await issuedUtilityCharges(ctx.tx, key)) throw new AppError('UTILITY_READING_BILLED');
    await unplanUtilityCharges(ctx.tx, key);
    // A billing run may have taken the rows between the check and the delete (the delete waited for it):
    // looking again, after it committed, refuses rather than planning a charge it has just issued.
    if (await issuedUtilityCharges(ctx.tx, key)) throw new AppError('UTILITY_READING_BILLED');
  }
  return r;
}

const before = (r: ReadingRow) => ({
  value: r.value,
  replacement: r.replacement,
  startValue: r.startValue,
  consumption: r.consumption,
});

export async function correctReading(
  ctx: Ctx,
  id: string,
  body: z.output<typeof readingCorrectionBody>,
  today: string,
) {
  const r = await changeable(ctx, id);
  const { problems, prepared } = await prepareReadings(
    ctx,
    [
      {
        row: 0,
        prefix: '',
        meterId: r.meterId,
        readOn: r.readOn,
        value: body.value,
        replacement: body.replacement,
        startValue: body.startValue ?? null,
      },
    ],
    { today, exclude: id },
  );
  if (problems.length) refuse(problems);
  const p = prepared[0]!;
  await updateReadingRow(ctx.tx, id, {
    value: p.input.value,
    replacement: p.input.replacement,
    startValue: p.input.replacement ? p.input.startValue : null,
    consumption: p.consumption,
  });
  await planUtilityCharges(
    ctx,
    p.charges.map(({ unitCode: _, contractNumber: __, quantity: ___, ...c }) => c),
  );
  await recordAudit(ctx, {
    entityType: 'meter_reading',
    entityId: id,
    action: 'correct',
    before: before(r),
    after: auditOf(p),
  });
}

export async function deleteReading(ctx: Ctx, id: string) {
  const r = await changeable(ctx, id);
  await deleteReadingRow(ctx.tx, id, r.meterId);
  await recordAudit(ctx, {
    entityType: 'meter_reading',
    entityId: id,
    action: 'delete',
    before: { meterId: r.meterId, meterCode: r.meterCode, readOn: r.readOn, ...before(r) },
  });
}
