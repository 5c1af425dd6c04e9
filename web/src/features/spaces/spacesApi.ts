import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  buildingBody,
  buildingView,
  floorPlan,
  occupancyReport,
  occupancyRow,
  siteBody,
  siteView,
  UNIT_STATUSES,
  UNIT_TYPES,
  unavailableBody,
  unitBody,
  unitView,
  updateUnitBody,
} from '../../../../common/schemas/spaces.ts';
import { api, type Page } from '../../app/api.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';

export type SiteView = z.infer<typeof siteView>;
export type SiteBody = z.infer<typeof siteBody>;
export type BuildingView = z.infer<typeof buildingView>;
export type BuildingBody = z.input<typeof buildingBody>;
export type UnitView = z.infer<typeof unitView>;
export type UnitBody = z.input<typeof unitBody>;
export type UnitChanges = z.input<typeof updateUnitBody>;
export type OccupancyRow = z.infer<typeof occupancyRow>;
export type UnitDetail = UnitView & { occupancy: OccupancyRow[] };
export type FloorPlan = z.infer<typeof floorPlan>;
export type OccupancyReport = z.infer<typeof occupancyReport>;
export type UnitType = (typeof UNIT_TYPES)[number];
export type UnitStatus = (typeof UNIT_STATUSES)[number];
export type Unavailability = z.infer<typeof unavailableBody>;

export interface UnitFilters {
  siteId?: string;
  buildingId?: string;
  type?: UnitType;
  status?: UnitStatus;
  asOf?: string;
  minArea?: string;
  maxArea?: string;
  q?: string;
  includeRetired?: 'true';
}

/** Every query of this feature starts with it, so one invalidation refreshes them all after a change. */
export const SPACES = 'spaces';
const id = encodeURIComponent;

export function listUnits(filters: UnitFilters, cursor: string | undefined): Promise<Page<UnitView>> {
  return api.get<Page<UnitView>>('/v1/units', { ...filters, cursor, limit: 50 });
}
export const getUnit = (unitId: string, asOf?: string) =>
  api.get<UnitDetail>(`/v1/units/${id(unitId)}`, { asOf });
export const createUnit = (body: UnitBody) => api.post<UnitView>('/v1/units', body);
export const updateUnit = (unitId: string, body: UnitChanges) =>
  api.patch<UnitView>(`/v1/units/${id(unitId)}`, body);
export const deleteUnit = (unitId: string) => api.delete<void>(`/v1/units/${id(unitId)}`);
export const markUnavailable = (unitId: string, body: Unavailability) =>
  api.post<OccupancyRow>(`/v1/units/${id(unitId)}/unavailability`, body);
export const endUnavailability = (unitId: string, occupancyId: string) =>
  api.delete<void>(`/v1/units/${id(unitId)}/occupancy/${id(occupancyId)}`);

export const createSite = (body: SiteBody) => api.post<SiteView>('/v1/sites', body);
export const updateSite = (siteId: string, body: Partial<SiteBody>) =>
  api.patch<SiteView>(`/v1/sites/${id(siteId)}`, body);
export const createBuilding = (body: BuildingBody) => api.post<BuildingView>('/v1/buildings', body);
export const updateBuilding = (buildingId: string, body: Omit<Partial<BuildingBody>, 'siteId'>) =>
  api.patch<BuildingView>(`/v1/buildings/${id(buildingId)}`, body);

/** A leasing company has a handful of sites and buildings: one page of 200 holds them all. */
export function useSites() {
  return useQuery({
    queryKey: [SPACES, 'sites'],
    queryFn: () => api.get<Page<SiteView>>('/v1/sites', { limit: 200 }),
    select: (page) => page.items,
  });
}

export function useBuildings(siteId: string | undefined) {
  return useQuery({
    queryKey: [SPACES, 'buildings', siteId ?? 'all'],
    queryFn: () => api.get<Page<BuildingView>>('/v1/buildings', { siteId, limit: 200 }),
    select: (page) => page.items,
  });
}

export function useFloorPlan(buildingId: string | undefined, asOf: string) {
  return useQuery({
    queryKey: [SPACES, 'floor-plan', buildingId, asOf],
    queryFn: () => api.get<FloorPlan>(`/v1/buildings/${id(buildingId!)}/floor-plan`, { asOf }),
    enabled: !!buildingId,
    placeholderData: keepPreviousData,
  });
}

export function useOccupancy(asOf: string) {
  return useQuery({
    queryKey: [SPACES, 'occupancy', asOf],
    queryFn: () => api.get<OccupancyReport>('/v1/spaces/occupancy', { asOf }),
  });
}

const EDITORS = ['admin', 'business'] as const;

/** Only these roles may change sites, buildings and units; the server checks again. */
export function useCanEditSpaces(): boolean {
  return hasAnyRole(useUser(), EDITORS);
}
