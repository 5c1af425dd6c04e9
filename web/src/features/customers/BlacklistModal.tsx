import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { blacklistBody } from '../../../../common/schemas/customers.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { blacklistCustomer, CUSTOMERS, type CustomerView, unblacklistCustomer } from './customersApi.ts';

/** Puts a customer on the blacklist or takes it off; either way the reason stays in the timeline. */
export function BlacklistModal({ customer, onClose }: { customer: CustomerView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);
  const undo = customer.status === 'blacklisted';

  const onFinish = async ({ reason }: { reason: string }) => {
    setSubmitting(true);
    try {
      await (undo ? unblacklistCustomer : blacklistCustomer)(customer.id, reason.trim());
      void message.success(t(undo ? 'customers.blacklist.undone' : 'customers.blacklist.done'));
      await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<{ reason: string }>
      open
      title={t(undo ? 'customers.blacklist.undoTitle' : 'customers.blacklist.title', { name: customer.name })}
      form={form}
      submitting={submitting}
      width={520}
      onCancel={onClose}
      onFinish={onFinish}
    >
      {!undo && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('customers.blacklist.warning')}
        />
      )}
      <Form.Item
        name="reason"
        label={t('customers.blacklist.reason')}
        rules={[
          { required: true, message: t('validation.required') },
          zodRule(blacklistBody.shape.reason, t('customers.blacklist.reasonLength')),
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
    </FormModal>
  );
}
