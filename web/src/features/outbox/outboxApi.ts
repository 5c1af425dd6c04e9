import type { z } from 'zod';
import type { OUTBOX_STATUSES, outboxDetail, outboxItem } from '../../../../common/schemas/outbox.ts';
import { api, type Page } from '../../app/api.ts';

export type OutboxItem = z.infer<typeof outboxItem>;
export type OutboxDetail = z.infer<typeof outboxDetail>;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxFilters {
  status?: OutboxStatus;
  q?: string;
}

export function listOutbox(filters: OutboxFilters, cursor: string | undefined): Promise<Page<OutboxItem>> {
  return api.get<Page<OutboxItem>>('/v1/outbox', { ...filters, cursor, limit: 50 });
}

export function getOutboxItem(id: string): Promise<OutboxDetail> {
  return api.get<OutboxDetail>(`/v1/outbox/${encodeURIComponent(id)}`);
}

export function retryOutboxItem(id: string): Promise<void> {
  return api.post<void>(`/v1/outbox/${encodeURIComponent(id)}/retry`);
}

/** Served by the API itself (session cookie), so a plain link opens the PDF in a new tab. */
export function attachmentUrl(id: string, index: number): string {
  return `/api/v1/outbox/${encodeURIComponent(id)}/attachments/${index}`;
}
