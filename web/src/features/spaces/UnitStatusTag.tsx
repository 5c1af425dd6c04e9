import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UnitStatus } from './spacesApi.ts';
import { STATUS_COLORS } from './spacesFormat.ts';

export function UnitStatusTag({ status, statusTo }: { status: UnitStatus; statusTo?: string | null }) {
  const { t } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Tag color={STATUS_COLORS[status].tag} style={{ marginInlineEnd: 4 }}>
        {t(`spaces.statuses.${status}`)}
      </Tag>
      {statusTo && (
        <span style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
          {t('spaces.until', { date: statusTo })}
        </span>
      )}
    </span>
  );
}
