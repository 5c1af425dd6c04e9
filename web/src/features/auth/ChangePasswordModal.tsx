import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN, password } from '../../../../common/schemas/auth.ts';
import { ApiError } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { changePassword } from './authApi.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('auth.passwordChanged'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'USER_WRONG_PASSWORD' && !e.field) {
        form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
      } else {
        showError(e, message, form);
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<Values>
      open
      title={t('auth.changePassword')}
      form={form}
      submitting={submitting}
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Form.Item
        name="currentPassword"
        label={t('auth.currentPassword')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <NewPasswordFields />
    </FormModal>
  );
}

/** New password plus confirmation; shared with the admin's reset-password form. */
export function NewPasswordFields({ name = 'newPassword' }: { name?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={t('auth.newPassword')}
        extra={t('validation.passwordMin', { min: PASSWORD_MIN })}
        rules={[
          { required: true, message: t('validation.required') },
          zodRule(password, t('validation.passwordMin', { min: PASSWORD_MIN })),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={[name]}
        rules={[
          { required: true, message: t('validation.required') },
          ({ getFieldValue }) => ({
            validator: async (_, value: unknown) => {
              if (value && value !== getFieldValue(name)) throw new Error(t('validation.passwordMismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
