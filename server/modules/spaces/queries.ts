import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { decodeCursor, page } from '../../platform/http/cursor.ts';
import { hundredths } from './areas.ts';
import { presentBuilding, presentSite } from './present.ts';
import {
  listBuildings,
  listSites,
  listUnits,
  occupancyByBuilding,
  type UnitFilter,
  type UnitListRow,
} from './repo.ts';

const unitKey = (u: UnitListRow) => [u.siteName, u.buildingName, u.buildingId, String(u.floor), u.code, u.id];

export async function findUnits(
  ctx: Ctx,
  f: Omit<UnitFilter, 'after' | 'limit'> & { cursor?: string; limit: number },
) {
  const c = decodeCursor<[string, string, string, string, string, string]>(f.cursor, 6);
  const after = c ? ([c[0], c[1], c[2], Number(c[3]), c[4], c[5]] as UnitFilter['after']) : undefined;
  const rows = await listUnits(ctx.tx, { ...f, after, limit: f.limit + 1 });
  return page(rows, f.limit, unitKey, (u) => u);
}

export async function findSites(ctx: Ctx, q: { cursor?: string; limit: number }) {
  const c = decodeCursor<[string, string]>(q.cursor, 2);
  const rows = await listSites(ctx.tx, { afterName: c?.[0], afterId: c?.[1], limit: q.limit + 1 });
  return page(rows, q.limit, (s) => [s.name, s.id], presentSite);
}

export async function findBuildings(ctx: Ctx, q: { siteId?: string; cursor?: string; limit: number }) {
  const after = decodeCursor<[string, string, string]>(q.cursor, 3);
  const rows = await listBuildings(ctx.tx, { siteId: q.siteId, after, limit: q.limit + 1 });
  return page(rows, q.limit, (b) => [b.siteName, b.name, b.id], presentBuilding);
}

/** 租控图: every floor of the building, top down, with its units and their status on the date. */
export async function floorPlan(ctx: Ctx, buildingId: string, asOf: string) {
  const [b] = await listBuildings(ctx.tx, { id: buildingId, limit: 1 });
  if (!b) throw notFound('building');
  const units = await listUnits(ctx.tx, { asOf, buildingId, limit: 10_000 });
  const floors = [];
  for (let f = b.floorsAbove; f >= -b.floorsBelow; f--) {
    if (f === 0) continue;
    floors.push({
      floor: f,
      units: units
        .filter((u) => u.floor === f)
        .map((u) => ({
          id: u.id,
          code: u.code,
          type: u.type,
          grossArea: u.grossArea,
          status: u.status,
          statusTo: u.statusTo,
          customerId: u.customerId,
          customerName: u.customerName,
        })),
    });
  }
  return { asOf, building: presentBuilding(b), floors };
}

const area = (h: number) => `${Math.trunc(h / 100)}.${String(h % 100).padStart(2, '0')}`;

/** Leased / leasable gross area and unit counts per site and building on a date. */
interface BuildingFigures {
  buildingId: string;
  name: string;
  leasableArea: string;
  leasedArea: string;
  units: number;
  leasedUnits: number;
}

export async function occupancyReport(ctx: Ctx, asOf: string) {
  const rows = await occupancyByBuilding(ctx.tx, asOf);
  const sites = new Map<
    string,
    {
      siteId: string;
      name: string;
      la: number;
      ld: number;
      units: number;
      leasedUnits: number;
      buildings: BuildingFigures[];
    }
  >();
  for (const r of rows) {
    const s = sites.get(r.siteId) ?? {
      siteId: r.siteId,
      name: r.siteName,
      la: 0,
      ld: 0,
      units: 0,
      leasedUnits: 0,
      buildings: [],
    };
    s.la += hundredths(r.leasableArea);
    s.ld += hundredths(r.leasedArea);
    s.units += r.units;
    s.leasedUnits += r.leasedUnits;
    s.buildings.push({
      buildingId: r.buildingId,
      name: r.buildingName,
      leasableArea: area(hundredths(r.leasableArea)),
      leasedArea: area(hundredths(r.leasedArea)),
      units: r.units,
      leasedUnits: r.leasedUnits,
    });
    sites.set(r.siteId, s);
  }
  return {
    asOf,
    sites: [...sites.values()].map(({ la, ld, ...s }) => ({
      ...s,
      leasableArea: area(la),
      leasedArea: area(ld),
    })),
  };
}
