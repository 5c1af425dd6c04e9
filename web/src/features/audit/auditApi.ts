import type { z } from 'zod';
import type { auditEntry } from '../../../../common/schemas/audit.ts';
import { api, type Page } from '../../app/api.ts';

export type AuditEntry = z.infer<typeof auditEntry>;

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** Inclusive dates, YYYY-MM-DD. */
  from?: string;
  to?: string;
}

export function listAudit(filters: AuditFilters, cursor: string | undefined): Promise<Page<AuditEntry>> {
  return api.get<Page<AuditEntry>>('/v1/audit', { ...filters, cursor, limit: 50 });
}
