import { and, eq, sql } from 'drizzle-orm';
import type { MeterType } from '../../../common/schemas/utilities.ts';
import { meterReadings, meterShares, meters, utilityRates } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';

/** The only SQL of the utilities module (R5.2.1): meters, their shares, readings and prices. */

const list = (xs: readonly string[], type: 'uuid' | 'text') =>
  sql`array[${sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )}]::${sql.raw(type)}[]`;

// ---- meters -------------------------------------------------------------------------------------

export interface MeterRow {
  id: string;
  code: string;
  type: MeterType;
  buildingId: string;
  buildingName: string;
  unitId: string | null;
  unitCode: string | null;
  shared: boolean;
  splitRule: 'area' | 'percent' | null;
  multiplier: string;
  notes: string | null;
  retiredAt: string | null;
  lastReadOn: string | null;
  lastValue: string | null;
}

export interface ShareRow {
  meterId: string;
  unitId: string;
  unitCode: string;
  grossArea: string;
  percent: string | null;
}

const meterSelect = sql`select m.id, m.code, m.type, m.building_id as "buildingId", b.name as "buildingName",
    m.unit_id as "unitId", u.code as "unitCode", m.shared, m.split_rule as "splitRule",
    m.multiplier::text as multiplier, m.notes,
    to_char(m.retired_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "retiredAt",
    r.read_on::text as "lastReadOn", r.value::text as "lastValue"
  from meters m join buildings b on b.id = m.building_id left join units u on u.id = m.unit_id
  left join lateral (select read_on, value from meter_readings x where x.meter_id = m.id
                     order by read_on desc limit 1) r on true`;

