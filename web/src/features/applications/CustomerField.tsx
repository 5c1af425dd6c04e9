import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Col, Form, Input, Radio, Row, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { customerBody, INDUSTRIES } from '../../../../common/schemas/customers.ts';
import { checkUscc } from '../../../../common/validators/uscc.ts';
import { checkRule } from '../../app/checkRule.ts';
import { zodRule } from '../../app/zodRule.ts';
import { CapitalItem } from '../customers/CapitalItem.tsx';
import { CustomerStatusTag } from '../customers/CustomerTags.tsx';
import { CUSTOMERS, type CustomerSummary, getCustomer, listCustomers } from '../customers/customersApi.ts';
import type { Values } from './applicationForm.ts';

const SEARCH_DELAY_MS = 250;

/** The customers matching what is typed, asked for once typing pauses (also the payment form's picker). */
export function useCustomerSearch() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const query = useQuery({
    queryKey: [CUSTOMERS, 'list', { q, sort: 'name' }, undefined],
    queryFn: () => listCustomers({ q: q || undefined, sort: 'name' }, undefined),
    placeholderData: keepPreviousData,
  });
  return { setTyped, query };
}

export function CustomerOption({ c }: { c: Pick<CustomerSummary, 'name' | 'uscc' | 'status'> }) {
  return (
    <span style={{ display: 'flex', gap: 8, alignItems: 'center', minWidth: 0 }}>
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{c.name}</span>
      <Typography.Text type="secondary" style={{ fontFamily: 'monospace', fontSize: 12 }}>
        {c.uscc}
      </Typography.Text>
      <CustomerStatusTag status={c.status} />
    </span>
  );
}

/** An existing customer found by name or code, or a new one entered here and created as a prospect. */
export function CustomerField({ fixedCustomerId }: { fixedCustomerId?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const mode = Form.useWatch('customerMode', form);
  const chosenId = Form.useWatch('customerId', form) ?? fixedCustomerId;
  const search = useCustomerSearch();
  const chosen = useQuery({
    queryKey: [CUSTOMERS, 'one', chosenId],
    queryFn: () => getCustomer(chosenId!),
    enabled: !!chosenId,
  });
  const required = { required: true, message: t('validation.required') };

  if (fixedCustomerId) {
    return (
      <Form.Item label={t('applications.customer')}>
        {chosen.data ? <CustomerOption c={chosen.data} /> : '…'}
      </Form.Item>
    );
  }

  const found = search.query.data?.items ?? [];
  // The chosen customer stays an option while another search is on screen, so its label does not vanish.
  const options = [
    ...(chosen.data && !found.some((c) => c.id === chosen.data.id) ? [chosen.data] : []),
    ...found,
  ];

  return (
    <>
      <Form.Item name="customerMode" style={{ marginBottom: 12 }}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'existing', label: t('applications.form.existingCustomer') },
            { value: 'new', label: t('applications.form.newCustomer') },
          ]}
        />
      </Form.Item>
      {mode !== 'new' ? (
        <Form.Item
          name="customerId"
          label={t('applications.customer')}
          rules={[required]}
          extra={
            chosen.data && (
              <Link to={`/customers/${chosen.data.id}?tab=documents`} target="_blank">
                {t('applications.form.checkDocuments')}
              </Link>
            )
          }
        >
          <Select<string>
            showSearch={{ filterOption: false, onSearch: search.setTyped }}
            placeholder={t('applications.form.customerPlaceholder')}
            loading={search.query.isFetching}
            notFoundContent={t('applications.form.noCustomer')}
            options={options.map((c) => ({ value: c.id, label: <CustomerOption c={c} /> }))}
          />
        </Form.Item>
      ) : (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name={['newCustomer', 'name']}
              label={t('customers.name')}
              rules={[required, zodRule(customerBody.shape.name, t('customers.form.nameLength'))]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name={['newCustomer', 'uscc']}
              label={t('customers.uscc')}
              normalize={(value: string) => value.toUpperCase()}
              rules={[required, checkRule('uscc', checkUscc)]}
              extra={t('customers.form.usccHint')}
            >
              <Input maxLength={18} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name={['newCustomer', 'legalRepresentative']}
              label={t('customers.legalRepresentative')}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <CapitalItem name={['newCustomer', 'registeredCapital']} />
          </Col>
          <Col span={8}>
            <Form.Item name={['newCustomer', 'industry']} label={t('customers.industry')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={INDUSTRIES.map((i) => ({ value: i, label: t(`customers.industries.${i}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Typography.Text type="secondary">{t('applications.form.newCustomerHint')}</Typography.Text>
          </Col>
        </Row>
      )}
    </>
  );
}
