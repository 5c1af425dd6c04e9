import type { z } from 'zod';
import { CHARGE_TYPE_LABELS } from '../../../common/billing/labels.ts';
import type { manualItem, SettlementItem, SettlementItemKind } from '../../../common/schemas/settlements.ts';
import type { Ctx } from '../../platform/context.ts';
import { depositFigures } from './depositLedger.ts';
import { type ContractFacts, customerCreditFen, openLinesOfContract, pendingPlan } from './settlementRepo.ts';

/** The kinds that make up what the customer owes at the end (`due`). */
export const DUE_KINDS: readonly SettlementItemKind[] = [
  'pending',
  'unpaid',
  'credit',
  'penalty',
  'damage',
  'other',
];
/** The kinds computed from the accounts (not typed by finance): a confirmation finds them unchanged. */
const AUTO_KINDS: readonly SettlementItemKind[] = [
  'pending',
  'unpaid',
  'credit',
  'deposit_unreceived',
  'damage',
  'customer_credit',
];

const item = (i: Partial<SettlementItem> & Pick<SettlementItem, 'kind' | 'name' | 'amountFen'>) => ({
  chargeType: null,
  periodStart: null,
  periodEnd: null,
  ref: null,
  billNumber: null,
  reason: null,
  evidenceFileIds: [],
  ...i,
});

/** A line's name as printed: 租金, 物业服务费, the other charge's own name, the deposit's kind. */
export function chargeName(l: { chargeType: keyof typeof CHARGE_TYPE_LABELS; name: string; kind?: string }) {
  const base =
    l.chargeType === 'deposit'
      ? l.name === 'property_fee'
        ? '物业服务费保证金'
        : l.name === 'rent'
          ? '租赁保证金'
          : l.name
      : (l.chargeType === 'other' || l.chargeType === 'one_off') && l.name
        ? l.name
        : CHARGE_TYPE_LABELS[l.chargeType];
  return l.kind === 'charge' ? base : `${base}（调整）`;
}

/** The contract's last day: a termination's effective date, else the end of the term. */
export const endsOn = (c: ContractFacts) => c.terminatedOn ?? c.endDate;

/**
 * Everything the final settlement of a contract lists, from the accounts as they stand: charges still
 * planned (issued at confirmation; credits for what was billed beyond the end are negative), lines still
 * open, credit lines not yet applied, damages from the move-out inspection, the items finance typed, the
 * customer's other unapplied money, and the deposit held. A deposit billed but never received is not owed
 * at the end: it is listed, and cancelled at confirmation.
 */
export async function computeSettlement(ctx: Ctx, c: ContractFacts, manual: z.output<typeof manualItem>[]) {
  const items: SettlementItem[] = [];
  for (const p of await pendingPlan(ctx.tx, c.id)) {
    items.push(
      item({
        kind: 'pending',
        name: chargeName(p),
        amountFen: p.totalFen,
        chargeType: p.chargeType,
        periodStart: p.periodStart,
        periodEnd: p.periodEnd,
        ref: p.id,
      }),
    );
  }
  let contractCredit = 0;
  for (const l of await openLinesOfContract(ctx.tx, c.id)) {
    const base = {
      name: chargeName(l),
      chargeType: l.chargeType,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      ref: l.id,
      billNumber: l.billNumber,
    };
    if (l.totalFen < 0) {
      contractCredit += l.leftFen;
      items.push(item({ kind: 'credit', amountFen: -l.leftFen, ...base }));
    } else if (l.chargeType === 'deposit') {
      items.push(item({ kind: 'deposit_unreceived', amountFen: l.leftFen, ...base }));
    } else items.push(item({ kind: 'unpaid', amountFen: l.leftFen, ...base }));
  }
  const damages = c.moveOut?.damages ?? [];
  for (const d of damages.filter((x) => x.amountFen > 0)) {
    items.push(
      item({
        kind: 'damage',
        name: d.item,
        amountFen: d.amountFen,
        reason: '退租验收损坏赔偿',
        evidenceFileIds: c.moveOut?.photoFileIds ?? [],
      }),
    );
  }
  for (const m of manual) {
    items.push(
      item({
        kind: m.kind,
        name: m.name,
        amountFen: m.amountFen,
        reason: m.reason,
        evidenceFileIds: m.evidenceFileIds,
      }),
    );
  }
  // The customer's money not applied yet, other than this contract's credit lines (already items).
  const otherCredit = (await customerCreditFen(ctx.tx, c.customerId)) - contractCredit;
  if (otherCredit > 0)
    items.push(item({ kind: 'customer_credit', name: '客户预收款余额', amountFen: otherCredit }));
  const deposit = await depositFigures(ctx, c.id);
  return { items, ...totals(items, deposit.heldFen) };
}

export function totals(items: readonly SettlementItem[], depositHeldFen: number) {
  const dueFen = items.filter((i) => DUE_KINDS.includes(i.kind)).reduce((n, i) => n + i.amountFen, 0);
  const customerCreditFen = items
    .filter((i) => i.kind === 'customer_credit')
    .reduce((n, i) => n + i.amountFen, 0);
  return {
    depositHeldFen,
    customerCreditFen,
    dueFen,
    resultFen: depositHeldFen + customerCreditFen - dueFen,
  };
}

/** What a confirmation compares with the draft: the computed items and the deposit held. */
export function fingerprint(items: readonly SettlementItem[], depositHeldFen: number) {
  const auto = items
    .filter((i) => AUTO_KINDS.includes(i.kind))
    .map((i) => `${i.kind}|${i.ref ?? i.name}|${i.amountFen}`)
    .sort();
  return JSON.stringify([auto, depositHeldFen]);
}
