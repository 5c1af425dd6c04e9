import { toIso } from '../../platform/db/database.ts';
import type { BuildingListRow, OccupancyRow, SiteListRow, UnitListRow } from './repo.ts';

export const presentSite = (s: SiteListRow) => ({
  id: s.id,
  name: s.name,
  city: s.city,
  address: s.address,
  buildingCount: s.buildingCount,
  unitCount: s.unitCount,
});

export const presentBuilding = (b: BuildingListRow) => ({
  id: b.id,
  siteId: b.siteId,
  siteName: b.siteName,
  name: b.name,
  floorsAbove: b.floorsAbove,
  floorsBelow: b.floorsBelow,
  unitCount: b.unitCount,
});

export const presentUnit = (u: UnitListRow) => ({ ...u });

export const presentOccupancy = (o: OccupancyRow) => ({
  id: o.id,
  kind: o.kind,
  from: o.fromDate,
  to: o.toDate,
  sourceType: o.sourceType,
  sourceId: o.sourceId,
  customerId: o.customerId,
  reason: o.reason,
  released: o.releasedAt !== null,
  releasedAt: toIso(o.releasedAt),
});
