import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ts } from './columns.ts';
import { customers } from './customers.ts';
import { organizations } from './platform.ts';

/** 园区 / 大厦 */
export const sites = pgTable(
  'sites',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    city: text('city').notNull(),
    address: text('address').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sites_org_name_key').on(t.orgId, t.name)],
);

export const buildings = pgTable(
  'buildings',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    name: text('name').notNull(),
    /** Floors above ground (1..n) and below (B1..Bn): the rows of the floor plan, units or not. */
    floorsAbove: integer('floors_above').notNull(),
    floorsBelow: integer('floors_below').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('buildings_site_name_key').on(t.siteId, t.name),
    check(
      'buildings_floors_check',
      sql`${t.floorsAbove} between 1 and 200 and ${t.floorsBelow} between 0 and 20`,
    ),
  ],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    code: text('code').notNull(),
    type: text('type', { enum: ['office', 'warehouse', 'other'] }).notNull(),
    /** 1, 2 … above ground; -1 is B1. */
    floor: integer('floor').notNull(),
    grossArea: numeric('gross_area', { precision: 12, scale: 2 }).notNull(),
    insideArea: numeric('inside_area', { precision: 12, scale: 2 }).notNull(),
    usableArea: numeric('usable_area', { precision: 12, scale: 2 }).notNull(),
    /** List price in yuan per m² per month or per day, as a decimal string. */
    listPrice: numeric('list_price', { precision: 12, scale: 4 }).notNull(),
    priceBasis: text('price_basis', { enum: ['per_sqm_month', 'per_sqm_day'] }).notNull(),
    facilities: text('facilities').array().notNull().default(sql`'{}'`),
    certificateNo: text('certificate_no'),
    notes: text('notes'),
    retiredAt: ts('retired_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('units_building_code_key').on(t.buildingId, t.code),
    index('units_org_building_floor_idx').on(t.orgId, t.buildingId, t.floor, t.code),
    check(
      'units_areas_check',
      sql`${t.usableArea} > 0 and ${t.usableArea} <= ${t.insideArea} and ${t.insideArea} <= ${t.grossArea}`,
    ),
    check('units_floor_check', sql`${t.floor} <> 0`),
    check('units_price_check', sql`${t.listPrice} >= 0`),
  ],
);

/**
 * What a unit is taken for, as inclusive date ranges: reserved (by an application under review), leased
 * (by a contract) or unavailable (set by staff with a reason). Active ranges of one unit never overlap:
 * an exclusion constraint in the migration refuses it. Released rows stay as history.
 */
export const unitOccupancy = pgTable(
  'unit_occupancy',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: ['reserved', 'leased', 'unavailable'] }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    sourceType: text('source_type', { enum: ['application', 'contract', 'manual'] }).notNull(),
    sourceId: uuid('source_id'),
    customerId: uuid('customer_id').references((): AnyPgColumn => customers.id),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    releasedAt: ts('released_at'),
    releasedBy: uuid('released_by'),
  },
  (t) => [
    index('unit_occupancy_unit_idx').on(t.unitId, t.fromDate),
    index('unit_occupancy_source_idx').on(t.sourceType, t.sourceId),
    check('unit_occupancy_range_check', sql`${t.fromDate} <= ${t.toDate}`),
  ],
);
