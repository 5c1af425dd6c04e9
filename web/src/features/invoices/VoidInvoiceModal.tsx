import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { voidInvoiceBody } from '../../../../common/schemas/invoices.ts';
import { showError } from '../../app/formErrors.ts';
import { submitOnEnter } from '../../app/submitOnEnter.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { BILLING } from '../billing/billingApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { CUSTOMERS } from '../customers/customersApi.ts';
import { type InvoiceSummary, voidInvoice } from './invoicesApi.ts';

interface Values {
  reason: string;
}

/** Voids an invoice (作废, or 红冲 after a red-letter invoice): it stays on record and its lines are free again. */
export function VoidInvoiceModal({ invoice, onClose }: { invoice: InvoiceSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  const finish = async (v: Values) => {
    setSubmitting(true);
    try {
      await voidInvoice(invoice.id, { reason: v.reason.trim() });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [BILLING] }),
        queryClient.invalidateQueries({ queryKey: [CUSTOMERS, 'timeline'] }),
      ]);
      void message.success(t('invoices.void.done', { number: invoice.number }));
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
      title={t('invoices.void.title', { number: invoice.number })}
      okText={t('invoices.void.submit')}
      form={form}
      submitting={submitting}
      width={520}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('invoices.void.warning', {
          count: invoice.lineCount,
          amount: yuanText(invoice.totalFen),
          buyer: invoice.buyerName,
        })}
      />
      <Form.Item
        name="reason"
        label={t('invoices.void.reason')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          zodRule(voidInvoiceBody.shape.reason, t('invoices.void.reasonLength')),
        ]}
      >
        <Input.TextArea
          rows={3}
          maxLength={500}
          showCount
          placeholder={t('invoices.void.reasonPlaceholder')}
          onPressEnter={submitOnEnter(form)}
        />
      </Form.Item>
    </FormModal>
  );
}
