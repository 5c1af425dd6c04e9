import { z } from 'zod';
import { CONTRACT_ACTIONS, CONTRACT_STATUSES } from '../contracts/machine.ts';
import { fraction, INTENDED_USES, PAYMENT_CYCLES, RENT_BASES } from './applications.ts';
import { priceString, UNIT_TYPES } from './spaces.ts';

/**
 * A lease contract's terms as exact data (R3.1.2): billing turns them into charges, so nothing here is
 * free text but the clauses. Date ranges are inclusive; rates are decimal fractions as strings.
 */
const day = z.iso.date();
export const AREA_BASES = ['gross', 'inside', 'usable'] as const;
export const ESCALATION_KINDS = ['percent', 'price'] as const;
export const TERMINATION_REASONS = [
  'expiry',
  'mutual',
  'force_majeure',
  'customer_breach',
  'lessor_breach',
] as const;
export const VIOLATION_KINDS = ['change_of_use', 'sublet', 'other'] as const;
export const VIOLATION_ACTIONS = ['notice', 'consent', 'termination'] as const;
export const DELIVERY_METHODS = ['in_person', 'registered_mail', 'courier', 'email'] as const;
export const TEMPLATE_KINDS = ['office', 'warehouse'] as const;
export const FILE_PURPOSES = [
  'signed_copy',
  'amendment',
  'evidence',
  'handover',
  'demand_proof',
  'termination',
  'move_out',
] as const;
export const LATE_FEE_CAPS = ['principal', 'none'] as const;

/** A VAT rate such as "0.09". */
const vatRate = fraction;

export const rentTerms = z.object({
  basis: z.enum(RENT_BASES),
  /** Yuan: per m² per month or per day, or the whole month for `fixed_month`. */
  price: priceString,
  taxInclusive: z.boolean(),
  vatRate,
});
export type RentTerms = z.output<typeof rentTerms>;

const range = z.object({ from: day, to: day });

/** A deposit as a number of months of the first full month's rent (tax included), or a fixed sum. */
export const depositTerms = z.union([
  z.object({ months: z.number().int().min(0).max(24) }),
  z.object({ amountFen: z.number().int().min(0).max(100_000_000_000) }),
]);

export const contractTerms = z.object({
  units: z
    .array(z.object({ unitId: z.uuid(), rent: rentTerms.nullish() }))
    .min(1)
    .max(50),
  areaBasis: z.enum(AREA_BASES),
  use: z.enum(INTENDED_USES),
  startDate: day,
  endDate: day,
  rent: rentTerms,
  billingCycleMonths: z.union(PAYMENT_CYCLES.map((n) => z.literal(n))),
  /** Days before each period starts that its rent is due; 0 = on the period's first day. */
  dueDaysBeforePeriod: z.number().int().min(0).max(90),
  rentFree: z.array(range).max(24).default([]),
  rentFreeAppliesToPropertyFee: z.boolean().default(false),
  escalations: z
    .array(
      z.object({
        from: day,
        kind: z.enum(ESCALATION_KINDS),
        /** A fraction for `percent` ("0.05" = +5%), yuan for `price` (same basis as the rent). */
        value: z.string().trim().max(20),
      }),
    )
    .max(40)
    .default([]),
  propertyFee: z
    .object({ pricePerSqmMonth: priceString, taxInclusive: z.boolean(), vatRate })
    .nullable()
    .default(null),
  otherCharges: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(50),
        /** Yuan a month. */
        monthlyAmount: priceString,
        taxInclusive: z.boolean(),
        vatRate,
      }),
    )
    .max(20)
    .default([]),
  deposit: depositTerms,
  propertyFeeDeposit: depositTerms.nullable().default(null),
  lateFee: z.object({
    /** Per day, "0.0005" = 万分之五. */
    dailyRate: fraction,
    graceDays: z.number().int().min(0).max(60),
    /** Not more than the overdue principal, no cap, or a fraction of the principal ("0.3"). */
    cap: z.union([z.enum(LATE_FEE_CAPS), fraction]),
  }),
  /** Rights, obligations and breach liability: from the template, editable. */
  clauses: z.string().max(40_000),
});
export type ContractTerms = z.output<typeof contractTerms>;
export type ContractTermsInput = z.input<typeof contractTerms>;

