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
      })
      .partial(),
  })
  .partial();
