import { auditEntry, auditQuery } from '../../../common/schemas/audit.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { App } from '../../platform/http/app-types.ts';
import { listAudit } from './listAudit.ts';

export function auditRoutes(app: App) {
  app.get(
    '/api/v1/audit',
    {
      config: { policy: ['admin', 'management'] },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail, newest first',
        querystring: auditQuery,
        response: { 200: pageOf(auditEntry) },
      },
    },
    (req) => req.inOrg((ctx) => listAudit(ctx, req.query, req.auth!.org.timeZone)),
  );
}
