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
      })
      .partial(),
  })
  .partial();