/**
 * What a signed version froze (R3.1.2): each unit's billing area and the organization settings the
 * schedule uses, so later edits of a unit, a customer or a setting never change a signed contract's money.
 */
export const termsSnapshot = z.object({
  customer: z.object({ name: z.string(), uscc: z.string() }),
  units: z.array(
    z.object({
      unitId: z.uuid(),
      code: z.string(),
      type: z.enum(UNIT_TYPES),
      siteName: z.string(),
      buildingName: z.string(),
      address: z.string().nullable(),
      floor: z.number().int(),
      grossArea: z.string(),
      insideArea: z.string(),
      usableArea: z.string(),
      /** The area on the contract's basis (计租面积). */
      billingArea: z.string(),
      certificateNo: z.string().nullable(),
    }),
  ),
  settings: z.object({
    /** monthly = daily price x daysPerYear / 12 for `per_sqm_day`. */
    daysPerYear: z.number().int(),
    /** Bills are issued this many days before they are due. */
    leadDays: z.number().int(),
    rounding: z.literal('half_up'),
  }),
});
export type TermsSnapshot = z.output<typeof termsSnapshot>;

export const contractBody = z.object({
  customerId: z.uuid(),
  /** The approved application it comes from; without one an admin must give `noApplicationReason`. */
  applicationId: z.uuid().nullish(),
  noApplicationReason: z.string().trim().min(1).max(500).nullish(),
  terms: contractTerms,
  notes: z.string().trim().max(2000).nullish(),
});
export const updateContractBody = z.object({
  terms: contractTerms.optional(),
  notes: z.string().trim().max(2000).nullish(),
});

export const explanationBody = z.object({
  /** Who on the customer's side heard the explanation. */
  explainedTo: z.string().trim().min(1).max(100),
  explainedOn: day,
  /** The clauses the business user highlighted (numbers or titles). */
  highlightedClauses: z.array(z.string().trim().min(1).max(200)).min(1).max(30),
  customerAcknowledged: z.literal(true),
  note: z.string().trim().max(1000).nullish(),
});

export const signBody = z.object({
  signedOn: day,
  lessorSignatory: z.string().trim().min(1).max(100),
  customerSignatory: z.string().trim().min(1).max(100),
  /** The signed copy, uploaded first to /contracts/:id/files with purpose `signed_copy`. */
  signedCopyFileId: z.uuid(),
  /** R3.1.4: who keeps the original and where. */
  custodianId: z.uuid(),
  archiveLocation: z.string().trim().min(1).max(200),
});
export const archiveBody = signBody.pick({ custodianId: true, archiveLocation: true });

export const cancelBody = z.object({ reason: z.string().trim().min(1).max(500) });

const meterReading = z.object({
  meter: z.string().trim().min(1).max(50),
  kind: z.enum(['water', 'electricity', 'gas', 'other']),
  reading: z
    .string()
    .trim()
    .regex(/^\d{1,10}(\.\d{1,3})?$/, 'a meter reading, at most three decimals'),
});

export const handoverBody = z.object({
  handedOverOn: day,
  facilities: z
    .array(
      z.object({
        item: z.string().trim().min(1).max(100),
        ok: z.boolean(),
        note: z.string().trim().max(300).nullish(),
      }),
    )
    .max(100),
  keys: z
    .array(z.object({ label: z.string().trim().min(1).max(50), count: z.number().int().min(1).max(999) }))
    .max(50),
  meterReadings: z.array(meterReading).max(50),
  photoFileIds: z.array(z.uuid()).max(30).default([]),
  lessorConfirmedBy: z.string().trim().min(1).max(100),
  customerConfirmedBy: z.string().trim().min(1).max(100),
  note: z.string().trim().max(1000).nullish(),
});

export const amendmentBody = z.object({
  effectiveFrom: day,
  reason: z.string().trim().min(1).max(1000),
  /** The whole terms as they stand from `effectiveFrom` (the start date never moves). */
  terms: contractTerms,
  /** The signed written agreement, uploaded with purpose `amendment`. */
  agreementFileId: z.uuid(),
});
export const amendmentDecisionBody = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().max(1000).nullish(),
});

