import type { z } from 'zod';
import type { settlementDraftBody } from '../../../common/schemas/settlements.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { computeSettlement } from './settlementItems.ts';
import {
  type ContractFacts,
  contractFacts,
  contractFilesIn,
  currentSettlement,
  insertSettlement,
  updateSettlement,
} from './settlementRepo.ts';

/** Settlement is for a contract that has ended: terminated or expired (common/contracts/machine.ts). */
export async function endedContract(ctx: Ctx, contractId: string): Promise<ContractFacts> {
  const c = await contractFacts(ctx.tx, contractId);
  if (!c) throw notFound('contract');
  if (c.status !== 'terminated' && c.status !== 'expired')
    throw new AppError('SETTLEMENT_CONTRACT_NOT_ENDED');
  return c;
}

/**
 * Computes the settlement of an ended contract as of a date and keeps it as the contract's draft; a draft
 * computed again replaces the last one (same number). Once confirmed it cannot be redrawn.
 */
export async function draftSettlement(
  ctx: Ctx,
  contractId: string,
  body: z.output<typeof settlementDraftBody>,
  today: string,
) {
  const c = await endedContract(ctx, contractId);
  const asOf = body.asOf ?? today;
  if (asOf > today) throw new AppError('BILLING_DATE_IN_FUTURE', { date: today }, 'asOf');
  // The evidence named must be files of this contract.
  for (const [i, m] of body.items.entries()) {
    const found = await contractFilesIn(ctx.tx, c.id, m.evidenceFileIds);
    if (found.length !== new Set(m.evidenceFileIds).size)
      throw new AppError('SETTLEMENT_FILE_INVALID', {}, `items.${i}.evidenceFileIds`);
  }
  const existing = await currentSettlement(ctx.tx, c.id, true);
  if (existing && existing.status !== 'draft')
    throw new AppError('SETTLEMENT_ALREADY_CONFIRMED', { number: existing.number });
  const s = await computeSettlement(ctx, c, body.items);
  const values = {
    asOf,
    items: s.items,
    depositHeldFen: s.depositHeldFen,
    dueFen: s.dueFen,
    resultFen: s.resultFen,
  };
  const row = existing
    ? await updateSettlement(ctx.tx, existing.id, { ...values, createdBy: ctx.actor.id })
    : await insertSettlement(ctx.tx, {
        id: newId(),
        orgId: ctx.orgId,
        number: await nextNumber(ctx.tx, ctx.orgId, 'JS', Number(asOf.slice(0, 4))),
        contractId: c.id,
        customerId: c.customerId,
        status: 'draft',
        createdBy: ctx.actor.id,
        ...values,
      });
  await recordAudit(ctx, {
    entityType: 'settlement',
    entityId: row.id,
    action: existing ? 'settlement.recompute' : 'settlement.draft',
    customerId: c.customerId,
    before: existing
      ? { asOf: existing.asOf, dueFen: existing.dueFen, resultFen: existing.resultFen, items: existing.items }
      : null,
    after: { number: row.number, contractId: c.id, ...values },
  });
  return row;
}
