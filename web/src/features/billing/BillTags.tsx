import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BillStatus, ChargeType, PaymentStatus } from './billingApi.ts';
import { BILL_STATUS_COLORS, PAYMENT_STATUS_COLORS } from './billingFormat.ts';

const TAG = { marginInlineEnd: 0, fontWeight: 'normal' } as const;
const NOWRAP = { whiteSpace: 'nowrap' } as const;

export function BillStatusTag({ status }: { status: BillStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={BILL_STATUS_COLORS[status]} style={TAG} data-testid="bill-status">
      {t(`billing.statuses.${status}`)}
    </Tag>
  );
}

export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PAYMENT_STATUS_COLORS[status]} style={TAG} data-testid="payment-status">
      {t(`billing.paymentStatuses.${status}`)}
    </Tag>
  );
}

export function ChargeTypeTag({ type }: { type: ChargeType }) {
  const { t } = useTranslation();
  return <Tag style={TAG}>{t(`billing.chargeTypes.${type}`)}</Tag>;
}

/** Days past the due date, in red; a dash when the bill is not overdue (or is settled). */
export function OverdueDays({ days }: { days: number }) {
  const { t } = useTranslation();
  if (days <= 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type="danger" strong style={NOWRAP} data-testid="overdue-days">
      {t('billing.days', { count: days })}
    </Typography.Text>
  );
}
