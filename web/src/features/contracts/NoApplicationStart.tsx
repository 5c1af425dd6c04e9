import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { contractBody, TEMPLATE_KINDS } from '../../../../common/schemas/contracts.ts';
import { zodRule } from '../../app/zodRule.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CUSTOMERS, listCustomers } from '../customers/customersApi.ts';
import { type TemplateKind, useContractRoles } from './contractsApi.ts';

interface Values {
  customerId: string;
  kind: TemplateKind;
  reason: string;
}

const SEARCH_DELAY_MS = 250;

/**
 * A contract without an application (R3.1: an administrator's exception, with the reason on record): pick the
 * customer and the template, then the form opens with the template's clauses and the defaults.
 */
export function NoApplicationStart() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { admin } = useContractRoles();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const customers = useQuery({
    queryKey: [CUSTOMERS, 'list', { q, sort: 'name' }, undefined],
    queryFn: () => listCustomers({ q: q || undefined, sort: 'name' }, undefined),
    placeholderData: keepPreviousData,
    enabled: admin,
  });
  const required = { required: true, message: t('validation.required') };

  if (!admin) {
    return (
      <Alert
        type="info"
        showIcon
        title={t('contracts.form.fromApplicationOnly')}
        action={<Link to="/applications">{t('nav.applications')}</Link>}
      />
    );
  }
  const start = (v: Values) =>
    navigate(
      `/contracts/new?${new URLSearchParams({ customerId: v.customerId, kind: v.kind, reason: v.reason.trim() })}`,
    );
  return (
    <>
      <PageHeader
        title={t('contracts.form.createTitle')}
        subtitle={t('contracts.form.noApplicationSubtitle')}
      />
      <Card style={{ maxWidth: 640 }}>
        <Form<Values> layout="vertical" onFinish={start} initialValues={{ kind: 'office' }}>
          <Form.Item name="customerId" label={t('contracts.customer')} rules={[required]}>
            <Select<string>
              showSearch={{ filterOption: false, onSearch: setTyped }}
              loading={customers.isFetching}
              placeholder={t('applications.form.customerPlaceholder')}
              options={customers.data?.items.map((c) => ({ value: c.id, label: `${c.name} · ${c.uscc}` }))}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('contracts.templates.kind')} rules={[required]}>
            <Select
              options={TEMPLATE_KINDS.map((k) => ({ value: k, label: t(`contracts.templateKinds.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            label={t('contracts.noApplication')}
            rules={[
              { ...required, whitespace: true },
              zodRule(
                contractBody.shape.noApplicationReason.unwrap().unwrap(),
                t('validation.tooLong', { max: 500 }),
              ),
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('contracts.form.continue')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
