import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationView } from './applicationsApi.ts';

/** Why the application stopped or came back, from its last decision (or the withdrawal's reason). */
export function OutcomeAlert({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const last = view.reviews.at(-1);
  if (view.status === 'returned' && view.returnedFrom) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('applications.returnedBy', {
          stage: t(`applications.stages.${view.returnedFrom}`),
          name: last?.decidedBy?.name ?? '',
        })}
        description={last?.comment}
      />
    );
  }
  if (view.status === 'rejected' && last) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('applications.rejectedBy', {
          stage: t(`applications.stages.${last.stage}`),
          reason: last.rejectReason ? t(`applications.rejectReasons.${last.rejectReason}`) : '',
        })}
        description={last.comment}
      />
    );
  }
  if (view.status === 'withdrawn') {
    return (
      <Alert type="info" showIcon title={t('applications.withdrawn')} description={view.withdrawReason} />
    );
  }
  return null;
}
