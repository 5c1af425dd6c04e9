import Decimal from 'decimal.js';
import {
  consumptionOf,
  type Part,
  partQuantity,
  partsOf,
  utilityLine,
} from '../../../common/billing/utilities.ts';
import { addDays } from '../../../common/dates.ts';
import { type ErrorCode, formatError } from '../../../common/errors.ts';
import type { MeterType } from '../../../common/schemas/utilities.ts';
import type { Ctx } from '../../platform/context.ts';
import type { UtilityCharge } from '../billing/index.ts';
import {
  latestReadings,
  leasesOn,
  listMeters,
  type MeterRow,
  rateOn,
  readingDatesOn,
  type ShareRow,
  sharesOf,
} from './repo.ts';

/*
 * The rules of a reading (R5.2.1), checked and priced before anything is written, for the grid, the
 * import's preview and corrections alike: consumption = (value - previous) x multiplier; lower than the
 * previous only as a meter replacement (then from its start value); one reading a meter a date, each after
 * the last; the first reading only sets the baseline. Each unit it covers (the meter's own, or each share
 * of a shared meter) is charged to the contract leasing it on the reading date at that contract's price
 * (else the organization's), tax included; a unit nobody leases is not billed.
 */

export interface ReadingInput {
  /** Index in the batch, or the sheet's row number. */
  row: number;
  /** Put before field names: `rows.3.` for the batch. */
  prefix: string;
  meterId: string;
  readOn: string;
  value: string;
  replacement: boolean;
  startValue: string | null;
}

export interface Problem {
  row: number;
  field: string;
  code: ErrorCode;
  params: Record<string, string | number>;
  message: string;
}

export interface PricedCharge extends UtilityCharge {
  unitCode: string;
  contractNumber: string;
  quantity: string;
}

export interface PreparedReading {
  input: ReadingInput;
  meter: MeterRow;
  previousValue: string | null;
  previousReadOn: string | null;
  consumption: string;
  charges: PricedCharge[];
  unbilled: { unitId: string; unitCode: string; quantity: string }[];
}

const TYPE_LABELS: Record<MeterType, { 'zh-CN': string; en: string }> = {
  water: { 'zh-CN': '水', en: 'water' },
  electricity: { 'zh-CN': '电', en: 'electricity' },
  gas: { 'zh-CN': '燃气', en: 'gas' },
};

/** The units a meter covers, each with its part (none for a unit's own meter). */
export function coverage(meter: MeterRow, shares: ShareRow[]) {
  if (!meter.shared) return [{ unitId: meter.unitId!, unitCode: meter.unitCode ?? '', part: undefined }];
  const own = shares.filter((s) => s.meterId === meter.id);
  const parts = partsOf(meter.splitRule ?? 'area', own);
  return own.map((s, i) => ({ unitId: s.unitId, unitCode: s.unitCode, part: parts[i] as Part }));
}

