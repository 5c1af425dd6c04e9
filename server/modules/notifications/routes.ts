import { z } from 'zod';
import { notificationsPage, notificationsQuery } from '../../../common/schemas/notifications.ts';
import { uuidParam } from '../../../common/schemas/paging.ts';
import { toIso } from '../../platform/db/database.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { decodeCursor, page } from '../../platform/http/cursor.ts';
import { exists, listForUser, markRead, type NotificationRow, unreadCount } from './repo.ts';

export function notificationRoutes(app: App) {
  app.get(
    '/api/v1/notifications',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first',
        querystring: notificationsQuery,
        response: { 200: notificationsPage },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const userId = req.auth!.userId;
        const after = decodeCursor<[string]>(req.query.cursor, 1);
        const rows = await listForUser(ctx.tx, userId, {
          unread: req.query.unread === 'true',
          afterId: after?.[0],
          limit: req.query.limit + 1,
        });
        const present = (n: NotificationRow) => ({
          id: n.id,
          title: n.title[req.locale],
          body: n.body[req.locale],
          link: n.link,
          entityType: n.entityType,
          entityId: n.entityId,
          createdAt: toIso(n.createdAt)!,
          readAt: toIso(n.readAt),
        });
        return {
          ...page(rows, req.query.limit, (n) => [n.id], present),
          unreadCount: await unreadCount(ctx.tx, userId),
        };
      }),
  );

  app.get(
    '/api/v1/notifications/unread-count',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread',
        response: { 200: z.object({ count: z.number().int() }) },
      },
    },
    (req) => req.inOrg(async (ctx) => ({ count: await unreadCount(ctx.tx, req.auth!.userId) })),
  );

  app.post(
    '/api/v1/notifications/:id/read',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Mark one read',
        params: uuidParam,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await req.inOrg(async (ctx) => {
        if (!(await exists(ctx.tx, req.auth!.userId, req.params.id))) throw notFound('notification');
        await markRead(ctx.tx, req.auth!.userId, req.params.id);
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/notifications/read-all',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['notifications'], summary: 'Mark all of mine read', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await req.inOrg((ctx) => markRead(ctx.tx, req.auth!.userId, null));
      return reply.status(204).send(null);
    },
  );
}