export const violationBody = z.object({
  kind: z.enum(VIOLATION_KINDS),
  foundOn: day,
  description: z.string().trim().min(1).max(2000),
  evidenceFileIds: z.array(z.uuid()).max(30).default([]),
});
export const violationActionBody = z.object({
  action: z.enum(VIOLATION_ACTIONS),
  actionOn: day,
  note: z.string().trim().min(1).max(1000),
});

export const paymentDemandBody = z.object({
  demandedOn: day,
  /** The reasonable period the customer was given to pay (art. 722). */
  deadline: day,
  method: z.enum(DELIVERY_METHODS),
  proofFileId: z.uuid(),
  amountFen: z.number().int().min(1).max(100_000_000_000).nullish(),
  note: z.string().trim().max(1000).nullish(),
});

export const terminateBody = z.object({
  reason: z.enum(TERMINATION_REASONS),
  /** Unpaid rent is the breach: art. 722 needs a formal demand whose deadline has passed. */
  forNonPayment: z.boolean(),
  effectiveOn: day,
  liabilities: z.string().trim().min(1).max(4000),
  fileIds: z.array(z.uuid()).max(20).default([]),
});

export const moveOutBody = z.object({
  movedOutOn: day,
  condition: z.string().trim().min(1).max(2000),
  damages: z
    .array(
      z.object({
        item: z.string().trim().min(1).max(200),
        amountFen: z.number().int().min(0).max(10_000_000_000),
      }),
    )
    .max(100)
    .default([]),
  meterReadings: z.array(meterReading).max(50),
  keysReturned: z.boolean(),
  photoFileIds: z.array(z.uuid()).max(30).default([]),
  note: z.string().trim().max(1000).nullish(),
});

export const templateBody = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  title: z.string().trim().min(1).max(100),
  /** Clauses with merge fields such as {{承租方}}, {{租赁用途}}; see CONTRACT_MERGE_FIELDS. */
  clauses: z.string().trim().min(1).max(40_000),
});

/* ------------------------------ views ------------------------------ */

const person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const contractFileView = z.object({
  id: z.uuid(),
  purpose: z.enum(FILE_PURPOSES),
  fileName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  href: z.string(),
});

export const contractUnitView = termsSnapshot.shape.units.element.extend({
  rent: rentTerms.nullable(),
});

export const versionView = z.object({
  version: z.number().int(),
  status: z.enum(['draft', 'pending', 'in_force', 'rejected']),
  effectiveFrom: z.string(),
  reason: z.string().nullable(),
  terms: contractTerms,
  /** Frozen at signing or approval; null while the version can still change. */
  snapshot: termsSnapshot.nullable(),
  agreementFile: contractFileView.nullable(),
  proposedBy: person,
  decidedBy: person,
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
});

export const contractEventView = z.object({
  id: z.uuid(),
  kind: z.string(),
  onDate: z.string(),
  data: z.record(z.string(), z.unknown()),
  actor: person,
  at: z.string(),
});

export const violationView = z.object({
  id: z.uuid(),
  kind: z.enum(VIOLATION_KINDS),
  foundOn: z.string(),
  description: z.string(),
  evidence: z.array(contractFileView),
  action: z.enum(VIOLATION_ACTIONS).nullable(),
  actionOn: z.string().nullable(),
  actionNote: z.string().nullable(),
  /** Art. 718: the last day to object to a sublet before consent is presumed. */
  objectionDeadline: z.string().nullable(),
  daysToDeadline: z.number().int().nullable(),
});

export const demandView = z.object({
  id: z.uuid(),
  demandedOn: z.string(),
  deadline: z.string(),
  method: z.enum(DELIVERY_METHODS),
  amountFen: z.number().int().nullable(),
  note: z.string().nullable(),
  proof: contractFileView.nullable(),
  lapsed: z.boolean(),
});

export const contractSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  unitCodes: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  /** Monthly rent of the terms in force today, tax included, in fen (first full month). */
  monthlyRentFen: z.number().int(),
  signedOn: z.string().nullable(),
  /** Art. 734: the customer stays after the end date without a renewal. */
  holdingOver: z.boolean(),
  daysToEnd: z.number().int(),
  accountManager: person,
  updatedAt: z.string(),
});

