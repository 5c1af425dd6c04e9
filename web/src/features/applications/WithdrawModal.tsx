import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { withdrawBody } from '../../../../common/schemas/applications.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { CUSTOMERS } from '../customers/customersApi.ts';
import { APPLICATIONS, type ApplicationView, withdrawApplication } from './applicationsApi.ts';

/** The applicant side takes the application back, with a reason; reserved units are released. */
export function WithdrawModal({ view, onClose }: { view: ApplicationView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [submitting, setSubmitting] = useState(false);

  const withdraw = async ({ reason }: { reason: string }) => {
    setSubmitting(true);
    try {
      await withdrawApplication(view.id, reason.trim());
      void message.success(t('applications.withdraw.done', { number: view.number }));
      await queryClient.invalidateQueries({ queryKey: [APPLICATIONS] });
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
      title={t('applications.withdraw.title', { number: view.number })}
      okText={t('applications.withdraw.action')}
      form={form}
      submitting={submitting}
      onCancel={onClose}
      onFinish={(values) => void withdraw(values)}
    >
      <Alert
        type="warning"
        showIcon
        title={t('applications.withdraw.warning')}
        style={{ marginBottom: 16 }}
      />
      <Form.Item
        name="reason"
        label={t('applications.withdraw.reason')}
        rules={[
          { required: true, whitespace: true, message: t('validation.required') },
          zodRule(withdrawBody.shape.reason, t('applications.withdraw.reasonLength')),
        ]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
