import { z } from 'zod';

export const UNIT_TYPES = ['office', 'warehouse', 'other'] as const;
export const UNIT_STATUSES = ['vacant', 'reserved', 'leased', 'unavailable'] as const;
export const PRICE_BASES = ['per_sqm_month', 'per_sqm_day'] as const;

/** m² with at most two decimals, as a string so no float touches it. */
export const areaString = z
  .string()
  .trim()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, 'square metres, at most two decimals');
/** Yuan per m² per month or day, at most four decimals. */
export const priceString = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,4})?$/, 'yuan, at most four decimals');
const businessDate = z.iso.date();

export const siteBody = z.object({
  name: z.string().trim().min(1).max(100),
  city: z.string().trim().min(1).max(50),
  address: z.string().trim().min(1).max(300),
});
export const siteView = siteBody.extend({
  id: z.uuid(),
  buildingCount: z.number().int(),
  unitCount: z.number().int(),
});

export const buildingBody = z.object({
  siteId: z.uuid(),
  name: z.string().trim().min(1).max(100),
  floorsAbove: z.number().int().min(1).max(200),
  floorsBelow: z.number().int().min(0).max(20).default(0),
});
export const buildingView = buildingBody.extend({
  id: z.uuid(),
  siteName: z.string(),
  unitCount: z.number().int(),
});

export const unitBody = z.object({
  buildingId: z.uuid(),
  code: z.string().trim().min(1).max(30),
  type: z.enum(UNIT_TYPES),
  floor: z
    .number()
    .int()
    .min(-20)
    .max(200)
    .refine((f) => f !== 0, 'floor 0 does not exist: use 1 or -1 (B1)'),
  grossArea: areaString,
  insideArea: areaString,
  usableArea: areaString,
  listPrice: priceString,
  priceBasis: z.enum(PRICE_BASES),
  facilities: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
  certificateNo: z.string().trim().max(100).nullish(),
  notes: z.string().trim().max(1000).nullish(),
});
export const updateUnitBody = unitBody
  .omit({ buildingId: true })
  .partial()
  .extend({ retired: z.boolean().optional() });

export const unitView = z.object({
  id: z.uuid(),
  buildingId: z.uuid(),
  buildingName: z.string(),
  siteId: z.uuid(),
  siteName: z.string(),
  code: z.string(),
  type: z.enum(UNIT_TYPES),
  floor: z.number().int(),
  grossArea: z.string(),
  insideArea: z.string(),
  usableArea: z.string(),
  listPrice: z.string(),
  priceBasis: z.enum(PRICE_BASES),
  facilities: z.array(z.string()),
  certificateNo: z.string().nullable(),
  notes: z.string().nullable(),
  retired: z.boolean(),
  /** On the date asked for (today in the organization by default). */
  status: z.enum(UNIT_STATUSES),
  statusFrom: z.string().nullable(),
  statusTo: z.string().nullable(),
  customerId: z.uuid().nullable(),
  /** The customer the unit is reserved or leased to on that date. */
  customerName: z.string().nullable(),
});

export const unitsQuery = z.object({
  siteId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  type: z.enum(UNIT_TYPES).optional(),
  status: z.enum(UNIT_STATUSES).optional(),
  asOf: businessDate.optional(),
  minArea: areaString.optional(),
  maxArea: areaString.optional(),
  q: z.string().trim().max(30).optional(),
  includeRetired: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const occupancyRow = z.object({
  id: z.uuid(),
  kind: z.enum(['reserved', 'leased', 'unavailable']),
  from: businessDate,
  to: businessDate,
  sourceType: z.enum(['application', 'contract', 'manual']),
  sourceId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  reason: z.string().nullable(),
  released: z.boolean(),
});

export const unavailableBody = z.object({
  from: businessDate,
  to: businessDate,
  reason: z.string().trim().min(2).max(300),
});

export const floorPlan = z.object({
  asOf: businessDate,
  building: buildingView,
  floors: z.array(
    z.object({
      floor: z.number().int(),
      units: z.array(
        unitView.pick({
          id: true,
          code: true,
          type: true,
          grossArea: true,
          status: true,
          statusTo: true,
          customerId: true,
          customerName: true,
        }),
      ),
    }),
  ),
});

const occupancyFigures = z.object({
  leasableArea: z.string(),
  leasedArea: z.string(),
  units: z.number().int(),
  leasedUnits: z.number().int(),
});
export const occupancyReport = z.object({
  asOf: businessDate,
  sites: z.array(
    occupancyFigures.extend({
      siteId: z.uuid(),
      name: z.string(),
      buildings: z.array(occupancyFigures.extend({ buildingId: z.uuid(), name: z.string() })),
    }),
  ),
});