export async function prepareReadings(
  ctx: Ctx,
  inputs: ReadingInput[],
  o: { today: string; exclude?: string },
): Promise<{ problems: Problem[]; prepared: PreparedReading[] }> {
  const problems: Problem[] = [];
  const fail = (i: ReadingInput, field: string, code: ErrorCode, params: Problem['params'] = {}) =>
    problems.push({
      row: i.row,
      field: `${i.prefix}${field}`,
      code,
      params,
      message: formatError(code, ctx.locale, params),
    });

  const meterIds = [...new Set(inputs.map((i) => i.meterId))];
  const meters = new Map(
    (await listMeters(ctx.tx, { ids: meterIds, limit: meterIds.length })).map((m) => [m.id, m]),
  );
  const shares = await sharesOf(
    ctx.tx,
    [...meters.values()].filter((m) => m.shared).map((m) => m.id),
  );
  // The chain of each meter: its latest reading (the one being corrected left out).
  const last = new Map<string, { readOn: string; value: string }>();
  for (const r of await latestReadings(ctx.tx, meterIds))
    if (r.id !== o.exclude && !last.has(r.meterId)) last.set(r.meterId, r);
  const taken = new Set(
    (await readingDatesOn(ctx.tx, meterIds, [...new Set(inputs.map((i) => i.readOn))]))
      .filter((r) => r.id !== o.exclude)
      .map((r) => `${r.meterId}|${r.readOn}`),
  );

  const leases = new Map<string, Awaited<ReturnType<typeof leasesOn>>>();
  const leaseOn = async (unitIds: string[], day: string) => {
    const k = `${day}|${unitIds.join(',')}`;
    if (!leases.has(k)) leases.set(k, await leasesOn(ctx.tx, unitIds, day));
    return leases.get(k)!;
  };
  const rates = new Map<string, Awaited<ReturnType<typeof rateOn>>>();
  const rateFor = async (contractId: string, meterType: MeterType, day: string) => {
    const k = `${contractId}|${meterType}|${day}`;
    if (!rates.has(k)) rates.set(k, await rateOn(ctx.tx, { contractId, meterType, day }));
    return rates.get(k);
  };

  const prepared: PreparedReading[] = [];
  // Each meter's rows in date order, so a sheet may hold several months of one meter.
  const ordered = [...inputs].sort(
    (a, b) => a.meterId.localeCompare(b.meterId) || a.readOn.localeCompare(b.readOn) || a.row - b.row,
  );
  for (const i of ordered) {
    const meter = meters.get(i.meterId);
    if (!meter) {
      fail(i, 'meterId', 'NOT_FOUND', { entity: ctx.locale === 'en' ? 'meter' : '表计' });
      continue;
    }
    const before = problems.length;
    const prev = last.get(meter.id) ?? null;
    if (meter.retiredAt) fail(i, 'value', 'UTILITY_METER_RETIRED', { code: meter.code });
    if (i.readOn > o.today) fail(i, 'readOn', 'UTILITY_READING_FUTURE', { date: o.today });
    else if (taken.has(`${meter.id}|${i.readOn}`))
      fail(i, 'readOn', 'UTILITY_READING_DUPLICATE', { code: meter.code, date: i.readOn });
    else if (prev && i.readOn < prev.readOn)
      fail(i, 'readOn', 'UTILITY_READING_NOT_AFTER', { date: prev.readOn });
    taken.add(`${meter.id}|${i.readOn}`);
    if (problems.length > before) {
      if (!prev || i.readOn > prev.readOn) last.set(meter.id, { readOn: i.readOn, value: i.value });
      continue;
    }
    let consumption = '0';
    if (prev) {
      if (i.replacement) {
        if (i.startValue === null) fail(i, 'startValue', 'UTILITY_START_VALUE_REQUIRED');
        else if (new Decimal(i.value).lt(i.startValue))
          fail(i, 'value', 'UTILITY_READING_BELOW_START', { value: i.value, start: i.startValue });
      } else if (new Decimal(i.value).lt(prev.value))
        fail(i, 'value', 'UTILITY_READING_LOWER', { value: i.value, previous: plainNumber(prev.value) });
      if (problems.length === before)
        consumption = consumptionOf({
          value: i.value,
          previous: prev.value,
          multiplier: meter.multiplier,
          replacement: i.replacement,
          startValue: i.startValue,
        });
    }
    last.set(meter.id, { readOn: i.readOn, value: i.value });
    if (problems.length > before) continue;

    const charges: PricedCharge[] = [];
    const unbilled: PreparedReading['unbilled'] = [];
    if (prev && new Decimal(consumption).gt(0)) {
      const covered = coverage(meter, shares);
      const leased = await leaseOn(
        covered.map((c) => c.unitId),
        i.readOn,
      );
      for (const c of covered) {
        const quantity = partQuantity(consumption, c.part);
        const lease = leased.find((l) => l.unitId === c.unitId);
        if (!lease) {
          unbilled.push({ unitId: c.unitId, unitCode: c.unitCode, quantity });
          continue;
        }
        const rate = await rateFor(lease.contractId, meter.type, i.readOn);
        if (!rate) {
          fail(i, 'value', 'UTILITY_RATE_MISSING', {
            date: i.readOn,
            type: TYPE_LABELS[meter.type][ctx.locale === 'en' ? 'en' : 'zh-CN'],
          });
          break;
        }
        const line = utilityLine(consumption, rate.price, rate.vatRate, c.part);
        charges.push({
          contractId: lease.contractId,
          contractNumber: lease.contractNumber,
          customerId: lease.customerId,
          unitId: c.unitId,
          unitCode: c.unitCode,
          name: meter.code,
          periodStart: addDays(prev.readOn, 1),
          periodEnd: i.readOn,
          quantity,
          netFen: line.net,
          taxFen: line.tax,
          totalFen: line.total,
          vatRate: rate.vatRate,
        });
      }
      if (problems.length > before) continue;
    }
    prepared.push({
      input: i,
      meter,
      previousValue: prev?.value ?? null,
      previousReadOn: prev?.readOn ?? null,
      consumption,
      charges,
      unbilled,
    });
  }
  problems.sort((a, b) => a.row - b.row);
  prepared.sort((a, b) => a.input.row - b.input.row);
  return { problems, prepared };
}

const plainNumber = (s: string) => new Decimal(s).toFixed();
