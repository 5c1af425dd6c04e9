import { addDays } from '../dates.ts';
import type { Fen } from '../money.ts';
import type { ScheduleLine } from './schedule.ts';

/*
 * What is left to bill of a contract, given its schedule and what was already issued: a pure function, so
 * that signing, amendments and terminations all redraw the plan the same way (docs/billing.md).
 */

export type PlanChargeType = ScheduleLine['chargeType'] | 'deposit';

/** The identity of a charge: issued once, corrected only by adjustments with a higher seq. */
export interface ChargeKey {
  chargeType: PlanChargeType;
  unitId: string | null;
  name: string;
  periodStart: string;
}

export interface PlannedCharge extends ChargeKey {
  kind: 'charge' | 'adjustment' | 'correction';
  seq: number;
  periodEnd: string;
  dueDate: string;
  issueDate: string;
  netFen: Fen;
  taxFen: Fen;
  totalFen: Fen;
  vatRate: string;
  reason: string | null;
}

/** What the lines of one key issued so far add up to. */
export interface IssuedKey extends ChargeKey {
  periodEnd: string;
  vatRate: string;
  netFen: Fen;
  taxFen: Fen;
  totalFen: Fen;
  maxSeq: number;
}

export interface PlanInput {
  /** The schedule (and the deposit) as the contract now stands, cut at its last day. */
  lines: (Omit<ScheduleLine, 'chargeType' | 'name'> & { chargeType: PlanChargeType; name: string | null })[];
  issued: IssuedKey[];
  signedOn: string;
  /** Billed outside Tenantry up to this day (an imported lease): periods starting on or before it are skipped. */
  billedThrough: string | null;
  /** A due date before the signing moves to signing + this many days. */
  dueAfterSigningDays: number;
  /** The business date of the change: adjustments go on the next bill from it. */
  today: string;
  reason: string | null;
}

export const keyOf = (k: ChargeKey) => `${k.chargeType}|${k.unitId ?? ''}|${k.name}|${k.periodStart}`;

export function planCharges(input: PlanInput): PlannedCharge[] {
  const issuedByKey = new Map(input.issued.map((i) => [keyOf(i), i]));
  const pending: PlannedCharge[] = [];
  const wanted = new Map<string, PlannedCharge>();
  for (const l of input.lines) {
    if (input.billedThrough && l.periodStart <= input.billedThrough) continue;
    const moved = l.dueDate < input.signedOn;
    const dueDate = moved ? addDays(input.signedOn, input.dueAfterSigningDays) : l.dueDate;
    const line: PlannedCharge = {
      chargeType: l.chargeType,
      unitId: l.unitId,
      name: l.name ?? '',
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      kind: 'charge',
      seq: 0,
      dueDate,
      issueDate: moved ? input.signedOn : l.issueDate,
      netFen: l.netFen,
      taxFen: l.taxFen,
      totalFen: l.totalFen,
      vatRate: l.vatRate,
      reason: null,
    };
    wanted.set(keyOf(line), line);
    if (!issuedByKey.has(keyOf(line))) pending.push(line);
  }
  // Adjustments ride on the next bill: the first charge still to come, or a bill of their own today.
  const next = pending
    .filter((p) => p.dueDate >= input.today)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  const adjustments: PlannedCharge[] = [];
  for (const i of input.issued) {
    const now = wanted.get(keyOf(i));
    const net = (now?.netFen ?? 0) - i.netFen;
    const tax = (now?.taxFen ?? 0) - i.taxFen;
    if (net === 0 && tax === 0) continue;
    adjustments.push({
      chargeType: i.chargeType,
      unitId: i.unitId,
      name: i.name,
      periodStart: i.periodStart,
      periodEnd: now?.periodEnd ?? i.periodEnd,
      kind: 'adjustment',
      seq: i.maxSeq + 1,
      dueDate: next?.dueDate ?? addDays(input.today, input.dueAfterSigningDays),
      issueDate: next?.issueDate ?? input.today,
      netFen: net,
      taxFen: tax,
      totalFen: net + tax,
      vatRate: now?.vatRate ?? i.vatRate,
      reason: input.reason,
    });
  }
  return [...pending, ...adjustments];
}
