import type { PAYMENT_METHODS } from '../../../common/schemas/billing.ts';
import type { SettlementItem, SettlementView } from '../../../common/schemas/settlements.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { depositFigures } from './depositLedger.ts';
import { endsOn, totals } from './settlementItems.ts';
import {
  billOfSettlement,
  contractFacts,
  contractFilesIn,
  currentSettlement,
  findSettlement,
  type SettlementRow,
  userName,
  violationsOf,
} from './settlementRepo.ts';

async function present(ctx: Ctx, s: SettlementRow): Promise<SettlementView> {
  const c = (await contractFacts(ctx.tx, s.contractId))!;
  const items = s.items as SettlementItem[];
  const t = totals(items, s.depositHeldFen);
  const deposit = await depositFigures(ctx, c.id);
  const mine = deposit.movements.filter((m) => m.settlementId === s.id);
  const refund = mine.find((m) => m.kind === 'refunded');
  const fileIds = [...new Set(items.flatMap((i) => i.evidenceFileIds))];
  return {
    id: s.id,
    number: s.number,
    contractId: c.id,
    contractNumber: c.number,
    contractStatus: c.status,
    customerId: c.customerId,
    customerName: c.customerName,
    asOf: s.asOf,
    endsOn: endsOn(c),
    status: s.status,
    items,
    depositHeldFen: s.depositHeldFen,
    customerCreditFen: t.customerCreditFen,
    dueFen: s.dueFen,
    resultFen: s.resultFen,
    movedOutOn: c.movedOutOn,
    moveOutRequired: Boolean(c.handedOverOn),
    liabilities: c.termination?.liabilities ?? null,
    violations: await violationsOf(ctx.tx, c.id),
    bill: await billOfSettlement(ctx.tx, s.id).then((b) => (b ? { id: b.id, number: b.number } : null)),
    deductedFen: mine.filter((m) => m.kind === 'deducted').reduce((n, m) => n + m.amountFen, 0),
    confirmedAt: s.confirmedAt ? new Date(s.confirmedAt).toISOString() : null,
    confirmedByName: await userName(ctx.tx, s.confirmedBy),
    refundFen: s.status === 'refunded' ? (refund?.amountFen ?? 0) : null,
    refundedOn: s.refundedOn,
    refundMethod: s.refundMethod as (typeof PAYMENT_METHODS)[number] | null,
    refundReference: s.refundReference,
    files: await contractFilesIn(ctx.tx, c.id, fileIds),
  };
}

export async function getSettlement(ctx: Ctx, id: string) {
  const s = await findSettlement(ctx.tx, id);
  if (!s) throw notFound('settlement');
  return present(ctx, s);
}

/** The contract's settlement (draft or later), or null when none was drawn up. */
export async function settlementOfContract(ctx: Ctx, contractId: string) {
  if (!(await contractFacts(ctx.tx, contractId))) throw notFound('contract');
  const s = await currentSettlement(ctx.tx, contractId);
  return s ? present(ctx, s) : null;
}
