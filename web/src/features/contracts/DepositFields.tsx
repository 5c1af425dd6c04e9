import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TermsValues } from './contractForm.ts';
import { useTermRules } from './useTermRules.ts';

/** A deposit as months of rent or a fixed sum in yuan (sent as fen); `optional` adds "none". */
function Deposit({
  field,
  label,
  optional,
}: {
  field: 'deposit' | 'propertyFeeDeposit';
  label: string;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const mode = Form.useWatch(['terms', field, 'mode']) as TermsValues['deposit']['mode'] | undefined;
  const modes = optional ? (['none', 'months', 'amount'] as const) : (['months', 'amount'] as const);
  return (
    <>
      <Col xs={12} md={6}>
        <Form.Item name={['terms', field, 'mode']} label={label} rules={[rules.required]}>
          <Select options={modes.map((m) => ({ value: m, label: t(`contracts.depositModes.${m}`) }))} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        {mode === 'months' && (
          <Form.Item
            name={['terms', field, 'months']}
            label={t('contracts.terms.depositMonths')}
            rules={[rules.required]}
          >
            <InputNumber
              min={0}
              max={24}
              precision={0}
              style={{ width: '100%' }}
              suffix={t('applications.monthUnit')}
            />
          </Form.Item>
        )}
        {mode === 'amount' && (
          <Form.Item
            name={['terms', field, 'amount']}
            label={t('contracts.terms.depositAmount')}
            rules={[rules.required, rules.yuan]}
          >
            <Input inputMode="decimal" suffix={t('contracts.yuan')} />
          </Form.Item>
        )}
      </Col>
    </>
  );
}

/** Deposits and the late-payment fee. */
export function DepositFields() {
  const { t } = useTranslation();
  const rules = useTermRules();
  const cap = Form.useWatch(['terms', 'lateFee', 'cap']) as TermsValues['lateFee']['cap'] | undefined;
  return (
    <Row gutter={12}>
      <Deposit field="deposit" label={t('contracts.terms.deposit')} />
      <Deposit field="propertyFeeDeposit" label={t('contracts.terms.propertyFeeDeposit')} optional />
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'lateFee', 'dailyRate']}
          label={t('contracts.terms.lateFeeRate')}
          rules={[rules.required, rules.percent]}
          extra={t('applications.form.penaltyHint')}
        >
          <Input inputMode="decimal" suffix={t('applications.percentPerDay')} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'lateFee', 'graceDays']}
          label={t('contracts.terms.graceDays')}
          rules={[rules.required]}
        >
          <InputNumber
            min={0}
            max={60}
            precision={0}
            style={{ width: '100%' }}
            suffix={t('contracts.dayUnit')}
          />
        </Form.Item>
      </Col>
      <Col xs={12} md={6}>
        <Form.Item
          name={['terms', 'lateFee', 'cap']}
          label={t('contracts.terms.lateFeeCap')}
          rules={[rules.required]}
        >
          <Select
            options={(['principal', 'none', 'fraction'] as const).map((c) => ({
              value: c,
              label: t(`contracts.lateFeeCaps.${c}`),
            }))}
          />
        </Form.Item>
      </Col>
      {cap === 'fraction' && (
        <Col xs={12} md={6}>
          <Form.Item
            name={['terms', 'lateFee', 'capPercent']}
            label={t('contracts.terms.capPercent')}
            rules={[rules.required, rules.percent]}
          >
            <Input inputMode="decimal" suffix="%" />
          </Form.Item>
        </Col>
      )}
    </Row>
  );
}
