import { MailOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/format.ts';
import { showError } from '../../app/formErrors.ts';
import { useUser } from '../../app/session.tsx';
import { BILLING, type BillSummary, sendBill, useCanHandleMoney } from './billingApi.ts';

/** When and to whom the bill was e-mailed, on the organization's clock to the minute. */
function useSentText() {
  const { org } = useUser();
  return (b: Pick<BillSummary, 'sentAt' | 'sentTo'>) =>
    [b.sentTo, b.sentAt && formatInstant(b.sentAt, org.timeZone).slice(0, 16)].filter(Boolean).join(' · ');
}

/** "Sent ap@x.cn · 2026-11-27 10:00", or "Not sent". */
export function BillSentState({ bill }: { bill: BillSummary }) {
  const { t } = useTranslation();
  const sentText = useSentText();
  return (
    <span data-testid="bill-sent">
      <MailOutlined style={{ marginInlineEnd: 4 }} />
      {bill.sentAt ? (
        <>
          {t('billing.delivery.sent')} {sentText(bill)}
        </>
      ) : (
        <Typography.Text type="secondary">{t('billing.delivery.notSent')}</Typography.Text>
      )}
    </span>
  );
}

/** The small mark in bill lists: an envelope on the bills that were e-mailed, the address in its tooltip. */
export function BillSentMark({ bill }: { bill: BillSummary }) {
  const { t } = useTranslation();
  const sentText = useSentText();
  if (!bill.sentAt) return null;
  return (
    <Tooltip title={`${t('billing.delivery.sent')} ${sentText(bill)}`}>
      <MailOutlined aria-label={t('billing.delivery.sent')} style={{ color: '#8c8c8c' }} />
    </Tooltip>
  );
}

/** E-mails the bill with its PDF to the customer's finance contact, after a confirmation; finance and administrators. */
export function SendBillButton({ bill }: { bill: BillSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canSend = useCanHandleMoney();
  const [sending, setSending] = useState(false);
  if (!canSend) return null;

  const again = !!bill.sentAt;
  const send = async () => {
    setSending(true);
    try {
      const view = await sendBill(bill.id);
      queryClient.setQueryData([BILLING, 'bill', bill.id], view);
      await queryClient.invalidateQueries({ queryKey: [BILLING] });
      void message.success(t('billing.delivery.done', { to: view.sentTo ?? '' }));
    } catch (e) {
      showError(e, message);
    } finally {
      setSending(false);
    }
  };
  return (
    <Popconfirm
      title={t(again ? 'billing.delivery.confirmAgainTitle' : 'billing.delivery.confirmTitle')}
      description={<div style={{ maxWidth: 320 }}>{t('billing.delivery.confirmText')}</div>}
      okText={t(again ? 'billing.delivery.sendAgain' : 'billing.delivery.send')}
      cancelText={t('common.cancel')}
      onConfirm={send}
    >
      <Button icon={<MailOutlined />} loading={sending} data-testid="send-bill">
        {t(again ? 'billing.delivery.sendAgain' : 'billing.delivery.send')}
      </Button>
    </Popconfirm>
  );
}
