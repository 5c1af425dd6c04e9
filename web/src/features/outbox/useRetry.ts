import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { showError } from '../../app/formErrors.ts';
import { retryOutboxItem } from './outboxApi.ts';

/** Queues a failed message again and refreshes the list and the open detail. */
export function useRetry() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryOutboxItem,
    onSuccess: () => {
      void message.success(t('outbox.retried'));
      void queryClient.invalidateQueries({ queryKey: ['outbox'] });
    },
    onError: (e) => showError(e, message),
  });
}
