import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  respondStatementBody,
  StatementStatus,
  statementFigures,
  statementSummary,
  statementView,
} from '../../../../common/schemas/statements.ts';
import { api, buildUrl, type Page } from '../../app/api.ts';
import { BILLING } from './billingApi.ts';

export type StatementFigures = z.output<typeof statementFigures>;
export type StatementSummary = z.output<typeof statementSummary>;
export type StatementView = z.output<typeof statementView>;
export type StatementEntry = StatementFigures['entries'][number];
export type StatementResponse = z.input<typeof respondStatementBody>;
export type { StatementStatus };

export interface StatementFilters {
  customerId?: string;
  status?: StatementStatus;
}

/** An inclusive period of business dates. */
export interface Period {
  from: string;
  to: string;
}

// Under BILLING: a payment or a billing run recorded anywhere changes the live statement too.
const KEY = [BILLING, 'statements'] as const;
const id = encodeURIComponent;

export const getLiveStatement = (customerId: string, period: Period) =>
  api.get<StatementFigures>(`/v1/customers/${id(customerId)}/statement`, { ...period });
export const issueStatement = (customerId: string, body: Period & { send: boolean }) =>
  api.post<StatementView>(`/v1/customers/${id(customerId)}/statements`, body);
export const listStatements = (filters: StatementFilters, cursor: string | undefined) =>
  api.get<Page<StatementSummary>>('/v1/statements', { ...filters, cursor, limit: 50 });
export const getStatement = (statementId: string) =>
  api.get<StatementView>(`/v1/statements/${id(statementId)}`);
export const sendStatement = (statementId: string) =>
  api.post<StatementView>(`/v1/statements/${id(statementId)}/send`);
export const respondToStatement = (statementId: string, body: StatementResponse) =>
  api.post<StatementView>(`/v1/statements/${id(statementId)}/response`, body);

/** The issued copy as PDF (opened in a new tab) and as a spreadsheet (downloaded). */
export const statementPdfUrl = (statementId: string) =>
  buildUrl(`/v1/documents/statement/${id(statementId)}`);
export const statementXlsxUrl = (statementId: string) => buildUrl(`/v1/statements/${id(statementId)}/xlsx`);

export function useLiveStatement(customerId: string, period: Period) {
  return useQuery({
    queryKey: [...KEY, 'live', customerId, period],
    queryFn: () => getLiveStatement(customerId, period),
    placeholderData: keepPreviousData,
  });
}

export function useStatements(filters: StatementFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', filters, cursor],
    queryFn: () => listStatements(filters, cursor),
    placeholderData: keepPreviousData,
  });
}

export function useStatement(statementId: string) {
  return useQuery({ queryKey: [...KEY, 'one', statementId], queryFn: () => getStatement(statementId) });
}

/** What a write invalidates: every statement query (the live ones, the lists and the issued copies). */
export const STATEMENTS_KEY = KEY;
