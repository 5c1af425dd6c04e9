import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { customerReport } from '../../../../common/schemas/customers.ts';
import type { occupancyReport } from '../../../../common/schemas/spaces.ts';
import { api, buildUrl } from '../../app/api.ts';

export type CustomerReport = z.infer<typeof customerReport>;
export type OccupancyReport = z.infer<typeof occupancyReport>;

export function useCustomerReport() {
  return useQuery({
    queryKey: ['reports', 'customers'],
    queryFn: () => api.get<CustomerReport>('/v1/reports/customers'),
  });
}

/** Occupancy by site today (in the organization's time zone: the server picks the date). */
export function useOccupancyToday() {
  return useQuery({
    queryKey: ['reports', 'occupancy'],
    queryFn: () => api.get<OccupancyReport>('/v1/spaces/occupancy'),
  });
}

/** The workbook in the app's language: a download link cannot send it as a header. */
export const reportWorkbookUrl = (language: string) =>
  buildUrl('/v1/reports/customers.xlsx', { lang: language === 'en' ? 'en' : 'zh-CN' });

/** A share of the total as a percentage with one decimal: `12.5%`. */
export function percentOf(count: number, total: number): string {
  return `${total ? Math.round((count / total) * 1000) / 10 : 0}%`;
}
