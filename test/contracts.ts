import { expect } from 'vitest';
import { addDays, addMonths } from '../common/dates.ts';
import { completeUscc } from '../common/validators/uscc.ts';
import type { Harness, Session } from './harness.ts';
import { multipart, TINY_PDF } from './multipart.ts';

/** Test helpers for contracts: a customer admitted through the four stages, drafts, uploads, signing. */
export type Staff = Record<'business' | 'legal' | 'finance' | 'management' | 'admin', Session>;

const CHECKLISTS = {
  business: { qualificationsVerified: true, needsReasonable: true, unitsSuitable: true },
  legal: { termLawful: true, penaltyWithinLimit: true, useFitsUnits: true },
  finance: { abilityToPay: true, noArrears: true, recommendedDepositMonths: 2 },
  management: { jointReviewComplete: true },
} as const;

let serial = 0;

export function contractHelpers(h: () => Harness, s: Staff, today: string) {
  async function customer(name: string) {
    serial++;
    const r = await h().call(s.business, 'POST', '/api/v1/customers', {
      name,
      uscc: completeUscc(`91350200MA8C${String(5000 + serial)}`),
      registeredCapital: 500_000_000,
      accountManagerId: s.business.userId,
      allowSimilarName: true,
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    for (const kind of ['business_licence', 'tax_registration']) {
      const m = await multipart(
        { kind, expiresOn: addDays(today, 900), issuedOn: addDays(today, -400) },
        { name: `${kind}.pdf`, bytes: TINY_PDF, type: 'application/pdf' },
      );
      const up = await h().call(s.business, 'POST', `/api/v1/customers/${id}/documents`, m.payload, {
        'content-type': m.type,
      });
      expect(up.statusCode, up.body).toBe(201);
    }
    return id;
  }

  /** An application for these units from `start`, approved by all four departments: the notice is out. */
  async function admitted(name: string, unitIds: string[], start: string, termMonths = 24) {
    const customerId = await customer(name);
    const r = await h().call(s.business, 'POST', '/api/v1/applications', {
      customerId,
      spaceType: 'office',
      areaMin: '50',
      areaMax: '2000',
      unitIds,
      startDate: start,
      termMonths,
      occupants: 10,
      intendedUse: 'office',
      terms: {
        rentBasis: 'per_sqm_month',
        price: '120',
        paymentCycleMonths: 3,
        depositMonths: 2,
        rentFreeMonths: 1,
        yearlyIncrease: '0.05',
        penaltyRatePerDay: '0.0005',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const id = r.json().id as string;
    expect((await h().call(s.business, 'POST', `/api/v1/applications/${id}/submit`)).statusCode).toBe(200);
    for (const d of ['business', 'legal', 'finance', 'management'] as const) {
      const x = await h().call(s[d], 'POST', `/api/v1/applications/${id}/reviews`, {
        decision: 'approve',
        checklist: CHECKLISTS[d],
      });
      expect(x.statusCode, x.body).toBe(200);
    }
    return { customerId, applicationId: id };
  }

  /** Exact terms for one or more units from `start` for `months`. */
  function terms(unitIds: string[], start: string, months = 24, extra: Record<string, unknown> = {}) {
    return {
      units: unitIds.map((unitId) => ({ unitId })),
      areaBasis: 'inside',
      use: 'office',
      startDate: start,
      endDate: addDays(addMonths(start, months), -1),
      rent: { basis: 'per_sqm_month', price: '120', taxInclusive: true, vatRate: '0.09' },
      billingCycleMonths: 3,
      dueDaysBeforePeriod: 5,
      rentFree: [{ from: start, to: addDays(start, 4) }],
      rentFreeAppliesToPropertyFee: false,
      escalations: [{ from: addMonths(start, 12), kind: 'percent', value: '0.05' }],
      propertyFee: { pricePerSqmMonth: '8.5', taxInclusive: true, vatRate: '0.06' },
      otherCharges: [{ name: '停车费', monthlyAmount: '600', taxInclusive: true, vatRate: '0.09' }],
      deposit: { months: 2 },
      propertyFeeDeposit: null,
      lateFee: { dailyRate: '0.0005', graceDays: 3, cap: 'principal' },
      clauses:
        '第一条 {{承租方}}承租{{租赁房源}}，计租面积{{计租面积}}平方米。\n\n第二条 用途为{{租赁用途}}。',
      ...extra,
    };
  }

  async function upload(contractId: string, purpose: string, who: Session = s.business) {
    const m = await multipart(
      { purpose },
      { name: `${purpose}.pdf`, bytes: TINY_PDF, type: 'application/pdf' },
    );
    const r = await h().call(who, 'POST', `/api/v1/contracts/${contractId}/files`, m.payload, {
      'content-type': m.type,
    });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  }

  const post = (who: Session, id: string, path: string, body?: unknown) =>
    h().call(who, 'POST', `/api/v1/contracts/${id}/${path}`, body);

  /** Submit, explain, upload the signed copy and sign on `on`. */
  async function sign(id: string, on = today) {
    expect((await post(s.business, id, 'submit-for-signature')).statusCode).toBe(200);
    const ex = await post(s.business, id, 'explanation', {
      explainedTo: '周敏（总经理）',
      explainedOn: on,
      highlightedClauses: ['第六条 逾期付款违约责任', '第二条 租赁用途'],
      customerAcknowledged: true,
    });
    expect(ex.statusCode, ex.body).toBe(200);
    const fileId = await upload(id, 'signed_copy');
    const r = await post(s.business, id, 'sign', {
      signedOn: on,
      lessorSignatory: '王经理',
      customerSignatory: '周敏',
      signedCopyFileId: fileId,
      custodianId: s.business.userId,
      archiveLocation: '档案室 A-03 柜',
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  }

  return { customer, admitted, terms, upload, post, sign };
}
