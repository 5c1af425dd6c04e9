import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AGING_GROUPS,
  AGING_SORTS,
  agingReport,
  collectionReport,
  feeLedger,
} from '../../../../common/schemas/billingReports.ts';
import { api, buildUrl } from '../../app/api.ts';

export type AgingReport = z.infer<typeof agingReport>;
export type AgingRow = AgingReport['items'][number];
export type AgingGroup = (typeof AGING_GROUPS)[number];
export type AgingSort = (typeof AGING_SORTS)[number];
export type CollectionReport = z.infer<typeof collectionReport>;
export type CollectionRow = CollectionReport['items'][number];
export type FeeLedger = z.infer<typeof feeLedger>;
export type FeeRow = FeeLedger['items'][number];

export const RECEIVABLES = 'receivables';

export interface AgingFilters {
  asOf?: string | undefined;
  groupBy: AgingGroup;
  sort: AgingSort;
  order: 'desc' | 'asc';
  managerId?: string | undefined;
}

type Query = Record<string, string | number | undefined>;
const lang = (language: string) => (language === 'en' ? 'en' : 'zh-CN');

export function useAging(f: AgingFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: [RECEIVABLES, 'aging', f, cursor],
    queryFn: () => api.get<AgingReport>('/v1/reports/aging', { ...f, cursor, limit: 50 } as Query),
    placeholderData: keepPreviousData,
  });
}
export const agingExportUrl = (f: AgingFilters, language: string) =>
  buildUrl('/v1/reports/aging.xlsx', { ...f, lang: lang(language) } as Query);

export interface CollectionFilters {
  month?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
  siteId?: string | undefined;
}
export function useCollection(f: CollectionFilters) {
  return useQuery({
    queryKey: [RECEIVABLES, 'collection', f],
    queryFn: () => api.get<CollectionReport>('/v1/reports/collection', f as Query),
    placeholderData: keepPreviousData,
  });
}
export const collectionExportUrl = (f: CollectionFilters, language: string) =>
  buildUrl('/v1/reports/collection.xlsx', { ...f, lang: lang(language) } as Query);

export interface FeeFilters {
  from?: string | undefined;
  to?: string | undefined;
  asOf?: string | undefined;
  chargeType?: string | undefined;
}
export function useFees(f: FeeFilters) {
  return useQuery({
    queryKey: [RECEIVABLES, 'fees', f],
    queryFn: () => api.get<FeeLedger>('/v1/reports/fees', f as Query),
    placeholderData: keepPreviousData,
  });
}
export const feesExportUrl = (f: FeeFilters, language: string) =>
  buildUrl('/v1/reports/fees.xlsx', { ...f, lang: lang(language) } as Query);

/** "0.3158" → "31.58%": the rate is a fraction with four places, so the percent has two, no float. */
export function ratePercent(rate: string | null): string {
  if (rate === null) return '—';
  const negative = rate.startsWith('-');
  const [int = '0', frac = ''] = rate.replace('-', '').split('.');
  const digits = `${int}${frac.padEnd(4, '0')}`.replace(/^0+(?=\d{3})/, '');
  const whole = digits.slice(0, -2) || '0';
  return `${negative ? '-' : ''}${whole}.${digits.slice(-2)}%`;
}
