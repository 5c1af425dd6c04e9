import { describe, expect, it } from 'vitest';
import { ApiError } from '../../app/api.ts';
import {
  invoiceFilters,
  invoiceNumberInput,
  invoicesStateFromParams,
  invoicingFilters,
  isLinesError,
  paramsFromInvoicesState,
  selectionTotals,
} from './invoiceFormat.ts';
import type { InvoicingLine } from './invoicesApi.ts';

const A = '0190a0b0-0000-7000-8000-00000000000a';
const B = '0190a0b0-0000-7000-8000-00000000000b';

const line = (customerId: string, netFen: number, taxFen: number, n: number): InvoicingLine => ({
  lineId: `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`,
  billId: A,
  billNumber: 'ZD-202605-000001',
  customerId,
  buyerName: customerId === A ? '甲公司' : '乙公司',
  buyerTaxId: customerId === A ? '91310000MA1FL8X12A' : null,
  kind: 'charge',
  chargeType: 'rent',
  name: '租金',
  postingDate: '2026-05-01',
  periodStart: '2026-05-01',
  periodEnd: '2026-05-31',
  propertyAddress: null,
  certificateNo: null,
  areaSqm: null,
  leaseStart: null,
  leaseEnd: null,
  contractNumber: null,
  netFen,
  taxFen,
  totalFen: netFen + taxFen,
  vatRate: '0.09',
  invoiceId: null,
  invoiceNumber: null,
});

describe('the invoices page in the address', () => {
  it('opens on the lines to invoice, and keeps the default out of the address', () => {
    expect(invoicesStateFromParams(new URLSearchParams(''))).toEqual({ tab: 'pending' });
    expect(paramsFromInvoicesState({ tab: 'pending' }).toString()).toBe('');
  });

  it('reads the tab, the customer, both date ranges and the status, and writes them back', () => {
    const query = `tab=issued&customerId=${A}&from=2026-01-01&to=2026-01-31&issuedFrom=2026-02-01&issuedTo=2026-02-28&status=void`;
    const state = invoicesStateFromParams(new URLSearchParams(query));
    expect(state).toEqual({
      tab: 'issued',
      customerId: A,
      from: '2026-01-01',
      to: '2026-01-31',
      issuedFrom: '2026-02-01',
      issuedTo: '2026-02-28',
      status: 'void',
    });
    expect(paramsFromInvoicesState(state).toString()).toBe(query);
  });

  it('drops what it does not know', () => {
    expect(
      invoicesStateFromParams(new URLSearchParams('tab=x&customerId=1&from=May&status=paid&to=2026-5-1')),
    ).toEqual({ tab: 'pending' });
  });

  it('asks each list for its own dates: posting dates for the lines, issue dates for the invoices', () => {
    const state = invoicesStateFromParams(
      new URLSearchParams(`customerId=${A}&from=2026-01-01&issuedTo=2026-02-28&status=issued`),
    );
    expect(invoicingFilters(state)).toEqual({ customerId: A, from: '2026-01-01' });
    expect(invoiceFilters(state)).toEqual({ customerId: A, status: 'issued', to: '2026-02-28' });
  });
});

describe('the chosen lines', () => {
  it('add up exactly in fen and name their one buyer', () => {
    const totals = selectionTotals([line(A, 100_000, 9_000, 1), line(A, 33_333, 3_000, 2)]);
    expect(totals).toEqual({
      count: 2,
      netFen: 133_333,
      taxFen: 12_000,
      totalFen: 145_333,
      customerId: A,
      buyerName: '甲公司',
      buyerTaxId: '91310000MA1FL8X12A',
    });
  });

  it('name no buyer when none are chosen or they are of several customers', () => {
    expect(selectionTotals([])).toMatchObject({ count: 0, totalFen: 0, customerId: null });
    const mixed = selectionTotals([line(A, 100, 9, 1), line(B, 200, 18, 2)]);
    expect(mixed).toMatchObject({ count: 2, totalFen: 327, customerId: null, buyerName: null });
  });
});

describe('recording an invoice', () => {
  it('keeps only the digits of a typed number, at most twenty', () => {
    expect(invoiceNumberInput('2611 0000-1234')).toBe('261100001234');
    expect(invoiceNumberInput('123456789012345678901234')).toBe('12345678901234567890');
  });

  it('tells errors about the chosen lines from errors about a field', () => {
    const error = (field?: string) =>
      new ApiError({ status: 409, code: 'INVOICE_LINE_TAKEN', message: 'taken', field });
    expect(isLinesError(error('lineIds'))).toBe(true);
    expect(isLinesError(error('body.lineIds.0'))).toBe(true);
    expect(isLinesError(error('number'))).toBe(false);
    expect(isLinesError(error())).toBe(false);
    expect(isLinesError(new Error('x'))).toBe(false);
  });
});
