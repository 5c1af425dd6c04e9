import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { buildings, sites, unitOccupancy, units } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { escapeLike, rows } from '../../platform/db/database.ts';

export type SiteRow = typeof sites.$inferSelect;
export type BuildingRow = typeof buildings.$inferSelect;
export type UnitRow = typeof units.$inferSelect;
export type OccupancyRow = typeof unitOccupancy.$inferSelect;

// ---- sites and buildings -------------------------------------------------------------------------

export async function insertSite(tx: Tx, v: typeof sites.$inferInsert) {
  return (await tx.insert(sites).values(v).returning())[0]!;
}
export async function updateSiteRow(tx: Tx, id: string, v: Partial<typeof sites.$inferInsert>) {
  return (
    (
      await tx
        .update(sites)
        .set({ ...v, updatedAt: sql`now()` })
        .where(eq(sites.id, id))
        .returning()
    )[0] ?? null
  );
}
export async function insertBuilding(tx: Tx, v: typeof buildings.$inferInsert) {
  return (await tx.insert(buildings).values(v).returning())[0]!;
}
export async function updateBuildingRow(tx: Tx, id: string, v: Partial<typeof buildings.$inferInsert>) {
  return (
    (
      await tx
        .update(buildings)
        .set({ ...v, updatedAt: sql`now()` })
        .where(eq(buildings.id, id))
        .returning()
    )[0] ?? null
  );
}

export interface SiteListRow extends SiteRow {
  buildingCount: number;
  unitCount: number;
}

/** Sites in name order (byte order, the same on PGlite and PostgreSQL), with their counts. */
export async function listSites(
  tx: Tx,
  f: { id?: string; afterName?: string; afterId?: string; limit: number },
) {
  return rows<SiteListRow>(
    tx,
    sql`select s.id, s.org_id as "orgId", s.name, s.city, s.address, s.created_at as "createdAt", s.updated_at as "updatedAt",
               (select count(*)::int from buildings b where b.site_id = s.id) as "buildingCount",
               (select count(*)::int from units u join buildings b on b.id = u.building_id
                 where b.site_id = s.id and u.retired_at is null) as "unitCount"
          from sites s
         where ${f.id ? sql`s.id = ${f.id}` : sql`true`}
           and ${f.afterName !== undefined ? sql`(s.name collate "C", s.id) > (${f.afterName} collate "C", ${f.afterId}::uuid)` : sql`true`}
         order by s.name collate "C", s.id
         limit ${f.limit}`,
  );
}

export interface BuildingListRow extends BuildingRow {
  siteName: string;
  unitCount: number;
}

export async function listBuildings(
  tx: Tx,
  f: { id?: string; siteId?: string; after?: [string, string, string]; limit: number },
) {
  return rows<BuildingListRow>(
    tx,
    sql`select b.id, b.org_id as "orgId", b.site_id as "siteId", b.name, b.floors_above as "floorsAbove",
               b.floors_below as "floorsBelow", b.created_at as "createdAt", b.updated_at as "updatedAt", s.name as "siteName",
               (select count(*)::int from units u where u.building_id = b.id and u.retired_at is null) as "unitCount"
          from buildings b join sites s on s.id = b.site_id
         where ${f.id ? sql`b.id = ${f.id}` : sql`true`}
           and ${f.siteId ? sql`b.site_id = ${f.siteId}` : sql`true`}
           and ${f.after ? sql`(s.name collate "C", b.name collate "C", b.id) > (${f.after[0]} collate "C", ${f.after[1]} collate "C", ${f.after[2]}::uuid)` : sql`true`}
         order by s.name collate "C", b.name collate "C", b.id
         limit ${f.limit}`,
  );
}

/** The lowest and highest floor that has a unit (retired ones too) in a building. */
export async function floorExtent(
  tx: Tx,
  buildingId: string,
): Promise<{ min: number | null; max: number | null }> {
  const r = await rows<{ min: number | null; max: number | null }>(
    tx,
    sql`select min(floor) as min, max(floor) as max from units where building_id = ${buildingId}`,
  );
  return r[0] ?? { min: null, max: null };
}

// ---- units ---------------------------------------------------------------------------------------

export async function insertUnit(tx: Tx, v: typeof units.$inferInsert) {
  return (await tx.insert(units).values(v).returning())[0]!;
}
export async function updateUnitRow(tx: Tx, id: string, v: Partial<typeof units.$inferInsert>) {
  return (
    (
      await tx
        .update(units)
        .set({ ...v, updatedAt: sql`now()` })
        .where(eq(units.id, id))
        .returning()
    )[0] ?? null
  );
}
export async function findUnitRow(tx: Tx, id: string): Promise<UnitRow | null> {
  return (await tx.select().from(units).where(eq(units.id, id)))[0] ?? null;
}
export async function deleteUnitRow(tx: Tx, id: string) {
  await tx.delete(unitOccupancy).where(eq(unitOccupancy.unitId, id));
  await tx.delete(units).where(eq(units.id, id));
}

