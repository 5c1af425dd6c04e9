import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, DatePicker, Form, Input, Row, Select, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ESCALATION_KINDS } from '../../../../common/schemas/contracts.ts';
import type { TermsValues } from './contractForm.ts';
import { useTermRules } from './useTermRules.ts';

function Remove({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Form.Item label=" ">
      <Button icon={<DeleteOutlined />} aria-label={t('contracts.form.remove')} onClick={onClick} />
    </Form.Item>
  );
}

function Add({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <Button size="small" icon={<PlusOutlined />} onClick={onClick} style={{ marginBottom: 16 }}>
      {children}
    </Button>
  );
}

const Heading = ({ children }: { children: ReactNode }) => (
  <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
    {children}
  </Typography.Text>
);

/** Rent-free ranges, escalations, the property fee and other monthly charges. */
export function ChargesFields() {
  const { t } = useTranslation();
  const rules = useTermRules();
  const form = Form.useFormInstance<{ terms: TermsValues }>();
  const escalations = Form.useWatch(['terms', 'escalations'], form) ?? [];
  const feeOn = Form.useWatch(['terms', 'propertyFee', 'enabled'], form);
  const rentBasis = Form.useWatch(['terms', 'rent', 'basis'], form);
  const notBeforeFrom = (index: number) => ({
    validator: async (_: unknown, to: TermsValues['startDate'] | undefined) => {
      const from = form.getFieldValue(['terms', 'rentFree', index, 'from']) as TermsValues['startDate'];
      if (from && to?.isBefore(from, 'day')) throw new Error(t('contracts.form.rangeOrder'));
    },
  });

  return (
    <>
      <Heading>{t('contracts.terms.rentFree')}</Heading>
      <Form.List name={['terms', 'rentFree']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={12} key={field.key} data-testid="rent-free-row">
                <Col xs={10} md={6}>
                  <Form.Item
                    name={[field.name, 'from']}
                    label={t('contracts.terms.from')}
                    rules={[rules.required]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={10} md={6}>
                  <Form.Item
                    name={[field.name, 'to']}
                    label={t('contracts.terms.to')}
                    dependencies={[['terms', 'rentFree', field.name, 'from']]}
                    rules={[rules.required, notBeforeFrom(field.name)]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={2}>
                  <Remove onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Add onClick={() => add({})}>{t('contracts.form.addRentFree')}</Add>
          </>
        )}
      </Form.List>
      <Form.Item
        name={['terms', 'rentFreeAppliesToPropertyFee']}
        valuePropName="checked"
        label={t('contracts.terms.rentFreeAppliesToPropertyFee')}
      >
        <Switch />
      </Form.Item>

      <Heading>{t('contracts.terms.escalations')}</Heading>
      <Form.List name={['terms', 'escalations']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => {
              const percent = escalations[i]?.kind !== 'price';
              return (
                <Row gutter={12} key={field.key}>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'from']}
                      label={t('contracts.terms.from')}
                      rules={[rules.required]}
                    >
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item name={[field.name, 'kind']} label={t('contracts.terms.escalationKind')}>
                      <Select
                        options={ESCALATION_KINDS.map((k) => ({
                          value: k,
                          label: t(`contracts.escalationKinds.${k}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={6}>
                    <Form.Item
                      name={[field.name, 'value']}
                      label={t(percent ? 'contracts.terms.increase' : 'contracts.terms.newPrice')}
                      rules={[rules.required, percent ? rules.percent : rules.price]}
                    >
                      <Input
                        inputMode="decimal"
                        suffix={percent ? '%' : rentBasis && t(`applications.priceUnits.${rentBasis}`)}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={2}>
                    <Remove onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              );
            })}
            <Add onClick={() => add({ kind: 'percent', value: '' })}>{t('contracts.form.addEscalation')}</Add>
          </>
        )}
      </Form.List>

      <Heading>{t('contracts.terms.propertyFee')}</Heading>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item
            name={['terms', 'propertyFee', 'enabled']}
            valuePropName="checked"
            label={t('contracts.form.charged')}
          >
            <Switch />
          </Form.Item>
        </Col>
        {feeOn && (
          <>
            <Col xs={12} md={6}>
              <Form.Item
                name={['terms', 'propertyFee', 'pricePerSqmMonth']}
                label={t('contracts.terms.feePrice')}
                rules={[rules.required, rules.price]}
              >
                <Input inputMode="decimal" suffix={t('applications.priceUnits.per_sqm_month')} />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['terms', 'propertyFee', 'vatRate']}
                label={t('contracts.terms.vatRate')}
                rules={[rules.required, rules.percent]}
              >
                <Input inputMode="decimal" suffix="%" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['terms', 'propertyFee', 'taxInclusive']}
                valuePropName="checked"
                label={t('contracts.terms.taxInclusive')}
              >
                <Switch />
              </Form.Item>
            </Col>
          </>
        )}
      </Row>

      <Heading>{t('contracts.terms.otherCharges')}</Heading>
      <Form.List name={['terms', 'otherCharges']}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={12} key={field.key}>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('contracts.terms.chargeName')}
                    rules={[rules.text]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={6}>
                  <Form.Item
                    name={[field.name, 'monthlyAmount']}
                    label={t('contracts.terms.monthlyAmount')}
                    rules={[rules.required, rules.price]}
                  >
                    <Input inputMode="decimal" suffix={t('applications.priceUnits.fixed_month')} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={4}>
                  <Form.Item
                    name={[field.name, 'vatRate']}
                    label={t('contracts.terms.vatRate')}
                    rules={[rules.required, rules.percent]}
                  >
                    <Input inputMode="decimal" suffix="%" />
                  </Form.Item>
                </Col>
                <Col xs={8} md={4}>
                  <Form.Item
                    name={[field.name, 'taxInclusive']}
                    valuePropName="checked"
                    label={t('contracts.terms.taxInclusive')}
                  >
                    <Switch />
                  </Form.Item>
                </Col>
                <Col xs={8} md={2}>
                  <Remove onClick={() => remove(field.name)} />
                </Col>
              </Row>
            ))}
            <Add onClick={() => add({ name: '', monthlyAmount: '', taxInclusive: true, vatRate: '9' })}>
              {t('contracts.form.addCharge')}
            </Add>
          </>
        )}
      </Form.List>
    </>
  );
}
