import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { PAYMENT_CYCLES, RENT_BASES } from '../../../../common/schemas/applications.ts';
import { priceString } from '../../../../common/schemas/spaces.ts';
import { zodRule } from '../../app/zodRule.ts';
import type { Values } from './applicationForm.ts';
import { percentToFraction } from './applicationsFormat.ts';

/** The proposed commercial terms; rates are typed as percentages and sent as fractions. */
export function TermsFields() {
  const { t } = useTranslation();
  const basis = Form.useWatch(['terms', 'rentBasis'], Form.useFormInstance<Values>());
  const required = { required: true, message: t('validation.required') };
  const percent: Rule = {
    validator: async (_, value: string | undefined) => {
      if (value?.trim() && percentToFraction(value) === null)
        throw new Error(t('applications.form.percentFormat'));
    },
  };
  const months = (max: number) => (
    <InputNumber
      min={0}
      max={max}
      precision={0}
      style={{ width: '100%' }}
      suffix={t('applications.monthUnit')}
    />
  );

  return (
    <Row gutter={12}>
      <Col xs={12} md={6}>
        <Form.Item name={['terms', 'rentBasis']} label={t('applications.terms.rentBasis')} rules={[required]}>
          <Select options={RENT_BASES.map((b) => ({ value: b, label: t(`applications.rentBases.${b}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'price']}
          label={t('applications.terms.price')}
          rules={[required, zodRule(priceString, t('applications.form.priceFormat'))]}
        >
          <Input inputMode="decimal" suffix={basis && t(`applications.priceUnits.${basis}`)} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'paymentCycleMonths']}
          label={t('applications.terms.paymentCycle')}
          rules={[required]}
        >
          <Select
            options={PAYMENT_CYCLES.map((n) => ({ value: n, label: t(`applications.paymentCycles.${n}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'depositMonths']}
          label={t('applications.terms.deposit')}
          rules={[required]}
        >
          {months(12)}
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'rentFreeMonths']}
          label={t('applications.terms.rentFree')}
          rules={[required]}
        >
          {months(24)}
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'yearlyIncrease']}
          label={t('applications.terms.yearlyIncrease')}
          rules={[required, percent]}
        >
          <Input inputMode="decimal" suffix="%" />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'penaltyRatePerDay']}
          label={t('applications.terms.penaltyRate')}
          rules={[required, percent]}
          extra={t('applications.form.penaltyHint')}
        >
          <Input inputMode="decimal" suffix={t('applications.percentPerDay')} />
        </Form.Item>
      </Col>
    </Row>
  );
}