export interface UnitListRow {
  id: string;
  buildingId: string;
  buildingName: string;
  siteId: string;
  siteName: string;
  code: string;
  type: 'office' | 'warehouse' | 'other';
  floor: number;
  grossArea: string;
  insideArea: string;
  usableArea: string;
  listPrice: string;
  priceBasis: 'per_sqm_month' | 'per_sqm_day';
  facilities: string[];
  certificateNo: string | null;
  notes: string | null;
  retired: boolean;
  status: 'vacant' | 'reserved' | 'leased' | 'unavailable';
  statusFrom: string | null;
  statusTo: string | null;
  customerId: string | null;
  customerName: string | null;
}

export interface UnitFilter {
  asOf: string;
  id?: string;
  siteId?: string;
  buildingId?: string;
  type?: string;
  status?: string;
  minArea?: string;
  maxArea?: string;
  q?: string;
  includeRetired?: boolean;
  after?: [string, string, string, number, string, string];
  limit: number;
}

/**
 * Units with their status on a date: the one active occupancy range covering it (ranges of a unit
 * never overlap), else vacant; a retired unit is unavailable. Ordered by site, building, floor, code.
 */
export async function listUnits(tx: Tx, f: UnitFilter): Promise<UnitListRow[]> {
  const where: SQL[] = [];
  if (f.id) where.push(sql`u.id = ${f.id}`);
  if (f.siteId) where.push(sql`b.site_id = ${f.siteId}`);
  if (f.buildingId) where.push(sql`u.building_id = ${f.buildingId}`);
  if (f.type) where.push(sql`u.type = ${f.type}`);
  if (f.minArea) where.push(sql`u.gross_area >= ${f.minArea}::numeric`);
  if (f.maxArea) where.push(sql`u.gross_area <= ${f.maxArea}::numeric`);
  if (f.q) where.push(sql`u.code ilike ${`%${escapeLike(f.q)}%`}`);
  if (!f.includeRetired && !f.id) where.push(sql`u.retired_at is null`);
  const inner = sql`
    select u.id, u.building_id as "buildingId", b.name as "buildingName", b.site_id as "siteId", s.name as "siteName",
           u.code, u.type, u.floor, u.gross_area::text as "grossArea", u.inside_area::text as "insideArea",
           u.usable_area::text as "usableArea", u.list_price::text as "listPrice", u.price_basis as "priceBasis",
           u.facilities, u.certificate_no as "certificateNo", u.notes, u.retired_at is not null as retired,
           case when u.retired_at is not null then 'unavailable' else coalesce(o.kind, 'vacant') end as status,
           to_char(o.from_date, 'YYYY-MM-DD') as "statusFrom", to_char(o.to_date, 'YYYY-MM-DD') as "statusTo",
           o.customer_id as "customerId", c.name as "customerName"
      from units u
      join buildings b on b.id = u.building_id
      join sites s on s.id = b.site_id
      left join lateral (
        select kind, from_date, to_date, customer_id from unit_occupancy
         where unit_id = u.id and released_at is null and ${f.asOf}::date between from_date and to_date
         limit 1) o on true
      left join customers c on c.id = o.customer_id
     where ${where.length ? sql.join(where, sql` and `) : sql`true`}`;
  const after = f.after
    ? sql`and ("siteName" collate "C", "buildingName" collate "C", "buildingId", floor, code collate "C", id) >
              (${f.after[0]} collate "C", ${f.after[1]} collate "C", ${f.after[2]}::uuid, ${f.after[3]}::int, ${f.after[4]} collate "C", ${f.after[5]}::uuid)`
    : sql``;
  return rows<UnitListRow>(
    tx,
    sql`select * from (${inner}) x
         where ${f.status ? sql`status = ${f.status}` : sql`true`} ${after}
         order by "siteName" collate "C", "buildingName" collate "C", "buildingId", floor, code collate "C", id
         limit ${f.limit}`,
  );
}

// ---- occupancy -----------------------------------------------------------------------------------

export async function insertOccupancy(tx: Tx, v: typeof unitOccupancy.$inferInsert) {
  return (await tx.insert(unitOccupancy).values(v).returning())[0]!;
}

export async function releaseOccupancy(
  tx: Tx,
  where: { id?: string; sourceType?: string; sourceId?: string },
  by: string | null,
) {
  return tx
    .update(unitOccupancy)
    .set({ releasedAt: sql`now()`, releasedBy: by })
    .where(
      and(
        isNull(unitOccupancy.releasedAt),
        where.id ? eq(unitOccupancy.id, where.id) : undefined,
        where.sourceType
          ? eq(unitOccupancy.sourceType, where.sourceType as OccupancyRow['sourceType'])
          : undefined,
        where.sourceId ? eq(unitOccupancy.sourceId, where.sourceId) : undefined,
      ),
    )
    .returning();
}

