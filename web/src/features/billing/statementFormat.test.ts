import { describe, expect, it } from 'vitest';
import {
  balanceText,
  defaultPeriod,
  documentPath,
  entryDescription,
  entryTotals,
  paramsFromStatementFilters,
  presetOf,
  presetPeriod,
  statementFiltersFromParams,
  type Translate,
} from './statementFormat.ts';
import type { StatementEntry } from './statementsApi.ts';

/** Shows the key and its options, so a test sees what would be translated with what. */
const t: Translate = (key, options) =>
  options ? `${key}(${Object.values(options).join(',')})` : key.replace(/^billing\.\w+\./, '');

const entry = (e: Partial<StatementEntry>): StatementEntry => ({
  date: '2026-11-05',
  kind: 'charge',
  document: 'ZD-202611-000001',
  documentId: '0190a0b0-0000-7000-8000-000000000001',
  chargeType: 'rent',
  lineKind: 'charge',
  name: null,
  method: null,
  reference: null,
  contractNumber: 'HT-2026-000001',
  unitCode: 'A-101',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  debitFen: 1_000_00,
  creditFen: 0,
  balanceFen: 1_000_00,
  ...e,
});

describe('the period of a statement', () => {
  it('defaults to the whole previous calendar month, across a year end and a leap February', () => {
    expect(defaultPeriod('2026-12-15')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(defaultPeriod('2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(defaultPeriod('2028-03-31')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('runs this month and this year up to today', () => {
    expect(presetPeriod('thisMonth', '2026-12-15')).toEqual({ from: '2026-12-01', to: '2026-12-15' });
    expect(presetPeriod('thisYear', '2026-12-15')).toEqual({ from: '2026-01-01', to: '2026-12-15' });
  });

  it('knows which quick choice a period is, and that a picked range is none', () => {
    expect(presetOf({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-15')).toBe('lastMonth');
    expect(presetOf({ from: '2026-12-01', to: '2026-12-15' }, '2026-12-15')).toBe('thisMonth');
    expect(presetOf({ from: '2026-12-01', to: '2026-12-14' }, '2026-12-15')).toBeUndefined();
    // On the first of January this month and this year are the same period: the first choice wins.
    expect(presetOf({ from: '2027-01-01', to: '2027-01-01' }, '2027-01-01')).toBe('thisMonth');
  });
});

describe('the description of an entry', () => {
  it('names a charge by its type, unit and period', () => {
    expect(entryDescription(entry({}), t)).toBe('rent · A-101 · 2026-11-01 ~ 2026-11-30');
  });

  it('names a deposit by what it secures, and a meter or other fee by its own name', () => {
    expect(entryDescription(entry({ chargeType: 'deposit', name: 'rent', unitCode: null }), t)).toBe(
      'rent · 2026-11-01 ~ 2026-11-30',
    );
    expect(entryDescription(entry({ chargeType: 'deposit', name: 'property_fee', unitCode: null }), t)).toBe(
      'property_fee · 2026-11-01 ~ 2026-11-30',
    );
    expect(entryDescription(entry({ chargeType: 'utility', name: 'E-0101' }), t)).toBe(
      'utility E-0101 · A-101 · 2026-11-01 ~ 2026-11-30',
    );
  });

  it('marks an adjustment with its reason, and a credit line', () => {
    expect(
      entryDescription(entry({ kind: 'adjustment', lineKind: 'adjustment', reference: '面积更正' }), t),
    ).toBe('rent（statements.entry.adjustment） · A-101 · 2026-11-01 ~ 2026-11-30 · 面积更正');
    // A correction raised by hand (费用调整单) reads as an adjustment too.
    expect(
      entryDescription(entry({ kind: 'charge', lineKind: 'correction', reference: '补收空调费' }), t),
    ).toBe('rent（statements.entry.adjustment） · A-101 · 2026-11-01 ~ 2026-11-30 · 补收空调费');
    expect(
      entryDescription(
        entry({ kind: 'credit', lineKind: 'adjustment', debitFen: 0, creditFen: 500, periodStart: null }),
        t,
      ),
    ).toBe('rent（statements.entry.credit） · A-101');
  });

  it('says how a payment came in, and why one was reversed', () => {
    const payment = {
      kind: 'payment' as const,
      document: 'SK-2026-000003',
      chargeType: null,
      lineKind: null,
      unitCode: null,
      periodStart: null,
      periodEnd: null,
    };
    expect(entryDescription(entry({ ...payment, method: 'bank_transfer', reference: 'TR-1' }), t)).toBe(
      'statements.entry.payment · bank_transfer · TR-1',
    );
    expect(entryDescription(entry({ ...payment, method: 'cash' }), t)).toBe(
      'statements.entry.payment · cash',
    );
    expect(entryDescription(entry({ ...payment, kind: 'reversal', reference: '退票' }), t)).toBe(
      'statements.entry.reversal · 退票',
    );
  });

  it('links a line to its bill and a payment or reversal to the payment', () => {
    const id = '0190a0b0-0000-7000-8000-000000000009';
    expect(documentPath(entry({ documentId: id }))).toBe(`/bills/${id}`);
    expect(documentPath(entry({ kind: 'credit', documentId: id }))).toBe(`/bills/${id}`);
    expect(documentPath(entry({ kind: 'payment', documentId: id }))).toBe(`/payments/${id}`);
    expect(documentPath(entry({ kind: 'reversal', documentId: id }))).toBe(`/payments/${id}`);
  });
});

describe('balances and totals', () => {
  it('shows what is owed as an amount and money in hand as 预收', () => {
    expect(balanceText(123_456_78, t)).toBe('¥123,456.78');
    expect(balanceText(0, t)).toBe('¥0.00');
    expect(balanceText(-5_00, t)).toBe('statements.inHand(¥5.00)');
  });

  it('adds up debits and credits in fen', () => {
    expect(entryTotals([])).toEqual({ debitFen: 0, creditFen: 0 });
    expect(
      entryTotals([
        entry({ debitFen: 10, creditFen: 0 }),
        entry({ debitFen: 0, creditFen: 3 }),
        entry({ debitFen: 7, creditFen: 0 }),
      ]),
    ).toEqual({ debitFen: 17, creditFen: 3 });
  });
});

describe('the statement list filters in the address', () => {
  const id = '0190a0b0-0000-7000-8000-000000000001';
  it('reads a known status and a customer id, and writes them back in a fixed order', () => {
    const state = statementFiltersFromParams(new URLSearchParams(`customerId=${id}&status=disputed`));
    expect(state).toEqual({ status: 'disputed', customerId: id });
    expect(paramsFromStatementFilters(state).toString()).toBe(`status=disputed&customerId=${id}`);
  });

  it('ignores what it does not know', () => {
    expect(statementFiltersFromParams(new URLSearchParams('status=open&customerId=x&page=2'))).toEqual({});
    expect(paramsFromStatementFilters({}).toString()).toBe('');
  });
});
