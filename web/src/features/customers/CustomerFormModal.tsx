import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatWanYuan, parseWanYuan } from '../../../../common/money/wan.ts';
import {
  BUSINESS_SCALES,
  CUSTOMER_KINDS,
  customerBody,
  INDUSTRIES,
} from '../../../../common/schemas/customers.ts';
import { checkUscc } from '../../../../common/validators/uscc.ts';
import { ApiError } from '../../app/api.ts';
import { checkRule } from '../../app/checkRule.ts';
import { showError } from '../../app/formErrors.ts';
import { hasAnyRole, useUser } from '../../app/session.tsx';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { CapitalItem } from './CapitalItem.tsx';
import {
  CUSTOMERS,
  type CustomerBody,
  type CustomerView,
  createCustomer,
  type SimilarCustomer,
  updateCustomer,
  useAccountManagers,
} from './customersApi.ts';

interface Values {
  name: string;
  kind: CustomerBody['kind'];
  uscc: string;
  legalRepresentative?: string;
  registeredCapital?: string;
  establishedOn?: Dayjs | null;
  industry?: CustomerBody['industry'];
  scale?: CustomerBody['scale'];
  accountManagerId?: string | null;
  registeredAddress?: string;
  tags?: string[];
  notes?: string;
}

type Duplicate = { uscc: string; id: string; name: string };

const text = (value: string | undefined) => value?.trim() || null;

function toBody(values: Values): CustomerBody {
  const capital = values.registeredCapital?.trim();
  return {
    name: values.name.trim(),
    kind: values.kind,
    uscc: values.uscc.trim(),
    legalRepresentative: text(values.legalRepresentative),
    registeredCapital: capital ? parseWanYuan(capital) : null,
    establishedOn: values.establishedOn ? values.establishedOn.format('YYYY-MM-DD') : null,
    industry: values.industry ?? null,
    scale: values.scale ?? null,
    accountManagerId: values.accountManagerId ?? null,
    registeredAddress: text(values.registeredAddress),
    tags: values.tags ?? [],
    notes: text(values.notes),
  };
}

function initialValues(customer: CustomerView | null, defaultManager: string | undefined): Partial<Values> {
  if (!customer) return { kind: 'company', tags: [], accountManagerId: defaultManager };
  return {
    ...customer,
    legalRepresentative: customer.legalRepresentative ?? '',
    registeredCapital: customer.registeredCapital === null ? '' : formatWanYuan(customer.registeredCapital),
    establishedOn: customer.establishedOn ? dayjs(customer.establishedOn) : null,
    registeredAddress: customer.registeredAddress ?? '',
    notes: customer.notes ?? '',
  };
}

interface Props {
  customer: CustomerView | null;
  onClose: () => void;
  onSaved?: (saved: CustomerView) => void;
}

/**
 * Creates a customer, or edits one. A USCC another customer holds points to that customer; a name close to
 * others' is a warning the user may override after looking at them.
 */
export function CustomerFormModal({ customer, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useUser();
  const managers = useAccountManagers();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [similar, setSimilar] = useState<{ name: string; customers: SimilarCustomer[] } | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const last = useRef<Values | null>(null);
  const name = Form.useWatch('name', form);
  const uscc = Form.useWatch('uscc', form);
  const required = { required: true, message: t('validation.required') };

  const save = async (values: Values, allowSimilarName: boolean) => {
    last.current = values;
    setSubmitting(true);
    const body = { ...toBody(values), ...(allowSimilarName ? { allowSimilarName } : {}) };
    try {
      const { kind: _kind, ...changes } = body;
      const saved = customer ? await updateCustomer(customer.id, changes) : await createCustomer(body);
      void message.success(t(customer ? 'customers.saved' : 'customers.created', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: [CUSTOMERS] });
      onClose();
      onSaved?.(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CUSTOMER_NAME_SIMILAR') {
        const found = (e.details?.similar ?? []) as SimilarCustomer[];
        setSimilar({ name: body.name, customers: found });
        return;
      }
      if (e instanceof ApiError && e.code === 'CUSTOMER_USCC_TAKEN' && e.details?.existingId) {
        const existing = { id: String(e.details.existingId), name: String(e.details.existingName ?? '') };
        setDuplicate({ uscc: body.uscc.toUpperCase(), ...existing });
      }
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const showSimilar = similar && similar.name === name?.trim();
  const showDuplicate = duplicate && duplicate.uscc === uscc?.trim().toUpperCase();

  return (
    <FormModal<Values>
      open
      title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.createTitle')}
      form={form}
      submitting={submitting}
      width={760}
      initialValues={initialValues(customer, hasAnyRole(user, ['business']) ? user.id : undefined)}
      onCancel={onClose}
      onFinish={(values) => void save(values, false)}
    >
      {showSimilar && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('customers.similar.title')}
          description={
            <>
              <div>{t('customers.similar.hint')}</div>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {similar.customers.map((c) => (
                  <li key={c.id}>
                    <Link to={`/customers/${c.id}`} onClick={onClose}>
                      {c.name}
                    </Link>{' '}
                    <span style={{ fontFamily: 'monospace', color: 'rgba(0,0,0,0.45)' }}>{c.uscc}</span>
                  </li>
                ))}
              </ul>
            </>
          }
          action={
            <Button
              size="small"
              danger
              loading={submitting}
              onClick={() => last.current && void save(last.current, true)}
            >
              {t('customers.similar.saveAnyway')}
            </Button>
          }
        />
      )}
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item
            name="name"
            label={t('customers.name')}
            rules={[required, zodRule(customerBody.shape.name, t('customers.form.nameLength'))]}
          >
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="kind" label={t('customers.kind')} rules={[required]}>
            <Select
              disabled={!!customer}
              options={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`customers.kinds.${k}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="uscc"
            label={t('customers.uscc')}
            normalize={(value: string) => value.toUpperCase()}
            rules={[required, checkRule('uscc', checkUscc)]}
            extra={
              showDuplicate ? (
                <Link to={`/customers/${duplicate.id}`} onClick={onClose} data-testid="uscc-existing">
                  {t('customers.form.openExisting', { name: duplicate.name })}
                </Link>
              ) : (
                t('customers.form.usccHint')
              )
            }
          >
            <Input maxLength={18} showCount style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="legalRepresentative" label={t('customers.legalRepresentative')}>
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <CapitalItem name="registeredCapital" />
        </Col>
        <Col span={8}>
          <Form.Item name="establishedOn" label={t('customers.establishedOn')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="scale" label={t('customers.scale')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={BUSINESS_SCALES.map((s) => ({ value: s, label: t(`customers.scales.${s}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="industry" label={t('customers.industry')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={INDUSTRIES.map((i) => ({ value: i, label: t(`customers.industries.${i}`) }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="accountManagerId" label={t('customers.accountManager')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              loading={managers.isPending}
              options={managers.data?.map((m) => ({ value: m.id, label: m.displayName }))}
            />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="tags" label={t('customers.tags')} extra={t('customers.form.tagsHint')}>
            <Select mode="tags" tokenSeparators={[',', '，']} open={false} maxCount={20} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="registeredAddress" label={t('customers.registeredAddress')}>
            <Input maxLength={300} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={t('customers.notes')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
