import { Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { INTENDED_USES, PAYMENT_CYCLES } from '../../../../common/schemas/applications.ts';
import { AREA_BASES } from '../../../../common/schemas/contracts.ts';
import { ChargesFields } from './ChargesFields.tsx';
import type { TermsValues } from './contractForm.ts';
import { DepositFields } from './DepositFields.tsx';
import { RentFields } from './RentFields.tsx';
import { type KnownUnit, UnitsField } from './UnitsField.tsx';
import { useTermRules } from './useTermRules.ts';

interface Props {
  /** Units whose labels are known already (the contract's), so they show without a look-up. */
  known?: KnownUnit[];
  /** An amendment keeps the start date: the lease began when it began. */
  lockStart?: boolean;
  /** Smaller cards inside a modal. */
  inModal?: boolean;
}

/** The contract's terms, section by section, under `terms` of the enclosing form. */
export function TermsEditor({ known = [], lockStart, inModal }: Props) {
  const { t } = useTranslation();
  const rules = useTermRules();
  const form = Form.useFormInstance<{ terms: TermsValues }>();
  const endAfterStart = {
    validator: async (_: unknown, end: Dayjs | undefined) => {
      const start = form.getFieldValue(['terms', 'startDate']) as Dayjs | undefined;
      if (start && end && !end.isAfter(start, 'day')) throw new Error(t('contracts.form.endAfterStart'));
    },
  };
  const section = (key: string, title: string, body: ReactNode) => (
    <Card key={key} size="small" type={inModal ? 'inner' : undefined} title={title}>
      {body}
    </Card>
  );

  return (
    <Flex vertical gap={16}>
      {section('units', t('contracts.form.unitsSection'), <UnitsField known={known} />)}
      {section(
        'period',
        t('contracts.form.periodSection'),
        <Row gutter={12}>
          <Col xs={12} md={6}>
            <Form.Item
              name={['terms', 'startDate']}
              label={t('contracts.terms.startDate')}
              rules={[rules.required]}
            >
              <DatePicker style={{ width: '100%' }} disabled={lockStart} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={['terms', 'endDate']}
              label={t('contracts.terms.endDate')}
              dependencies={[['terms', 'startDate']]}
              rules={[rules.required, endAfterStart]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name={['terms', 'use']} label={t('contracts.terms.use')} rules={[rules.required]}>
              <Select
                options={INTENDED_USES.map((u) => ({ value: u, label: t(`applications.uses.${u}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              name={['terms', 'areaBasis']}
              label={t('contracts.terms.areaBasis')}
              rules={[rules.required]}
              tooltip={t('contracts.form.areaBasisHint')}
            >
              <Select options={AREA_BASES.map((b) => ({ value: b, label: t(`contracts.areaBases.${b}`) }))} />
            </Form.Item>
          </Col>
        </Row>,
      )}
      {section(
        'rent',
        t('contracts.form.rentSection'),
        <>
          <RentFields name={['terms', 'rent']} path={['terms', 'rent']} />
          <Row gutter={12}>
            <Col xs={12} md={6}>
              <Form.Item
                name={['terms', 'billingCycleMonths']}
                label={t('contracts.terms.billingCycle')}
                rules={[rules.required]}
              >
                <Select
                  options={PAYMENT_CYCLES.map((n) => ({
                    value: n,
                    label: t(`applications.paymentCycles.${n}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name={['terms', 'dueDaysBeforePeriod']}
                label={t('contracts.terms.dueDays')}
                rules={[rules.required]}
                tooltip={t('contracts.form.dueDaysHint')}
              >
                <InputNumber
                  min={0}
                  max={90}
                  precision={0}
                  style={{ width: '100%' }}
                  suffix={t('contracts.dayUnit')}
                />
              </Form.Item>
            </Col>
          </Row>
        </>,
      )}
      {section('charges', t('contracts.form.chargesSection'), <ChargesFields />)}
      {section('deposit', t('contracts.form.depositSection'), <DepositFields />)}
      {section(
        'clauses',
        t('contracts.terms.clauses'),
        <Form.Item
          name={['terms', 'clauses']}
          style={{ marginBottom: 0 }}
          extra={t('contracts.form.clausesHint')}
        >
          <Input.TextArea
            autoSize={{ minRows: inModal ? 8 : 14, maxRows: 40 }}
            maxLength={40_000}
            showCount
          />
        </Form.Item>,
      )}
    </Flex>
  );
}
