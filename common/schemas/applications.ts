import { z } from 'zod';
import { APPLICATION_STATUSES, DECISIONS, REVIEW_STAGES, type ReviewStage } from '../applications/machine.ts';
import { customerBody } from './customers.ts';
import { areaString, priceString, UNIT_TYPES } from './spaces.ts';

/** What the customer means to do in the space; the legal review checks it against the units' type. */
export const INTENDED_USES = ['office', 'warehousing', 'light_industry', 'retail', 'other'] as const;
/** Uses each unit type allows; `other` units take any use. */
export const USES_BY_UNIT_TYPE: Record<
  (typeof UNIT_TYPES)[number],
  readonly (typeof INTENDED_USES)[number][]
> = {
  office: ['office'],
  warehouse: ['warehousing', 'light_industry'],
  other: INTENDED_USES,
};
export const RENT_BASES = ['per_sqm_month', 'per_sqm_day', 'fixed_month'] as const;
export const PAYMENT_CYCLES = [1, 3, 6, 12] as const;
/** Why an application was turned down, for the monthly statistics; the comment says the rest. */
export const REJECT_REASONS = [
  'qualification',
  'needs',
  'terms',
  'ability_to_pay',
  'credit',
  'other',
] as const;
/** Art. 705: a lease runs at most 20 years. */
export const MAX_TERM_MONTHS = 240;

/** A decimal fraction such as "0.05" (5%) or "0.0005" (0.05% a day). */
export const fraction = z
  .string()
  .trim()
  .regex(/^0(\.\d{1,6})?$|^1(\.0{1,6})?$/, 'a decimal fraction such as 0.05');

/** The commercial terms proposed on the application form; the contract later makes them exact. */
export const proposedTerms = z.object({
  rentBasis: z.enum(RENT_BASES),
  /** Yuan: per m² per month or day, or the whole month for `fixed_month`. */
  price: priceString,
  paymentCycleMonths: z.union(PAYMENT_CYCLES.map((n) => z.literal(n))),
  depositMonths: z.number().int().min(0).max(12),
  rentFreeMonths: z.number().int().min(0).max(24),
  /** Yearly rent increase as a fraction ("0.05" = 5%). */
  yearlyIncrease: fraction,
  /** Late-payment penalty per day as a fraction ("0.0005" = 万分之五). */
  penaltyRatePerDay: fraction,
});
export type ProposedTerms = z.output<typeof proposedTerms>;

const applicationFields = z.object({
  spaceType: z.enum(UNIT_TYPES),
  areaMin: areaString,
  areaMax: areaString,
  siteId: z.uuid().nullish(),
  buildingId: z.uuid().nullish(),
  /** Specific units, optional; each must be vacant for the whole wanted term. */
  unitIds: z.array(z.uuid()).max(20),
  startDate: z.iso.date(),
  /** Up to 30 years may be typed; the legal review flags anything over 20 (art. 705). */
  termMonths: z.number().int().min(1).max(360),
  occupants: z.number().int().min(0).max(100_000),
  intendedUse: z.enum(INTENDED_USES),
  useDescription: z.string().trim().max(500).nullish(),
  terms: proposedTerms,
  notes: z.string().trim().max(2000).nullish(),
});

/** For an existing customer (`customerId`) or a new one, created as a prospect in the same step. */
export const applicationBody = applicationFields.extend({
  customerId: z.uuid().optional(),
  newCustomer: customerBody.optional(),
  unitIds: applicationFields.shape.unitIds.default([]),
});
export const updateApplicationBody = applicationFields.partial();

const yes = z.boolean();
/** Each stage's checklist (R2.2.2-R2.2.5). */
export const STAGE_CHECKLISTS = {
  business_review: z.object({
    qualificationsVerified: yes,
    needsReasonable: yes,
    unitsSuitable: yes,
  }),
  legal_review: z.object({ termLawful: yes, penaltyWithinLimit: yes, useFitsUnits: yes }),
  finance_review: z.object({
    abilityToPay: yes,
    noArrears: yes,
    recommendedDepositMonths: z.number().int().min(0).max(12),
  }),
  management_approval: z.object({ jointReviewComplete: yes }),
} satisfies Record<ReviewStage, z.ZodType>;

export const reviewBody = z.object({
  decision: z.enum(DECISIONS),
  /** Required for reject and return. */
  comment: z.string().trim().max(2000).nullish(),
  /** Required for reject. */
  rejectReason: z.enum(REJECT_REASONS).nullish(),
  /** The stage's checklist (see STAGE_CHECKLISTS), required to approve. */
  checklist: z.record(z.string(), z.union([z.boolean(), z.number()])).nullish(),
});

