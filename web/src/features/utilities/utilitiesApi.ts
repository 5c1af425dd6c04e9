import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  MeterType,
  meterBody,
  meterView,
  readingGrid,
  readingGridRow,
  readingsImportResult,
  readingView,
  utilityRateBody,
  utilityRateView,
} from '../../../../common/schemas/utilities.ts';
import { api, type Page } from '../../app/api.ts';
import { MONEY_HANDLERS } from '../../app/nav.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';

export type Meter = z.output<typeof meterView>;
export type MeterBody = z.input<typeof meterBody>;
export type Reading = z.output<typeof readingView>;
export type Grid = z.output<typeof readingGrid>;
export type GridRow = z.output<typeof readingGridRow>;
export type ImportResult = z.output<typeof readingsImportResult>;
export type Rate = z.output<typeof utilityRateView>;
export type RateBody = z.input<typeof utilityRateBody>;
export type { MeterType };

/** Every query of this feature starts with it: a saved reading refreshes meters and grids alike. */
export const UTILITIES = 'utilities';
const id = encodeURIComponent;

export interface MeterFilters {
  buildingId?: string;
  type?: MeterType;
  code?: string;
  includeRetired?: 'true';
}

export const listMeters = (filters: MeterFilters, cursor: string | undefined) =>
  api.get<Page<Meter>>('/v1/meters', { ...filters, cursor, limit: 50 });
export const createMeter = (body: MeterBody) => api.post<Meter>('/v1/meters', body);
export const updateMeter = (meterId: string, body: MeterBody) =>
  api.patch<Meter>(`/v1/meters/${id(meterId)}`, body);
export const retireMeter = (meterId: string) => api.post<Meter>(`/v1/meters/${id(meterId)}/retire`);

export const saveReadings = (body: {
  readOn: string;
  rows: { meterId: string; value: string; replacement?: boolean; startValue?: string | null }[];
}) => api.post<{ readings: Reading[] }>('/v1/meter-readings', body);
export const deleteReading = (readingId: string) => api.delete<void>(`/v1/meter-readings/${id(readingId)}`);

export function importReadings(file: File, commit: boolean) {
  const form = new FormData();
  form.append('commit', String(commit));
  form.append('file', file);
  return api.upload<ImportResult>('/v1/meter-readings/import', form);
}

export function useGrid(buildingId: string | undefined, readOn: string) {
  return useQuery({
    queryKey: [UTILITIES, 'grid', buildingId, readOn],
    queryFn: () => api.get<Grid>('/v1/meter-readings/grid', { buildingId, readOn }),
    enabled: !!buildingId,
    placeholderData: keepPreviousData,
  });
}

export const listRates = (contractId?: string) =>
  api.get<{ items: Rate[] }>('/v1/utility-rates', { contractId });
export const createRate = (body: RateBody) => api.post<Rate>('/v1/utility-rates', body);
export const deleteRate = (rateId: string) => api.delete<void>(`/v1/utility-rates/${id(rateId)}`);

export function useRates(contractId?: string) {
  return useQuery({
    queryKey: [UTILITIES, 'rates', contractId ?? 'org'],
    queryFn: () => listRates(contractId),
    select: (r) => r.items,
  });
}

/** Finance and administrators keep meters, prices and readings; other staff look. */
export function useCanWriteUtilities(): boolean {
  return hasAnyRole(useUser(), MONEY_HANDLERS);
}

/** The unit of consumption of each meter type. */
export const UNIT_OF: Record<MeterType, string> = { water: 't', electricity: 'kWh', gas: 'm³' };