/** Meters by building and code (the list's order), keyset-paged on (building name, code, id). */
export async function listMeters(
  tx: Tx,
  o: {
    ids?: readonly string[];
    codes?: readonly string[];
    buildingId?: string;
    unitId?: string;
    type?: MeterType;
    code?: string;
    includeRetired?: boolean;
    after?: [string, string, string];
    limit: number;
  },
): Promise<MeterRow[]> {
  return rows<MeterRow>(
    tx,
    sql`${meterSelect}
        where true
          ${o.ids ? sql`and m.id = any(${list(o.ids, 'uuid')})` : sql``}
          ${o.codes ? sql`and m.code = any(${list(o.codes, 'text')})` : sql``}
          ${o.buildingId ? sql`and m.building_id = ${o.buildingId}` : sql``}
          ${
            o.unitId
              ? sql`and (m.unit_id = ${o.unitId} or exists (select 1 from meter_shares s
                       where s.meter_id = m.id and s.unit_id = ${o.unitId}))`
              : sql``
          }
          ${o.type ? sql`and m.type = ${o.type}` : sql``}
          ${o.code ? sql`and m.code collate "C" like ${`${o.code.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}` : sql``}
          ${o.includeRetired || o.ids || o.codes ? sql`` : sql`and m.retired_at is null`}
          ${
            o.after
              ? sql`and (b.name collate "C", m.code collate "C", m.id) > (${o.after[0]}, ${o.after[1]}, ${o.after[2]}::uuid)`
              : sql``
          }
        order by b.name collate "C", m.code collate "C", m.id
        limit ${o.limit}`,
  );
}

export async function sharesOf(tx: Tx, meterIds: readonly string[]): Promise<ShareRow[]> {
  if (!meterIds.length) return [];
  return rows<ShareRow>(
    tx,
    sql`select s.meter_id as "meterId", s.unit_id as "unitId", u.code as "unitCode",
          u.gross_area::text as "grossArea", s.percent::text as percent
        from meter_shares s join units u on u.id = s.unit_id
        where s.meter_id = any(${list(meterIds, 'uuid')})
        order by u.code collate "C"`,
  );
}

/** Locks meters for a batch of readings, in id order, so two batches for one meter queue. */
export async function lockMeters(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return;
  await tx.execute(sql`select id from meters where id = any(${list(ids, 'uuid')}) order by id for update`);
}

export async function codeTaken(tx: Tx, code: string, exceptId?: string): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    sql`select id from meters where code = ${code} ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`,
  );
  return r.length > 0;
}

/** The building's units among these (not retired), with their gross areas. */
export async function unitsInBuilding(tx: Tx, buildingId: string, unitIds: readonly string[]) {
  if (!unitIds.length) return [];
  return rows<{ id: string; code: string; grossArea: string }>(
    tx,
    sql`select id, code, gross_area::text as "grossArea" from units
        where building_id = ${buildingId} and retired_at is null and id = any(${list(unitIds, 'uuid')})`,
  );
}

export async function buildingExists(tx: Tx, id: string): Promise<boolean> {
  const r = await rows<{ id: string }>(tx, sql`select id from buildings where id = ${id}`);
  return r.length > 0;
}

export type MeterWrite = typeof meters.$inferInsert;

export async function insertMeter(tx: Tx, m: MeterWrite) {
  await tx.insert(meters).values(m);
}

export async function updateMeterRow(tx: Tx, id: string, m: Partial<MeterWrite>) {
  await tx
    .update(meters)
    .set({ ...m, updatedAt: sql`now()` })
    .where(eq(meters.id, id));
}

export async function replaceShares(
  tx: Tx,
  orgId: string,
  meterId: string,
  shares: { id: string; unitId: string; percent: string | null }[],
) {
  await tx.delete(meterShares).where(eq(meterShares.meterId, meterId));
  if (shares.length) await tx.insert(meterShares).values(shares.map((s) => ({ ...s, orgId, meterId })));
}

export async function hasReadings(tx: Tx, meterId: string): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    sql`select id from meter_readings where meter_id = ${meterId} limit 1`,
  );
  return r.length > 0;
}

// ---- prices -------------------------------------------------------------------------------------

export interface RateRow {
  id: string;
  contractId: string | null;
  meterType: MeterType;
  price: string;
  vatRate: string;
  effectiveFrom: string;
  createdAt: string;
}

export async function listRates(tx: Tx, contractId: string | null): Promise<RateRow[]> {
  return rows<RateRow>(
    tx,
    sql`select id, contract_id as "contractId", meter_type as "meterType", price::text as price,
          vat_rate::text as "vatRate", effective_from::text as "effectiveFrom",
          to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt"
        from utility_rates
        where ${contractId ? sql`contract_id = ${contractId}` : sql`contract_id is null`}
        order by meter_type, effective_from desc
        limit 500`,
  );
}

export async function rateById(tx: Tx, id: string): Promise<RateRow | undefined> {
  const [r] = await rows<RateRow>(
    tx,
    sql`select id, contract_id as "contractId", meter_type as "meterType", price::text as price,
          vat_rate::text as "vatRate", effective_from::text as "effectiveFrom",
          to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt"
        from utility_rates where id = ${id}`,
  );
  return r;
}

export async function rateExists(
  tx: Tx,
  o: { contractId: string | null; meterType: MeterType; effectiveFrom: string },
): Promise<boolean> {
  const r = await rows<{ id: string }>(
    tx,
    sql`select id from utility_rates where meter_type = ${o.meterType} and effective_from = ${o.effectiveFrom}
          and ${o.contractId ? sql`contract_id = ${o.contractId}` : sql`contract_id is null`} limit 1`,
  );
  return r.length > 0;
}

export async function insertRate(tx: Tx, r: typeof utilityRates.$inferInsert) {
  await tx.insert(utilityRates).values(r);
}

export async function deleteRateRow(tx: Tx, id: string) {
  await tx.delete(utilityRates).where(eq(utilityRates.id, id));
}

/** The price in force on a day for a contract: its own, else the organization's. */
export async function rateOn(
  tx: Tx,
  o: { contractId: string; meterType: MeterType; day: string },
): Promise<{ price: string; vatRate: string } | undefined> {
  const [r] = await rows<{ price: string; vatRate: string }>(
    tx,
    sql`select price::text as price, vat_rate::text as "vatRate" from utility_rates
        where meter_type = ${o.meterType} and effective_from <= ${o.day}
          and (contract_id = ${o.contractId} or contract_id is null)
        order by (contract_id is null), effective_from desc limit 1`,
  );
  return r;
}

export async function contractExists(tx: Tx, id: string): Promise<boolean> {
  const r = await rows<{ id: string }>(tx, sql`select id from contracts where id = ${id}`);
  return r.length > 0;
}

export async function contractNumbers(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return [];
  return rows<{ id: string; number: string }>(
    tx,
    sql`select id, number from contracts where id = any(${list(ids, 'uuid')})`,
  );
}

// ---- leases -------------------------------------------------------------------------------------

export interface LeaseRow {
  unitId: string;
  contractId: string;
  contractNumber: string;
  customerId: string;
}

/** The contracts leasing these units on a day (a unit's leased range from its contract). */
export async function leasesOn(tx: Tx, unitIds: readonly string[], day: string): Promise<LeaseRow[]> {
  if (!unitIds.length) return [];
  return rows<LeaseRow>(
    tx,
    sql`select o.unit_id as "unitId", c.id as "contractId", c.number as "contractNumber",
          c.customer_id as "customerId"
        from unit_occupancy o join contracts c on c.id = o.source_id
        where o.unit_id = any(${list(unitIds, 'uuid')}) and o.kind = 'leased' and o.source_type = 'contract'
          and o.released_at is null and o.from_date <= ${day} and o.to_date >= ${day}`,
  );
}

// ---- readings -----------------------------------------------------------------------------------

export interface ReadingRow {
  id: string;
  meterId: string;
  meterCode: string;
  readOn: string;
  value: string;
  previousValue: string | null;
  replacement: boolean;
  startValue: string | null;
  consumption: string;
  createdAt: string;
  previousReadOn: string | null;
}

const readingSelect = sql`select r.id, r.meter_id as "meterId", m.code as "meterCode", r.read_on::text as "readOn",
    r.value::text as value, r.previous_value::text as "previousValue", r.replacement,
    r.start_value::text as "startValue", r.consumption::text as consumption,
    to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt",
    (select max(p.read_on)::text from meter_readings p where p.meter_id = r.meter_id and p.read_on < r.read_on)
      as "previousReadOn"
  from meter_readings r join meters m on m.id = r.meter_id`;

/** Readings, newest first, keyset-paged on (read on, id). */
export async function listReadings(
  tx: Tx,
  o: {
    id?: string;
    ids?: readonly string[];
    meterId?: string;
    meterIds?: readonly string[];
    buildingId?: string;
    on?: string;
    from?: string;
    to?: string;
    after?: [string, string];
    limit: number;
  },
): Promise<ReadingRow[]> {
  return rows<ReadingRow>(
    tx,
    sql`${readingSelect}
        where true
          ${o.id ? sql`and r.id = ${o.id}` : sql``}
          ${o.ids ? sql`and r.id = any(${list(o.ids, 'uuid')})` : sql``}
          ${o.meterId ? sql`and r.meter_id = ${o.meterId}` : sql``}
          ${o.meterIds ? sql`and r.meter_id = any(${list(o.meterIds, 'uuid')})` : sql``}
          ${o.buildingId ? sql`and m.building_id = ${o.buildingId}` : sql``}
          ${o.on ? sql`and r.read_on = ${o.on}` : sql``}
          ${o.from ? sql`and r.read_on >= ${o.from}` : sql``}
          ${o.to ? sql`and r.read_on <= ${o.to}` : sql``}
          ${o.after ? sql`and (r.read_on, r.id) < (${o.after[0]}::date, ${o.after[1]}::uuid)` : sql``}
        order by r.read_on desc, r.id desc
        limit ${o.limit}`,
  );
}

/** Each meter's readings from the latest down (the latest first), at most two a meter: enough to chain. */
export async function latestReadings(
  tx: Tx,
  meterIds: readonly string[],
): Promise<{ meterId: string; id: string; readOn: string; value: string }[]> {
  if (!meterIds.length) return [];
  return rows(
    tx,
    sql`select x.meter_id as "meterId", x.id, x.read_on::text as "readOn", x.value::text as value
        from unnest(${list(meterIds, 'uuid')}) as k(id)
        cross join lateral (select id, meter_id, read_on, value from meter_readings r
                            where r.meter_id = k.id order by read_on desc limit 2) x
        order by x.meter_id, x.read_on desc`,
  );
}

/** The last reading of each meter before a day (the grid's "last reading"). */
export async function lastBefore(tx: Tx, meterIds: readonly string[], day: string) {
  if (!meterIds.length) return [];
  return rows<{ meterId: string; readOn: string; value: string }>(
    tx,
    sql`select k.id as "meterId", x.read_on::text as "readOn", x.value::text as value
        from unnest(${list(meterIds, 'uuid')}) as k(id)
        cross join lateral (select read_on, value from meter_readings r
                            where r.meter_id = k.id and r.read_on < ${day} order by read_on desc limit 1) x`,
  );
}

export async function readingDatesOn(tx: Tx, meterIds: readonly string[], days: readonly string[]) {
  if (!meterIds.length) return [];
  return rows<{ id: string; meterId: string; readOn: string }>(
    tx,
    sql`select id, meter_id as "meterId", read_on::text as "readOn" from meter_readings
        where meter_id = any(${list(meterIds, 'uuid')}) and read_on = any(${list(days, 'text')}::date[])`,
  );
}

export async function insertReadings(tx: Tx, rs: (typeof meterReadings.$inferInsert)[]) {
  if (rs.length) await tx.insert(meterReadings).values(rs);
}

export async function updateReadingRow(
  tx: Tx,
  id: string,
  r: Pick<typeof meterReadings.$inferInsert, 'value' | 'replacement' | 'startValue' | 'consumption'>,
) {
  await tx.update(meterReadings).set(r).where(eq(meterReadings.id, id));
}

export async function deleteReadingRow(tx: Tx, id: string, meterId: string) {
  await tx.delete(meterReadings).where(and(eq(meterReadings.id, id), eq(meterReadings.meterId, meterId)));
}
