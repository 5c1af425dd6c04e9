import { addMonths, endOfMonth, startOfMonth } from '../../../../common/dates.ts';
import { formatYuan } from '../../../../common/money.ts';
import { STATEMENT_STATUSES } from '../../../../common/schemas/statements.ts';
import type { Period, StatementEntry, StatementFilters, StatementStatus } from './statementsApi.ts';

/** The translation function, as much of it as these helpers use (i18next's `t` fits). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Issued in blue (waiting for the customer), confirmed in green, disputed in red. */
export const STATEMENT_STATUS_COLORS: Record<StatementStatus, string> = {
  issued: 'blue',
  confirmed: 'green',
  disputed: 'red',
};

export const PERIOD_PRESETS = ['thisMonth', 'lastMonth', 'thisYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

/**
 * The quick choices of the period picker, from the organization's today: this month and this year run to
 * today (a statement says what is owed so far), last month is the whole previous calendar month.
 */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  switch (preset) {
    case 'thisMonth':
      return { from: startOfMonth(today), to: today };
    case 'lastMonth': {
      const from = addMonths(startOfMonth(today), -1);
      return { from, to: endOfMonth(from) };
    }
    case 'thisYear':
      return { from: `${today.slice(0, 4)}-01-01`, to: today };
  }
}

/** Statements are usually drawn up for the month just closed. */
export const defaultPeriod = (today: string): Period => presetPeriod('lastMonth', today);

/** The quick choice a period is, if it is one (to highlight it). */
export function presetOf(period: Period, today: string): PeriodPreset | undefined {
  return PERIOD_PRESETS.find((p) => {
    const q = presetPeriod(p, today);
    return q.from === period.from && q.to === period.to;
  });
}

/**
 * What an entry is, in a line of the table: the charge (a deposit by what it secures, a meter or other fee
 * by its own name), the unit and the period billed, with an adjustment's reason; for a payment its method
 * and reference, for a reversal its reason.
 */
export function entryDescription(e: StatementEntry, t: Translate): string {
  if (e.kind === 'payment') {
    const method = e.method ? t(`billing.methods.${e.method}`) : '';
    return [t('statements.entry.payment'), method, e.reference].filter(Boolean).join(' · ');
  }
  if (e.kind === 'reversal') return [t('statements.entry.reversal'), e.reference].filter(Boolean).join(' · ');
  const type = e.chargeType ?? 'other';
  const deposit = type === 'deposit' && (e.name === 'rent' || e.name === 'property_fee');
  const name = deposit
    ? t(`billing.depositOf.${e.name}`)
    : [t(`billing.chargeTypes.${type}`), type === 'deposit' ? null : e.name].filter(Boolean).join(' ');
  const kind =
    e.kind === 'credit'
      ? t('statements.entry.credit')
      : e.lineKind === 'adjustment' || e.lineKind === 'correction'
        ? t('statements.entry.adjustment')
        : null;
  return [
    kind ? `${name}（${kind}）` : name,
    e.unitCode,
    e.periodStart && e.periodEnd ? `${e.periodStart} ~ ${e.periodEnd}` : null,
    // A line's `reference` is the reason of its adjustment.
    e.reference,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A balance as the statement prints it: what is owed, or money in hand (预收) when negative. */
export function balanceText(fen: number, t: Translate): string {
  return fen < 0 ? t('statements.inHand', { amount: formatYuan(-fen) }) : formatYuan(fen);
}

/** The period's debits and credits, for the totals row. */
export function entryTotals(entries: readonly StatementEntry[]): { debitFen: number; creditFen: number } {
  let debitFen = 0;
  let creditFen = 0;
  for (const e of entries) {
    debitFen += e.debitFen;
    creditFen += e.creditFen;
  }
  return { debitFen, creditFen };
}

/** Where an entry's document opens: the bill of a line, the payment of a payment or reversal. */
export const documentPath = (e: StatementEntry) =>
  e.kind === 'payment' || e.kind === 'reversal' ? `/payments/${e.documentId}` : `/bills/${e.documentId}`;

/** The statement list's filters in the address (`/statements?status=disputed&customerId=…`). */
export function statementFiltersFromParams(params: URLSearchParams): StatementFilters {
  const state: StatementFilters = {};
  const status = params.get('status');
  if (status && (STATEMENT_STATUSES as readonly string[]).includes(status))
    state.status = status as StatementStatus;
  const customerId = params.get('customerId');
  if (customerId && /^[0-9a-f-]{36}$/i.test(customerId)) state.customerId = customerId;
  return state;
}

export function paramsFromStatementFilters(state: StatementFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (state.status) params.set('status', state.status);
  if (state.customerId) params.set('customerId', state.customerId);
  return params;
}