export async function occupancyOfUnit(tx: Tx, unitId: string): Promise<OccupancyRow[]> {
  return tx
    .select()
    .from(unitOccupancy)
    .where(eq(unitOccupancy.unitId, unitId))
    .orderBy(unitOccupancy.fromDate, unitOccupancy.id);
}

export async function everLeased(tx: Tx, unitId: string): Promise<boolean> {
  const r = await tx
    .select({ id: unitOccupancy.id })
    .from(unitOccupancy)
    .where(and(eq(unitOccupancy.unitId, unitId), eq(unitOccupancy.sourceType, 'contract')))
    .limit(1);
  return r.length > 0;
}

export interface OccupancyFigureRow {
  siteId: string;
  siteName: string;
  buildingId: string;
  buildingName: string;
  leasableArea: string;
  leasedArea: string;
  units: number;
  leasedUnits: number;
}

/** Leased against leasable (gross) area and unit counts per building, on a date, in one statement. */
export async function occupancyByBuilding(tx: Tx, asOf: string): Promise<OccupancyFigureRow[]> {
  return rows<OccupancyFigureRow>(
    tx,
    sql`select s.id as "siteId", s.name as "siteName", b.id as "buildingId", b.name as "buildingName",
               coalesce(sum(u.gross_area), 0)::text as "leasableArea",
               coalesce(sum(u.gross_area) filter (where o.unit_id is not null), 0)::text as "leasedArea",
               count(u.id)::int as units, count(o.unit_id)::int as "leasedUnits"
          from sites s
          join buildings b on b.site_id = s.id
          left join units u on u.building_id = b.id and u.retired_at is null
          left join unit_occupancy o on o.unit_id = u.id and o.kind = 'leased' and o.released_at is null
               and ${asOf}::date between o.from_date and o.to_date
         group by s.id, s.name, b.id, b.name
         order by s.name collate "C", b.name collate "C"`,
  );
}

// ---- for contracts -------------------------------------------------------------------------------

export interface UnitFacts {
  id: string;
  code: string;
  type: 'office' | 'warehouse' | 'other';
  floor: number;
  grossArea: string;
  insideArea: string;
  usableArea: string;
  certificateNo: string | null;
  siteName: string;
  buildingName: string;
  address: string | null;
  retired: boolean;
}

/** What a contract states about its units: areas, certificate, place; in one query. */
export async function unitFacts(tx: Tx, ids: readonly string[]): Promise<UnitFacts[]> {
  if (!ids.length) return [];
  return rows<UnitFacts>(
    tx,
    sql`select u.id, u.code, u.type, u.floor, u.gross_area::text as "grossArea", u.inside_area::text as "insideArea",
               u.usable_area::text as "usableArea", u.certificate_no as "certificateNo", s.name as "siteName",
               b.name as "buildingName", s.address, u.retired_at is not null as retired
          from units u join buildings b on b.id = u.building_id join sites s on s.id = b.site_id
         where u.id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})`,
  );
}

export interface OccupancyConflict {
  unitId: string;
  kind: string;
  fromDate: string;
  toDate: string;
}

/** Active ranges of these units overlapping [from, to], leaving out the holds of the given sources. */
export async function occupancyConflicts(
  tx: Tx,
  unitIds: readonly string[],
  from: string,
  to: string,
  exceptSourceIds: readonly string[],
): Promise<OccupancyConflict[]> {
  if (!unitIds.length) return [];
  const except = exceptSourceIds.length
    ? sql`and (source_id is null or source_id not in (${sql.join(
        exceptSourceIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )}))`
    : sql``;
  return rows<OccupancyConflict>(
    tx,
    sql`select unit_id as "unitId", kind, from_date::text as "fromDate", to_date::text as "toDate"
          from unit_occupancy
         where released_at is null
           and unit_id in (${sql.join(
             unitIds.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
           and from_date <= ${to}::date and to_date >= ${from}::date ${except}
         order by from_date`,
  );
}

/**
 * Ends a source's active ranges after `lastDay`: ranges wholly after it are released, the one across it
 * is cut short. Returns what changed, for the audit trail.
 */
export async function cutOccupancy(tx: Tx, sourceId: string, lastDay: string, by: string | null) {
  const released = await tx
    .update(unitOccupancy)
    .set({ releasedAt: sql`now()`, releasedBy: by })
    .where(
      and(
        isNull(unitOccupancy.releasedAt),
        eq(unitOccupancy.sourceId, sourceId),
        sql`${unitOccupancy.fromDate} > ${lastDay}::date`,
      ),
    )
    .returning();
  const cut = await tx
    .update(unitOccupancy)
    .set({ toDate: lastDay })
    .where(
      and(
        isNull(unitOccupancy.releasedAt),
        eq(unitOccupancy.sourceId, sourceId),
        sql`${unitOccupancy.toDate} > ${lastDay}::date`,
      ),
    )
    .returning();
  return { released, cut };
}
