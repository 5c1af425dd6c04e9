import { z } from 'zod';

const rate = z.string().regex(/^0(\.\d{1,4})?$|^1(\.0{1,4})?$/, 'a decimal fraction such as 0.09');

/** Organization settings; later modules add theirs here, each with a default. */
export const orgSettings = z.object({
  vatRates: z
    .object({
      rent: rate.default('0.09'),
      propertyFee: rate.default('0.06'),
      water: rate.default('0.09'),
      electricity: rate.default('0.13'),
    })
    .prefault({}),
  /** Printed at the foot of every document (address, phone, bank account …). */
  documentFooter: z.string().max(500).nullable().default(null),
  /** Admission (R2.2): review deadlines, the notice's signing period and the review rules. */
  admission: z
    .object({
      /** Calendar days each review stage has before it is overdue. */
      reviewDays: z.number().int().min(1).max(30).default(2),
      /** Calendar days from the admission notice to the contract's signing (R3.1.1). */
      noticeSignDays: z.number().int().min(1).max(90).default(15),
      /** One person may not decide two stages of the same application. */
      segregationOfDuties: z.boolean().default(true),
      /** The highest late-payment penalty a day the legal review accepts without a flag. */
      maxPenaltyRatePerDay: rate.default('0.0005'),
    })
    .prefault({}),
  /** What the charge schedule uses; a signed contract keeps the values it was signed with. */
  billing: z
    .object({
      /** monthly = daily price x daysPerYear / 12 for rents quoted per m² per day. */
      daysPerYear: z.number().int().min(360).max(366).default(365),
      /** Bills are issued this many days before they are due. */
      leadDays: z.number().int().min(0).max(90).default(15),
      /** A due date that falls before the signing moves to the signing date + this many days. */
      dueAfterSigningDays: z.number().int().min(0).max(60).default(7),
      /** How money settles open lines: principal before penalties, or strictly by due date. */
      allocation: z.enum(['principal_first', 'due_date']).default('principal_first'),
      /** Credit balances settle new bills as they are issued. */
      autoApplyCredit: z.boolean().default(true),
      /** Issued bills are e-mailed, with their PDF, to the customer's finance (or primary) contact. */
      emailBills: z.boolean().default(true),
      /** A correction of an issued line above this many fen (either way) needs finance's approval. */
      correctionApprovalFen: z.number().int().min(0).max(1_000_000_000).default(100_000),
    })
    .prefault({}),
  /** Contracts (R3.1-R3.3): the late-fee terms a new contract starts with, and expiry reminders. */
  contracts: z
    .object({
      lateFee: z
        .object({
          dailyRate: rate.default('0.0005'),
          graceDays: z.number().int().min(0).max(60).default(3),
          cap: z.union([z.enum(['principal', 'none']), rate]).default('principal'),
        })
        .prefault({}),
      /** Days before the end date on which the account manager is reminded. */
      expiryReminderDays: z.array(z.number().int().min(1).max(365)).max(6).default([90, 60, 30]),
    })
    .prefault({}),
});
export type OrgSettings = z.output<typeof orgSettings>;

export const organizationView = z.object({
  id: z.uuid(),
  name: z.string(),
  uscc: z.string(),
  address: z.string().nullable(),
  timeZone: z.string(),
  currency: z.string(),
  settings: orgSettings,
});

export const updateOrganizationBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    uscc: z.string().trim().max(30),
    address: z.string().trim().max(500).nullable(),
    timeZone: z.string().max(64),
    settings: z
      .object({
        vatRates: z.object({ rent: rate, propertyFee: rate, water: rate, electricity: rate }).partial(),
        documentFooter: z.string().trim().max(500).nullable(),
        admission: z
          .object({
            reviewDays: z.number().int().min(1).max(30),
            noticeSignDays: z.number().int().min(1).max(90),
            segregationOfDuties: z.boolean(),
            maxPenaltyRatePerDay: rate,
          })
          .partial(),
        billing: z
          .object({
            daysPerYear: z.number().int().min(360).max(366),
            leadDays: z.number().int().min(0).max(90),
            dueAfterSigningDays: z.number().int().min(0).max(60),
            allocation: z.enum(['principal_first', 'due_date']),
            autoApplyCredit: z.boolean(),
            emailBills: z.boolean(),
            correctionApprovalFen: z.number().int().min(0).max(1_000_000_000),
          })
          .partial(),
        contracts: z
          .object({
            lateFee: z.object({
              dailyRate: rate,
              graceDays: z.number().int().min(0).max(60),
              cap: z.union([z.enum(['principal', 'none']), rate]),
            }),
            expiryReminderDays: z.array(z.number().int().min(1).max(365)).max(6),
          })
          .partial(),
      })
      .partial(),
  })
  .partial();
