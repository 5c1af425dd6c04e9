import Decimal from 'decimal.js';
import type { z } from 'zod';
import { mulQty } from '../../../common/money.ts';
import {
  type applicationChecks,
  MAX_TERM_MONTHS,
  type ProposedTerms,
  USES_BY_UNIT_TYPE,
} from '../../../common/schemas/applications.ts';
import type { UNIT_TYPES } from '../../../common/schemas/spaces.ts';

type UnitType = (typeof UNIT_TYPES)[number];
export type Checks = z.output<typeof applicationChecks>;

export interface DocumentOnFile {
  kind: string;
  expiresOn: string | null;
  verifiedAt: unknown;
}

/** The customer's newest document of a kind, and whether it is still valid on `today`. */
export function documentState(docs: readonly DocumentOnFile[], kind: string, today: string) {
  const doc = docs.find((d) => d.kind === kind) ?? null;
  return { doc, valid: doc !== null && (doc.expiresOn === null || doc.expiresOn >= today) };
}

/**
 * First year's rent as quoted, before rent-free months: what the customer commits to, for the finance
 * review's comparison with registered capital. Exact decimals, rounded half up to the fen once.
 */
export function annualRentFen(terms: ProposedTerms, area: string): number {
  switch (terms.rentBasis) {
    case 'per_sqm_month':
      return mulQty(terms.price, new Decimal(area).mul(12).toFixed());
    case 'per_sqm_day':
      return mulQty(terms.price, new Decimal(area).mul(365).toFixed());
    case 'fixed_month':
      return mulQty(terms.price, '12');
  }
}

export interface CheckInput {
  today: string;
  termMonths: number;
  occupants: number;
  intendedUse: string;
  spaceType: UnitType;
  areaMax: string;
  terms: ProposedTerms;
  units: readonly { type: UnitType; grossArea: string }[];
  documents: readonly DocumentOnFile[];
  registeredCapitalFen: number | null;
  customerStatus: string;
  maxPenaltyRatePerDay: string;
}

/** What the system can tell by itself, for the stages to see (R2.2.2-R2.2.4); a person still decides. */
export function applicationChecksFor(i: CheckInput): Checks {
  const area = i.units.length
    ? i.units.reduce((sum, u) => sum.plus(u.grossArea), new Decimal(0)).toFixed(2)
    : i.areaMax;
  const licence = documentState(i.documents, 'business_licence', i.today);
  const tax = documentState(i.documents, 'tax_registration', i.today);
  const types: UnitType[] = i.units.length ? i.units.map((u) => u.type) : [i.spaceType];
  const rent = annualRentFen(i.terms, area);
  const covers = i.registeredCapitalFen === null ? null : i.registeredCapitalFen >= rent;
  return {
    documents: {
      licenceValid: licence.valid,
      taxRegistrationValid: tax.valid,
      allVerified: Boolean(licence.doc?.verifiedAt && tax.doc?.verifiedAt),
    },
    areaPerOccupant: i.occupants > 0 ? new Decimal(area).div(i.occupants).toFixed(2) : null,
    termWithinLimit: i.termMonths <= MAX_TERM_MONTHS,
    penaltyWithinLimit: new Decimal(i.terms.penaltyRatePerDay).lte(i.maxPenaltyRatePerDay),
    maxPenaltyRatePerDay: i.maxPenaltyRatePerDay,
    useFitsUnits: types.every((t) => (USES_BY_UNIT_TYPE[t] as readonly string[]).includes(i.intendedUse)),
    annualRentFen: rent,
    registeredCapitalFen: i.registeredCapitalFen,
    capitalCoversAnnualRent: covers,
    // 押二 as the norm; 押三 when the capital does not cover a year's rent or is unknown (DOMAIN.md).
    recommendedDepositMonths: covers ? 2 : 3,
    customerStatus: i.customerStatus,
  };
}
