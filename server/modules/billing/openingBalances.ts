import {
  DEPOSIT_NAMES,
  defaultVatRate,
  OPENING_DEFAULT_NAME,
  OPENING_MAX_FEN,
  openingReason,
} from '../../../common/billing/opening.ts';
import { BINDING_STATUSES, type ContractStatus } from '../../../common/contracts/machine.ts';
import type { ErrorCode } from '../../../common/errors.ts';
import { formatYuan } from '../../../common/money.ts';
import type { CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import type { Ctx } from '../../platform/context.ts';
import { orgFacts } from '../orgs/index.ts';
import { type ContractOfNumber, contractsByNumber, takenKeys } from './openingBalanceRepo.ts';

type ChargeType = (typeof CHARGE_TYPES)[number];

/** One opening balance as the caller read it: a bill still unpaid, or a deposit held. */
export interface OpeningBalanceRow {
  /** The caller's reference, the sheet's row number: problems and audit rows name it. */
  ref: number;
  contractNumber: string;
  chargeType: ChargeType;
  /** Empty: 期初余额; a deposit is `rent` (the rent deposit, by default) or `property_fee`. */
  name: string | null;
  /** A deposit's default to the contract's start and end. */
  periodStart: string | null;
  periodEnd: string | null;
  /** Required but for a deposit, which is due on the day it is posted. May be long past. */
  dueDate: string | null;
  /** Tax-inclusive: what is still unpaid, or the deposit held. */
  totalFen: number;
  /** Empty: the organization's rate for the type; a deposit's is 0. */
  vatRate: string | null;
  originalBillNo: string | null;
  notes: string | null;
}

export type OpeningField = Exclude<keyof OpeningBalanceRow, 'ref'>;

export interface OpeningProblem {
  ref: number;
  field: OpeningField;
  code: ErrorCode;
  params?: Record<string, string | number>;
}

/** A row resolved against the contract and the settings, ready to post. */
export interface OpeningLine {
  ref: number;
  contractId: string;
  contractNumber: string;
  customerId: string;
  customerName: string;
  chargeType: ChargeType;
  name: string;
  periodStart: string;
  periodEnd: string;
  /** null for a deposit: due on the posting day. */
  dueDate: string | null;
  totalFen: number;
  vatRate: string;
  reason: string;
}

const RATE = /^0(\.\d{1,4})?$/;

function resolve(
  r: OpeningBalanceRow,
  c: ContractOfNumber | undefined,
  rates: Parameters<typeof defaultVatRate>[1],
): { line: OpeningLine | null; problems: OpeningProblem[] } {
  const problems: OpeningProblem[] = [];
  const fail = (field: OpeningField, code: ErrorCode, params?: OpeningProblem['params']) =>
    problems.push({ ref: r.ref, field, code, ...(params ? { params } : {}) });
  const deposit = r.chargeType === 'deposit';
  if (!c) fail('contractNumber', 'OPENING_CONTRACT_NOT_FOUND', { number: r.contractNumber });
  else if (!BINDING_STATUSES.includes(c.status as ContractStatus))
    fail('contractNumber', 'CHARGE_CONTRACT_NOT_BILLED', { number: c.number });
  if (!deposit) {
    for (const f of ['periodStart', 'periodEnd', 'dueDate'] as const)
      if (!r[f]) fail(f, 'OPENING_VALUE_REQUIRED');
  }
  // Only a deposit's period defaults: to the contract's term.
  const periodStart = r.periodStart ?? (deposit ? c?.startDate : null) ?? null;
  const periodEnd = r.periodEnd ?? (deposit ? c?.endDate : null) ?? null;
  if (periodStart && periodEnd && periodEnd < periodStart) fail('periodEnd', 'OPENING_PERIOD_INVALID');
  if (!Number.isSafeInteger(r.totalFen) || r.totalFen <= 0 || r.totalFen > OPENING_MAX_FEN)
    fail('totalFen', 'OPENING_AMOUNT_RANGE', { max: formatYuan(OPENING_MAX_FEN).slice(1, -3) });
  if (r.vatRate !== null && !RATE.test(r.vatRate)) fail('vatRate', 'OPENING_VAT_RATE');
  else if (deposit && r.vatRate !== null && Number(r.vatRate) !== 0) fail('vatRate', 'OPENING_DEPOSIT_VAT');
  const name = r.name ?? (deposit ? 'rent' : OPENING_DEFAULT_NAME);
  if (deposit && !(DEPOSIT_NAMES as readonly string[]).includes(name)) fail('name', 'OPENING_DEPOSIT_NAME');
  if (problems.length || !c || !periodStart || !periodEnd) return { line: null, problems };
  return {
    line: {
      ref: r.ref,
      contractId: c.id,
      contractNumber: c.number,
      customerId: c.customerId,
      customerName: c.customerName,
      chargeType: r.chargeType,
      name,
      periodStart,
      periodEnd,
      dueDate: deposit ? null : r.dueDate,
      totalFen: r.totalFen,
      vatRate: deposit ? '0' : (r.vatRate ?? defaultVatRate(r.chargeType, rates)),
      reason: openingReason(r.originalBillNo, r.notes),
    },
    problems,
  };
}

const keyOf = (l: OpeningLine) => `${l.contractId}|${l.chargeType}|${l.name}|${l.periodStart}`;

/**
 * Checks opening balances against the contracts, the settings and what is already billed: the contract
 * must exist and be binding (signed, active, expired or terminated); a charge key (contract, type, name,
 * period start) may appear once in the rows and must be new to the contract, neither issued nor planned (a
 * planned one the billing run will bill). The preview and the commit run the same check. A few queries
 * for any number of rows.
 */
export async function checkOpeningBalances(
  ctx: Ctx,
  list: readonly OpeningBalanceRow[],
): Promise<{ lines: OpeningLine[]; problems: OpeningProblem[] }> {
  const { settings } = await orgFacts(ctx);
  const numbers = [...new Set(list.map((r) => r.contractNumber))];
  const contracts = new Map((await contractsByNumber(ctx.tx, ctx.orgId, numbers)).map((c) => [c.number, c]));
  const problems: OpeningProblem[] = [];
  const candidates: OpeningLine[] = [];
  const first = new Map<string, number>();
  for (const r of list) {
    const { line, problems: p } = resolve(r, contracts.get(r.contractNumber), settings.vatRates);
    problems.push(...p);
    if (!line) continue;
    // First come, first served: a later row of the same charge is the problem.
    const row = first.get(keyOf(line));
    if (row !== undefined) {
      problems.push({ ref: r.ref, field: 'contractNumber', code: 'OPENING_KEY_REPEATED', params: { row } });
      continue;
    }
    first.set(keyOf(line), r.ref);
    candidates.push(line);
  }
  const taken = new Map(
    (
      await takenKeys(
        ctx.tx,
        candidates.map((l, i) => ({
          i,
          contractId: l.contractId,
          chargeType: l.chargeType,
          name: l.name,
          periodStart: l.periodStart,
        })),
      )
    ).map((t) => [t.i, t]),
  );
  const lines: OpeningLine[] = [];
  candidates.forEach((l, i) => {
    const t = taken.get(i);
    if (!t) lines.push(l);
    else if (t.bill)
      problems.push({
        ref: l.ref,
        field: 'contractNumber',
        code: 'OPENING_KEY_ISSUED',
        params: { number: l.contractNumber, bill: t.bill },
      });
    else
      problems.push({
        ref: l.ref,
        field: 'contractNumber',
        code: 'OPENING_KEY_PLANNED',
        params: { number: l.contractNumber },
      });
  });
  problems.sort((a, b) => a.ref - b.ref);
  return { lines, problems };
}
