import type { z } from 'zod';
import type { notificationView } from '../../../../common/schemas/notifications.ts';
import { api, type Page } from '../../app/api.ts';

export type NotificationView = z.infer<typeof notificationView>;

export interface NotificationsPage extends Page<NotificationView> {
  unreadCount: number;
}

/** Every notification query starts with this key, so one invalidation refreshes bell, list and badge. */
export const NOTIFICATIONS_KEY = ['notifications'] as const;

export function fetchUnreadCount(): Promise<{ count: number }> {
  return api.get<{ count: number }>('/v1/notifications/unread-count');
}

export function listNotifications(
  options: { unread?: boolean; cursor?: string; limit?: number } = {},
): Promise<NotificationsPage> {
  return api.get<NotificationsPage>('/v1/notifications', {
    unread: options.unread ? 'true' : undefined,
    cursor: options.cursor,
    limit: options.limit ?? 20,
  });
}

export function markRead(id: string): Promise<void> {
  return api.post<void>(`/v1/notifications/${encodeURIComponent(id)}/read`);
}

export function markAllRead(): Promise<void> {
  return api.post<void>('/v1/notifications/read-all');
}
