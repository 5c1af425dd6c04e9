import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { showError } from '../../app/formErrors.ts';
import { markAllRead, markRead, NOTIFICATIONS_KEY, type NotificationView } from './notificationsApi.ts';

/** Only paths of this app are followed; a notification must not send anyone to another site. */
export function inAppLink(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') ? link : null;
}

export function useNotificationActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const refresh = () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY });

  const read = useMutation({
    mutationFn: markRead,
    onSettled: refresh,
    onError: (e) => showError(e, message),
  });

  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: () => void message.success(t('notifications.allMarkedRead')),
    onSettled: refresh,
    onError: (e) => showError(e, message),
  });

  /** Marks the notification read (if it is not yet) and follows its link. */
  const open = (notification: NotificationView) => {
    if (!notification.readAt) read.mutate(notification.id);
    const link = inAppLink(notification.link);
    if (link) navigate(link);
  };

  return { open, markRead: read.mutate, markAllRead: () => readAll.mutate(), markingAll: readAll.isPending };
}
