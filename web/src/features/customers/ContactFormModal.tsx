import { useQueryClient } from '@tanstack/react-query';
import { App, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLES } from '../../../../common/schemas/customers.ts';
import { checkEmail } from '../../../../common/validators/email.ts';
import { checkPhone } from '../../../../common/validators/phone.ts';
import { checkRule } from '../../app/checkRule.ts';
import { showError } from '../../app/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import {
  type ContactRole,
  type ContactView,
  CUSTOMERS,
  type CustomerView,
  createContact,
  updateContact,
} from './customersApi.ts';

interface Values {
  name: string;
  title?: string;
  mobile?: string;
  email?: string;
  isPrimary: boolean;
  roles: ContactRole[];
  notes?: string;
}

const text = (value: string | undefined) => value?.trim() || null;

interface Props {
  customer: CustomerView;
  contact: ContactView | null;
  /** The first contact of a customer is its primary one unless the user says otherwise. */
  first: boolean;
  onClose: () => void;
}

export function ContactFormModal({ customer, contact, first, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);

  const onFinish = async (values: Values) => {
    setSubmitting(true);
    const body = {
      name: values.name.trim(),
      title: text(values.title),
      mobile: text(values.mobile),
      email: text(values.email),
      isPrimary: values.isPrimary,
      roles: values.roles,
      notes: text(values.notes),
    };
    try {
      const saved = contact
        ? await updateContact(customer.id, contact.id, body)
        : await createContact(customer.id, body);
      void message.success(
        t(contact ? 'customers.contacts.saved' : 'customers.contacts.created', { name: saved.name }),
      );
      await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  // Either way of reaching the contact will do; the server says the same (CONTACT_NEEDS_WAY).
  const needsWay = ({ getFieldValue }: { getFieldValue: (name: string) => string | undefined }) => ({
    validator: async () => {
      if (!getFieldValue('mobile')?.trim() && !getFieldValue('email')?.trim())
        throw new Error(t('customers.contacts.needsWay'));
    },
  });

  return (
    <FormModal<Values>
      open
      title={
        contact
          ? t('customers.contacts.editTitle', { name: contact.name })
          : t('customers.contacts.createTitle')
      }
      form={form}
      submitting={submitting}
      width={600}
      initialValues={
        contact
          ? {
              ...contact,
              title: contact.title ?? '',
              mobile: contact.mobile ?? '',
              email: contact.email ?? '',
              notes: contact.notes ?? '',
            }
          : { isPrimary: first, roles: [] }
      }
      onCancel={onClose}
      onFinish={onFinish}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="name"
            label={t('customers.contacts.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="title" label={t('customers.contacts.title')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="mobile"
            label={t('customers.contacts.mobile')}
            dependencies={['email']}
            rules={[checkRule('phone', checkPhone), needsWay]}
          >
            <Input inputMode="tel" maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="email"
            label={t('customers.contacts.email')}
            rules={[checkRule('email', checkEmail)]}
          >
            <Input inputMode="email" maxLength={320} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="roles" label={t('customers.contacts.roles')}>
            <Select
              mode="multiple"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={CONTACT_ROLES.map((r) => ({ value: r, label: t(`customers.contactRoles.${r}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="isPrimary"
            valuePropName="checked"
            extra={t(
              contact?.isPrimary ? 'customers.contacts.primaryStays' : 'customers.contacts.primaryHint',
            )}
            style={{ marginBottom: 12 }}
          >
            {/* The primary flag moves to another contact; it is never just taken away. */}
            <Checkbox disabled={contact?.isPrimary}>{t('customers.contacts.isPrimary')}</Checkbox>
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('customers.contacts.notes')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
