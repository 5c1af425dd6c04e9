import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../common/roles.ts';
import { PASSWORD_MIN } from '../../../../common/schemas/auth.ts';
import { createUserBody, type UserView } from '../../../../common/schemas/users.ts';
import { checkEmail } from '../../../../common/validators/email.ts';
import { checkPhone } from '../../../../common/validators/phone.ts';
import { checkRule } from '../../app/checkRule.ts';
import { showError } from '../../app/formErrors.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { createUser, updateUser } from './usersApi.ts';

interface Values {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  roles: Role[];
  password: string;
}

interface Props {
  open: boolean;
  /** The user being edited; absent when creating one. */
  user: UserView | null;
  onClose: () => void;
  onSaved: (user: UserView) => void;
}

/** Blank means none; otherwise the validator's normal form (domain lower-cased, 13800138000, 0755-1234567). */
function normalized(value: string | undefined, check: (input: string) => { ok: boolean; value?: string }) {
  if (!value?.trim()) return null;
  const result = check(value);
  return result.ok && result.value ? result.value : value.trim();
}

export function UserFormModal({ open, user, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const shape = createUserBody.shape;

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    const common = {
      displayName: values.displayName.trim(),
      email: normalized(values.email, checkEmail),
      phone: normalized(values.phone, checkPhone),
      roles: values.roles,
    };
    try {
      const saved = user
        ? await updateUser(user.id, common)
        : await createUser({ ...common, username: values.username.trim(), password: values.password });
      void message.success(t(user ? 'users.saved' : 'users.created', { name: saved.displayName }));
      onSaved(saved);
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const required = { required: true, message: t('validation.required') };
  // The portal role belongs to customers' own staff and cannot be mixed with ours (same rule as the server).
  const rolesRule = {
    validator: async (_: unknown, roles: Role[] | undefined) => {
      if (roles?.includes('customer') && roles.length > 1) throw new Error(t('users.customerRoleExclusive'));
    },
  };

  return (
    <FormModal<Values>
      open={open}
      title={t(user ? 'users.editTitle' : 'users.createTitle')}
      form={form}
      submitting={submitting}
      width={520}
      initialValues={
        user
          ? {
              username: user.username,
              displayName: user.displayName,
              email: user.email ?? '',
              phone: user.phone ?? '',
              roles: user.roles,
            }
          : { roles: [] }
      }
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Form.Item
        name="username"
        label={t('users.username')}
        extra={user ? undefined : t('users.usernameHint')}
        rules={user ? [] : [required, zodRule(shape.username, t('users.usernameInvalid'))]}
      >
        <Input disabled={!!user} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[required, zodRule(shape.displayName, t('validation.tooLong', { max: 100 }))]}
      >
        <Input />
      </Form.Item>
      <Form.Item name="email" label={t('users.email')} rules={[checkRule('email', checkEmail)]}>
        <Input inputMode="email" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="phone"
        label={t('users.phone')}
        extra={t('users.phoneHint')}
        rules={[checkRule('phone', checkPhone)]}
      >
        <Input inputMode="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item name="roles" label={t('users.roles')} rules={[required, rolesRule]}>
        <Select
          mode="multiple"
          options={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      {!user && (
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('validation.passwordMin', { min: PASSWORD_MIN })}
          rules={[required, zodRule(shape.password, t('validation.passwordMin', { min: PASSWORD_MIN }))]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormModal>
  );
}
