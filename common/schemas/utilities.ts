import { z } from 'zod';

/** Meters, readings and utility prices (R5.2.1). Quantities and prices are decimal strings, money integer fen. */
const day = z.iso.date();
const fen = z.number().int();

export const METER_TYPES = ['water', 'electricity', 'gas'] as const;
export type MeterType = (typeof METER_TYPES)[number];
export const SPLIT_RULES = ['area', 'percent'] as const;

/** A meter reading: up to 12 digits and 2 decimals. */
export const readingValue = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,2})?$/, 'a reading is a number with at most two decimals');
const multiplier = z
  .string()
  .trim()
  .regex(/^\d{1,8}(\.\d{1,2})?$/, 'a multiplier is a number with at most two decimals')
  .refine((s) => Number(s) > 0, 'the multiplier must be greater than zero');
const percent = z
  .string()
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, 'a percentage has at most four decimals')
  .refine((s) => Number(s) > 0 && Number(s) <= 100, 'a percentage is above 0 and at most 100');

export const meterShareInput = z.object({ unitId: z.uuid(), percent: percent.nullish() });

export const meterBody = z.object({
  code: z.string().trim().min(1).max(40),
  type: z.enum(METER_TYPES),
  buildingId: z.uuid(),
  /** A unit's own meter. */
  unitId: z.uuid().nullish(),
  shared: z.boolean().default(false),
  splitRule: z.enum(SPLIT_RULES).nullish(),
  multiplier: multiplier.default('1'),
  notes: z.string().trim().max(500).nullish(),
  /** A shared meter's units; percentages for the `percent` rule (they add up to 100). */
  shares: z.array(meterShareInput).max(200).default([]),
});
export type MeterBody = z.output<typeof meterBody>;

export const metersQuery = z.object({
  buildingId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  type: z.enum(METER_TYPES).optional(),
  /** Code starts with. */
  code: z.string().trim().max(40).optional(),
  includeRetired: z.stringbool().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const meterView = z.object({
  id: z.uuid(),
  code: z.string(),
  type: z.enum(METER_TYPES),
  buildingId: z.uuid(),
  buildingName: z.string(),
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  shared: z.boolean(),
  splitRule: z.enum(SPLIT_RULES).nullable(),
  multiplier: z.string(),
  notes: z.string().nullable(),
  retiredAt: z.string().nullable(),
  shares: z.array(
    z.object({
      unitId: z.uuid(),
      unitCode: z.string(),
      grossArea: z.string(),
      percent: z.string().nullable(),
    }),
  ),
  lastReading: z.object({ readOn: day, value: z.string() }).nullable(),
});

export const retireBody = z.object({});

// ---- prices --------------------------------------------------------------------------------------

export const utilityRateBody = z.object({
  /** A contract's own price; absent: the organization's default. */
  contractId: z.uuid().nullish(),
  meterType: z.enum(METER_TYPES),
  /** Yuan per kWh, t or m³, tax included, up to four decimals. */
  price: z
    .string()
    .trim()
    .regex(/^\d{1,8}(\.\d{1,4})?$/, 'a price is a number of yuan with at most four decimals'),
  vatRate: z
    .string()
    .trim()
    .regex(/^0(\.\d{1,4})?$/, 'a VAT rate is a fraction such as 0.13'),
  effectiveFrom: day,
});

export const utilityRatesQuery = z.object({ contractId: z.uuid().optional() });

export const utilityRateView = z.object({
  id: z.uuid(),
  contractId: z.uuid().nullable(),
  meterType: z.enum(METER_TYPES),
  price: z.string(),
  vatRate: z.string(),
  effectiveFrom: day,
  createdAt: z.string(),
});

// ---- readings ------------------------------------------------------------------------------------

export const readingRowInput = z.object({
  meterId: z.uuid(),
  value: readingValue,
  /** The meter was replaced: the new meter counts from `startValue`. */
  replacement: z.boolean().default(false),
  startValue: readingValue.nullish(),
});

export const readingsBody = z.object({
  readOn: day,
  rows: z.array(readingRowInput).min(1).max(2000),
});

export const readingCorrectionBody = readingRowInput.omit({ meterId: true });

export const readingGridQuery = z.object({ buildingId: z.uuid(), readOn: day });

/** A utility line a reading put into the plan (or that is issued already). */
export const readingCharge = z.object({
  unitId: z.uuid().nullable(),
  unitCode: z.string().nullable(),
  contractId: z.uuid().nullable(),
  contractNumber: z.string().nullable(),
  quantity: z.string(),
  netFen: fen,
  taxFen: fen,
  totalFen: fen,
  vatRate: z.string(),
  dueDate: day,
  issueDate: day,
  /** Issued: on this bill. */
  billId: z.uuid().nullable(),
});

/** A unit a reading covers that had no lease that day: not billed, the landlord bears it. */
export const unbilledShare = z.object({
  unitId: z.uuid(),
  unitCode: z.string(),
  quantity: z.string(),
});

export const readingView = z.object({
  id: z.uuid(),
  meterId: z.uuid(),
  meterCode: z.string(),
  readOn: day,
  value: z.string(),
  previousValue: z.string().nullable(),
  previousReadOn: day.nullable(),
  replacement: z.boolean(),
  startValue: z.string().nullable(),
  consumption: z.string(),
  /** The first reading of a meter: only the baseline, nothing to charge. */
  baseline: z.boolean(),
  charges: z.array(readingCharge),
  /** Only when the reading is recorded or corrected: shares nobody leased (the landlord's). */
  unbilled: z.array(unbilledShare),
  createdAt: z.string(),
});
export type ReadingView = z.output<typeof readingView>;

export const readingsResult = z.object({ readings: z.array(readingView) });

export const readingsQuery = z.object({
  meterId: z.uuid().optional(),
  buildingId: z.uuid().optional(),
  from: day.optional(),
  to: day.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const readingGridRow = z.object({
  meterId: z.uuid(),
  code: z.string(),
  type: z.enum(METER_TYPES),
  unitCode: z.string().nullable(),
  shared: z.boolean(),
  multiplier: z.string(),
  last: z.object({ readOn: day, value: z.string() }).nullable(),
  /** The reading already recorded on the grid's date, if any. */
  current: readingView.nullable(),
});

export const readingGrid = z.object({ readOn: day, rows: z.array(readingGridRow) });

/** One problem of a batch or import row. */
export const readingProblem = z.object({
  /** Index in `rows` (batch) or the sheet's row number (import). */
  row: z.number().int(),
  field: z.string(),
  code: z.string(),
  message: z.string(),
});

export const readingsImportResult = z.object({
  totalRows: z.number().int(),
  committed: z.boolean(),
  problems: z.array(readingProblem.extend({ column: z.string(), value: z.string().nullable() })),
  /** The rows as read, for the preview. */
  rows: z.array(
    z.object({
      rowNo: z.number().int(),
      meterCode: z.string(),
      readOn: z.string().nullable(),
      value: z.string().nullable(),
      replacement: z.boolean(),
      startValue: z.string().nullable(),
      consumption: z.string().nullable(),
      totalFen: fen.nullable(),
    }),
  ),
});
