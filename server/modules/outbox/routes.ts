import { z } from 'zod';
import { outboxDetail, outboxItem, outboxQuery } from '../../../common/schemas/outbox.ts';
import { pageOf, uuidParam } from '../../../common/schemas/paging.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { toIso } from '../../platform/db/database.ts';
import type { Deps } from '../../platform/deps.ts';
import { renderPdf } from '../../platform/documents/renderPdf.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { decodeCursor, page } from '../../platform/http/cursor.ts';
import { requeue } from '../../platform/mail/repo.ts';
import { findMessage, listOutbox, type OutboxRow } from './repo.ts';

const present = (m: OutboxRow): z.infer<typeof outboxItem> => ({
  id: m.id,
  to: m.to,
  cc: m.cc,
  subject: m.subject,
  status: m.status === 'sending' ? 'pending' : m.status,
  attempts: m.attempts,
  nextAttemptAt: m.status === 'pending' || m.status === 'sending' ? toIso(m.nextAttemptAt) : null,
  lastError: m.lastError,
  sentAt: toIso(m.sentAt),
  createdAt: toIso(m.createdAt)!,
  entityType: m.entityType,
  entityId: m.entityId,
  attachments: m.attachments,
});

const admin = ['admin'] as const;

export function outboxRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/outbox',
    {
      config: { policy: admin },
      schema: {
        tags: ['outbox'],
        summary: 'Messages to people, newest first',
        querystring: outboxQuery,
        response: { 200: pageOf(outboxItem) },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const after = decodeCursor<[string]>(req.query.cursor, 1);
        const rows = await listOutbox(ctx.tx, {
          ...req.query,
          afterId: after?.[0],
          limit: req.query.limit + 1,
        });
        return page(rows, req.query.limit, (m) => [m.id], present);
      }),
  );

  app.get(
    '/api/v1/outbox/:id',
    {
      config: { policy: admin },
      schema: {
        tags: ['outbox'],
        summary: 'One message with its body',
        params: uuidParam,
        response: { 200: outboxDetail },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const m = await findMessage(ctx.tx, req.params.id);
        if (!m) throw notFound('message');
        return { ...present(m), text: m.text, html: m.html };
      }),
  );

  app.get(
    '/api/v1/outbox/:id/attachments/:index',
    {
      config: { policy: admin },
      schema: {
        tags: ['outbox'],
        summary: 'An attachment of a message, rendered as PDF',
        params: z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(50) }),
      },
    },
    async (req, reply) => {
      const { ref, model } = await req.inOrg(async (ctx) => {
        const m = await findMessage(ctx.tx, req.params.id);
        const ref = m?.attachments[req.params.index];
        if (!ref) throw notFound('attachment');
        const kind = deps.documents.get(ref.kind);
        const model = kind ? await kind.load(ctx, ref.id) : null;
        if (!model) throw notFound('document');
        return { ref, model };
      });
      const pdf = await renderPdf(model);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(ref.filename)}`)
        .send(pdf);
    },
  );

  app.post(
    '/api/v1/outbox/:id/retry',
    {
      config: { policy: admin },
      schema: {
        tags: ['outbox'],
        summary: 'Send a failed message again',
        params: uuidParam,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await req.inOrg(async (ctx) => {
        const m = await findMessage(ctx.tx, req.params.id);
        if (!m) throw notFound('message');
        if (!(await requeue(ctx.tx, m.id))) throw new AppError('OUTBOX_NOT_FAILED', {}, 'status');
        await recordAudit(ctx, {
          entityType: 'outbox',
          entityId: m.id,
          action: 'outbox.retry',
          before: { status: m.status },
          after: { status: 'pending' },
        });
      });
      return reply.status(204).send(null);
    },
  );
}
