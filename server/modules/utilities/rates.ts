import type { z } from 'zod';
import type { utilityRateBody } from '../../../common/schemas/utilities.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { plain } from './meterQueries.ts';
import {
  contractExists,
  deleteRateRow,
  insertRate,
  listRates,
  type RateRow,
  rateById,
  rateExists,
} from './repo.ts';

/*
 * Utility prices (R5.2.1): the organization's default per meter type, or a contract's own, which wins.
 * Each takes effect from a date; the price in force on the reading date prices the whole reading.
 * Prices include VAT.
 */

const view = (r: RateRow) => ({ ...r, price: plain(r.price), vatRate: plain(r.vatRate) });

export async function findRates(ctx: Ctx, contractId: string | undefined) {
  return { items: (await listRates(ctx.tx, contractId ?? null)).map(view) };
}

export async function createRate(ctx: Ctx, b: z.output<typeof utilityRateBody>): Promise<string> {
  const contractId = b.contractId ?? null;
  if (contractId && !(await contractExists(ctx.tx, contractId)))
    throw new AppError('NOT_FOUND', { entity: 'contract' }, 'contractId');
  if (await rateExists(ctx.tx, { contractId, meterType: b.meterType, effectiveFrom: b.effectiveFrom }))
    throw new AppError('UTILITY_RATE_EXISTS', { date: b.effectiveFrom }, 'effectiveFrom');
  const id = newId();
  const row = {
    contractId,
    meterType: b.meterType,
    price: b.price,
    vatRate: b.vatRate,
    effectiveFrom: b.effectiveFrom,
  };
  await insertRate(ctx.tx, { id, orgId: ctx.orgId, createdBy: ctx.actor.id, ...row });
  await recordAudit(ctx, { entityType: 'utility_rate', entityId: id, action: 'create', after: row });
  return id;
}

export async function getRate(ctx: Ctx, id: string) {
  const r = await rateById(ctx.tx, id);
  if (!r) throw notFound('utility rate');
  return view(r);
}

/** A price entered by mistake; charges already planned keep the price they were priced at. */
export async function deleteRate(ctx: Ctx, id: string): Promise<void> {
  const r = await rateById(ctx.tx, id);
  if (!r) throw notFound('utility rate');
  await deleteRateRow(ctx.tx, id);
  const { createdAt: _, id: __, ...before } = r;
  await recordAudit(ctx, { entityType: 'utility_rate', entityId: id, action: 'delete', before });
}
