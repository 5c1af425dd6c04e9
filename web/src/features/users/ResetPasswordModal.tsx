import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../common/schemas/users.ts';
import { showError } from '../../app/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { NewPasswordFields } from '../auth/ChangePasswordModal.tsx';
import { resetUserPassword } from './usersApi.ts';

interface Values {
  newPassword: string;
  confirm: string;
}

export function ResetPasswordModal({ user, onClose }: { user: UserView; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    try {
      await resetUserPassword(user.id, values.newPassword);
      void message.success(t('users.passwordReset', { name: user.displayName }));
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
      title={t('users.resetPasswordTitle', { name: user.displayName })}
      form={form}
      submitting={submitting}
      onCancel={onClose}
      onFinish={onFinish}
    >
      <NewPasswordFields />
    </FormModal>
  );
}
