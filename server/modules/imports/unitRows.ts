import { PRICE_BASIS_LABELS, UNIT_TYPE_LABELS } from '../../../common/labels.ts';
import { newId } from '../../platform/ids.ts';
import { areasValid, floorLabel } from '../spaces/index.ts';
import type { Staged } from './customerRows.ts';
import type { SheetRow } from './readSheet.ts';
import type { RowError } from './reasons.ts';
import { RowReader } from './rowReader.ts';

export interface UnitData {
  id: string;
  auditId: string;
  site: string | null;
  building: string | null;
  buildingId: string | null;
  code: string | null;
  type: string | null;
  floor: number | null;
  grossArea: string | null;
  insideArea: string | null;
  usableArea: string | null;
  listPrice: string | null;
  priceBasis: string | null;
  certificateNo: string | null;
  facilities: string[];
  notes: string | null;
}

export function readUnitRow(row: SheetRow): Staged<UnitData> {
  const r = new RowReader(row.cells);
  const data: UnitData = {
    id: newId(),
    auditId: newId(),
    site: r.text('site', { required: true, max: 100 }),
    building: r.text('building', { required: true, max: 100 }),
    buildingId: null,
    code: r.text('code', { required: true, max: 30 }),
    type: r.choice('type', UNIT_TYPE_LABELS, true),
    floor: r.floor('floor'),
    grossArea: r.decimal('grossArea', 'area'),
    insideArea: r.decimal('insideArea', 'area'),
    usableArea: r.decimal('usableArea', 'area'),
    listPrice: r.decimal('listPrice', 'price'),
    priceBasis: r.choice('priceBasis', PRICE_BASIS_LABELS, true),
    certificateNo: r.text('certificateNo', { max: 100 }),
    facilities: r.list('facilities', { count: 30, max: 50 }),
    notes: r.text('notes', { max: 1000 }),
  };
  const { grossArea, insideArea, usableArea } = data;
  if (grossArea && insideArea && usableArea && !areasValid({ grossArea, insideArea, usableArea }))
    r.problem('usableArea', 'areas_order');
  return { rowNo: row.rowNo, data, errors: r.errors };
}

export interface BuildingRef {
  id: string;
  siteName: string;
  name: string;
  floorsAbove: number;
  floorsBelow: number;
}

export interface UnitLookups {
  buildings: BuildingRef[];
  /** `${buildingId}/${code}` of the units of the file that exist already. */
  taken: Set<string>;
}

export const unitKey = (buildingId: string, code: string) => `${buildingId}/${code}`;

/** Finds each row's building by site and building name; keeps the floor in the building's range. */
export function resolveBuildings(rows: Staged<UnitData>[], buildings: BuildingRef[]) {
  const sites = new Set(buildings.map((b) => b.siteName));
  const byName = new Map(buildings.map((b) => [`${b.siteName}\u0000${b.name}`, b]));
  for (const row of rows) {
    const d = row.data;
    const fail = (column: string, reason: RowError['reason'], value: string, params?: RowError['params']) =>
      row.errors.push({ column, reason, value, ...(params ? { params } : {}) });
    if (!d.site || !d.building) continue;
    if (!sites.has(d.site)) {
      fail('site', 'site_unknown', d.site, { value: d.site });
      continue;
    }
    const b = byName.get(`${d.site}\u0000${d.building}`);
    if (!b) {
      fail('building', 'building_unknown', d.building, { site: d.site, value: d.building });
      continue;
    }
    d.buildingId = b.id;
    if (d.floor !== null && (d.floor > b.floorsAbove || d.floor < -b.floorsBelow))
      fail('floor', 'floor_out_of_range', floorLabel(d.floor), {
        lowest: b.floorsBelow ? floorLabel(-b.floorsBelow) : floorLabel(1),
        highest: floorLabel(b.floorsAbove),
      });
  }
}

/** Unit codes are unique in a building: in the file and against the database. */
export function checkUnitCodes(rows: Staged<UnitData>[], taken: Set<string>) {
  const firstRow = new Map<string, number>();
  for (const row of rows) {
    const { buildingId, code } = row.data;
    if (!buildingId || !code) continue;
    const key = unitKey(buildingId, code);
    const first = firstRow.get(key);
    if (first !== undefined)
      row.errors.push({
        column: 'code',
        reason: 'code_duplicate_in_file',
        params: { row: first },
        value: code,
      });
    else firstRow.set(key, row.rowNo);
    if (taken.has(key))
      row.errors.push({ column: 'code', reason: 'code_taken', params: { code }, value: code });
  }
}
