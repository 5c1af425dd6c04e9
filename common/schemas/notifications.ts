import { z } from 'zod';

export const notificationView = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  /** A path in the web app to open, e.g. /customers/… */
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const notificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const notificationsPage = z.object({
  items: z.array(notificationView),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});
