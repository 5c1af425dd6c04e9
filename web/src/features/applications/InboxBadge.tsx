import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import { useInboxCounts } from './applicationsApi.ts';

/** The menu's count of applications waiting for the signed-in user; red when some are overdue. */
export function InboxBadge() {
  const { t } = useTranslation();
  const inbox = useInboxCounts();
  const waiting = inbox.data?.waiting ?? 0;
  if (waiting === 0) return null;
  return (
    <span data-testid="inbox-badge">
      <Badge
        count={waiting}
        size="small"
        color={inbox.data?.overdue ? undefined : 'blue'}
        title={t('applications.inboxTitle', { waiting, overdue: inbox.data?.overdue ?? 0 })}
      />
    </span>
  );
}