export const contractView = contractSummary.extend({
  customer: z.object({ id: z.uuid(), name: z.string(), uscc: z.string(), status: z.string() }),
  application: z.object({ id: z.uuid(), number: z.string(), noticeSignBy: z.string().nullable() }).nullable(),
  noApplicationReason: z.string().nullable(),
  renewalOf: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  renewedBy: z.object({ id: z.uuid(), number: z.string(), status: z.enum(CONTRACT_STATUSES) }).nullable(),
  template: z.object({
    id: z.uuid(),
    kind: z.enum(TEMPLATE_KINDS),
    version: z.number().int(),
    title: z.string(),
  }),
  notes: z.string().nullable(),
  /** The terms in force today (or the draft's). */
  terms: contractTerms,
  units: z.array(contractUnitView),
  versions: z.array(versionView),
  explanation: explanationBody.extend({ recordedBy: person }).nullable(),
  signing: z
    .object({
      signedOn: z.string(),
      lessorSignatory: z.string(),
      customerSignatory: z.string(),
      signedCopy: contractFileView.nullable(),
    })
    .nullable(),
  custodian: person,
  archiveLocation: z.string().nullable(),
  handover: handoverBody
    .omit({ photoFileIds: true })
    .extend({ photos: z.array(contractFileView) })
    .nullable(),
  termination: terminateBody
    .omit({ fileIds: true })
    .extend({ files: z.array(contractFileView) })
    .nullable(),
  moveOut: moveOutBody
    .omit({ photoFileIds: true })
    .extend({ photos: z.array(contractFileView) })
    .nullable(),
  cancelReason: z.string().nullable(),
  /** An imported lease: billed outside Tenantry up to this day. */
  billedThrough: z.string().nullable(),
  violations: z.array(violationView),
  demands: z.array(demandView),
  events: z.array(contractEventView),
  files: z.array(contractFileView),
  /** What the signed-in user may do now. */
  actions: z.array(z.enum(CONTRACT_ACTIONS)),
});

export const contractsQuery = z.object({
  status: z.enum(CONTRACT_STATUSES).optional(),
  customerId: z.uuid().optional(),
  /** Binding contracts ending on or before this day (the expiring list). */
  expiringBefore: day.optional(),
  holdingOver: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** Contract number, customer name or unit code. */
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ledgerEntry = contractSummary.extend({
  custodian: person,
  archiveLocation: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  terminatedOn: z.string().nullable(),
  events: z.array(z.object({ kind: z.string(), onDate: z.string() })),
});

export const templateView = z.object({
  id: z.uuid(),
  kind: z.enum(TEMPLATE_KINDS),
  version: z.number().int(),
  title: z.string(),
  clauses: z.string(),
  createdBy: person,
  createdAt: z.string(),
});

export const proposalQuery = z.object({
  applicationId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  kind: z.enum(TEMPLATE_KINDS).optional(),
});
/** Terms to start a draft from: the approved application's, the organization's defaults, the template. */
export const contractProposal = z.object({
  customerId: z.uuid().nullable(),
  applicationId: z.uuid().nullable(),
  template: z.object({ kind: z.enum(TEMPLATE_KINDS), version: z.number().int(), title: z.string() }),
  terms: contractTerms.extend({ units: z.array(contractTerms.shape.units.element).max(50) }),
});

/** The contracts card of the dashboard (R3.2, art. 734: holding over shows here). */
export const contractsOverview = z.object({
  byStatus: z.record(z.string(), z.number().int()),
  expiring30: z.number().int(),
  expiring90: z.number().int(),
  holdingOver: z.number().int(),
  pendingAmendments: z.number().int(),
  openSublets: z.number().int(),
  subletsNearDeadline: z.number().int(),
});

/** The charge schedule of the whole term (GET /contracts/:id/schedule), amendments applied day by day. */
export const scheduleView = z.object({
  lines: z.array(
    z.object({
      chargeType: z.enum(['rent', 'property_fee', 'other']),
      unitId: z.uuid().nullable(),
      name: z.string().nullable(),
      periodStart: z.string(),
      periodEnd: z.string(),
      dueDate: z.string(),
      issueDate: z.string(),
      netFen: z.number().int(),
      taxFen: z.number().int(),
      totalFen: z.number().int(),
      vatRate: z.string(),
    }),
  ),
});