export const withdrawBody = z.object({ reason: z.string().trim().min(1).max(500) });

const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const reviewView = z.object({
  id: z.uuid(),
  stage: z.enum(REVIEW_STAGES),
  decision: z.enum(DECISIONS),
  comment: z.string().nullable(),
  rejectReason: z.enum(REJECT_REASONS).nullable(),
  checklist: z.record(z.string(), z.union([z.boolean(), z.number()])),
  decidedBy: person,
  decidedAt: z.string(),
});

/** What the system can tell by itself, shown to the stage that decides it. */
export const applicationChecks = z.object({
  documents: z.object({
    licenceValid: z.boolean(),
    taxRegistrationValid: z.boolean(),
    allVerified: z.boolean(),
  }),
  /** m² per occupant, over the proposed units or the largest wanted area. */
  areaPerOccupant: z.string().nullable(),
  termWithinLimit: z.boolean(),
  penaltyWithinLimit: z.boolean(),
  maxPenaltyRatePerDay: z.string(),
  useFitsUnits: z.boolean().nullable(),
  /** First year's rent before rent-free months, tax included, in fen. */
  annualRentFen: z.number().int().nullable(),
  registeredCapitalFen: z.number().int().nullable(),
  capitalCoversAnnualRent: z.boolean().nullable(),
  recommendedDepositMonths: z.number().int(),
  customerStatus: z.string(),
});

export const noticeView = z.object({
  number: z.string(),
  issuedOn: z.string(),
  signBy: z.string(),
  href: z.string(),
});

export const applicationUnit = z.object({
  id: z.uuid(),
  code: z.string(),
  type: z.enum(UNIT_TYPES),
  siteName: z.string(),
  buildingName: z.string(),
  floor: z.number().int(),
  grossArea: z.string(),
  insideArea: z.string(),
});

export const APPLICATION_ACTIONS = ['edit', 'submit', 'review', 'withdraw'] as const;

export const applicationSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  spaceType: z.enum(UNIT_TYPES),
  areaMin: z.string(),
  areaMax: z.string(),
  startDate: z.string(),
  termMonths: z.number().int(),
  /** The day the current stage should be decided by, in the organization's calendar. */
  stageDueOn: z.string().nullable(),
  overdue: z.boolean(),
  createdBy: person,
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  /** The admission notice once management has approved (R2.2.6). */
  notice: noticeView.nullable(),
});

export const applicationView = applicationSummary.extend({
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  buildingId: z.uuid().nullable(),
  buildingName: z.string().nullable(),
  units: z.array(applicationUnit),
  occupants: z.number().int(),
  intendedUse: z.enum(INTENDED_USES),
  useDescription: z.string().nullable(),
  terms: proposedTerms,
  notes: z.string().nullable(),
  returnedFrom: z.enum(REVIEW_STAGES).nullable(),
  customer: z.object({ id: z.uuid(), name: z.string(), uscc: z.string(), status: z.string() }),
  reviews: z.array(reviewView),
  checks: applicationChecks,
  withdrawReason: z.string().nullable(),
  /** What the signed-in user may do now. */
  actions: z.array(z.enum(APPLICATION_ACTIONS)),
});

export const applicationsQuery = z.object({
  status: z.enum(APPLICATION_STATUSES).optional(),
  stage: z.enum(REVIEW_STAGES).optional(),
  /** Waiting for the signed-in user's decision: a stage of one of their roles they may still decide. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  customerId: z.uuid().optional(),
  /** Application number or customer name. */
  q: z.string().trim().max(100).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const inboxCounts = z.object({ waiting: z.number().int(), overdue: z.number().int() });

export const applicationStatsQuery = z.object({ from: z.iso.date(), to: z.iso.date() });
export const applicationStats = z.object({
  stages: z.array(
    z.object({
      stage: z.enum(REVIEW_STAGES),
      decided: z.number().int(),
      averageHours: z.number().nullable(),
      medianHours: z.number().nullable(),
      overdue: z.number().int(),
    }),
  ),
  outcomes: z.object({
    decided: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
    withdrawn: z.number().int(),
    approvalRate: z.number().nullable(),
    rejectionRate: z.number().nullable(),
  }),
  rejectionsByMonth: z.array(
    z.object({ month: z.string(), reason: z.enum(REJECT_REASONS), count: z.number().int() }),
  ),
});
