import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reversePaymentBody } from '../../../../common/schemas/billing.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { yuanText } from '../contracts/contractsFormat.ts';
import { businessDay } from '../contracts/modalParts.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import { BILLING, type PaymentView, reversePayment, useClosedThrough } from './billingApi.ts';

interface Values {
  reason: string;
  reversedOn: Dayjs;
}

/** Reverses a payment (a bounced transfer, a wrong customer): what it paid is open again, the reason stays. */
export function ReversePaymentModal({ payment, onClose }: { payment: PaymentView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = useToday();
  const closedThrough = useClosedThrough();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const received = dayjs(payment.receivedOn);

  const finish = async (v: Values) => {
    setSubmitting(true);
    try {
      await reversePayment(payment.id, { reason: v.reason.trim(), reversedOn: businessDay(v.reversedOn) });
      await queryClient.invalidateQueries({ queryKey: [BILLING] });
      void message.success(t('billing.reverse.done', { number: payment.number }));
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<Values>
      open
      title={t('billing.reverse.title', { number: payment.number })}
      okText={t('billing.reverse.action')}
      form={form}
      submitting={submitting}
      width={520}
      initialValues={{ reversedOn: today }}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('billing.reverse.warning', { amount: yuanText(payment.allocatedFen) })}
      />
      <Form.Item
        name="reason"
        label={t('billing.reverse.reason')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          zodRule(reversePaymentBody.shape.reason, t('billing.reverse.reasonLength')),
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item
        name="reversedOn"
        label={t('billing.reverse.reversedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker
          disabledDate={(d) =>
            d.isAfter(today, 'day') ||
            d.isBefore(received, 'day') ||
            (!!closedThrough && !d.isAfter(dayjs(closedThrough), 'day'))
          }
        />
      </Form.Item>
    </FormModal>
  );
}
