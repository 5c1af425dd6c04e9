import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Form, Input, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS } from '../../../../common/schemas/billing.ts';
import { ApiError } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { yuanInput } from '../contracts/contractForm.ts';
import { businessDay, textOrNull } from '../contracts/modalParts.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import { CUSTOMERS } from '../customers/customersApi.ts';
import { AllocationPreview, useDebounced } from './AllocationPreview.tsx';
import {
  BILLING,
  type PaymentMethod,
  type PaymentView,
  recordPayment,
  useCanHandleMoney,
  useClosedThrough,
} from './billingApi.ts';
import { newIdempotencyKey, paymentFen } from './billingFormat.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { PaymentDone } from './PaymentDone.tsx';

/** What the page opening the form already knows: the bill's customer and what it still owes. */
export interface PaymentPrefill {
  customerId?: string;
  amountFen?: number;
}

interface Values {
  customerId: string;
  /** Yuan as typed; sent as `amountFen`. */
  amount: string;
  receivedOn: Dayjs;
  method: PaymentMethod;
  reference?: string;
  payerName?: string;
}

/** The server names the API's fields; the form types the amount in yuan under another name. */
function onFormField(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.field !== 'amountFen') return error;
  return new ApiError({ status: error.status, code: error.code, message: error.message, field: 'amount' });
}

/** Records money received and shows where it goes before it is saved (R5.1.2). */
export function RecordPaymentModal({
  prefill = {},
  onClose,
}: {
  prefill?: PaymentPrefill;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = useToday();
  const closedThrough = useClosedThrough();
  const [form] = Form.useForm<Values>();
  // One key per opened form: a double click or a retry after a lost answer records one payment.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [submitting, setSubmitting] = useState(false);
  const [manual, setManual] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [done, setDone] = useState<PaymentView | null>(null);
  const customerId = Form.useWatch('customerId', form) ?? prefill.customerId;
  const amountFen = useDebounced(paymentFen(Form.useWatch('amount', form)), 400);

  if (done) return <PaymentDone payment={done} onClose={onClose} />;

  const finish = async (v: Values) => {
    if (manual && chosen.length === 0) {
      void message.error(t('billing.pay.chooseLines'));
      return;
    }
    setSubmitting(true);
    try {
      const payment = await recordPayment({
        customerId: v.customerId,
        amountFen: paymentFen(v.amount)!,
        receivedOn: businessDay(v.receivedOn),
        method: v.method,
        reference: textOrNull(v.reference),
        payerName: textOrNull(v.payerName),
        idempotencyKey,
        allocation: manual
          ? { mode: 'lines', lines: chosen.map((lineId) => ({ lineId })) }
          : { mode: 'auto' },
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [BILLING] }),
        queryClient.invalidateQueries({ queryKey: [CUSTOMERS, 'timeline'] }),
      ]);
      void message.success(t('billing.pay.done', { number: payment.number }));
      setDone(payment);
    } catch (e) {
      showError(onFormField(e), message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <FormModal<Values>
      open
      title={t('billing.pay.title')}
      okText={t('billing.pay.submit')}
      form={form}
      submitting={submitting}
      width={860}
      initialValues={{
        customerId: prefill.customerId,
        amount: prefill.amountFen ? yuanInput(prefill.amountFen) : undefined,
        receivedOn: today,
        method: 'bank_transfer',
      }}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="customerId" label={t('billing.customer')} rules={[required]}>
            <CustomerPicker onChange={() => setChosen([])} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="amount"
            label={t('billing.pay.amount')}
            rules={[
              required,
              {
                validator: async (_, value: string | undefined) => {
                  if (value?.trim() && paymentFen(value) === null)
                    throw new Error(t('billing.pay.amountFormat'));
                },
              },
            ]}
          >
            <Input inputMode="decimal" suffix={t('contracts.yuan')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="receivedOn" label={t('billing.pay.receivedOn')} rules={[required]}>
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) =>
                d.isAfter(today, 'day') || (!!closedThrough && !d.isAfter(dayjs(closedThrough), 'day'))
              }
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="method" label={t('billing.pay.method')} rules={[required]}>
            <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`billing.methods.${m}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="reference" label={t('billing.pay.reference')}>
            <Input maxLength={100} placeholder={t('billing.pay.referencePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="payerName" label={t('billing.pay.payerName')}>
            <Input maxLength={200} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong style={{ display: 'block', margin: '4px 0 8px' }}>
        {t('billing.pay.preview')}
        <span style={{ float: 'right', fontWeight: 'normal' }}>
          <Switch
            id="manual-lines"
            size="small"
            checked={manual}
            onChange={(on) => {
              setManual(on);
              setChosen([]);
            }}
          />{' '}
          <label htmlFor="manual-lines">{t('billing.pay.manual')}</label>
        </span>
      </Typography.Text>
      {manual && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={t('billing.pay.manualHint')} />
      )}
      <AllocationPreview
        customerId={customerId}
        amountFen={amountFen}
        manual={manual}
        chosen={chosen}
        onChoose={setChosen}
      />
    </FormModal>
  );
}

/** The button that opens the form, for finance and administrators only; the server checks again. */
export function RecordPaymentButton({ prefill, primary }: { prefill?: PaymentPrefill; primary?: boolean }) {
  const { t } = useTranslation();
  const canPay = useCanHandleMoney();
  const [open, setOpen] = useState(false);
  if (!canPay) return null;
  return (
    <>
      <Button type={primary ? 'primary' : 'default'} icon={<PlusOutlined />} onClick={() => setOpen(true)}>
        {t('billing.pay.action')}
      </Button>
      {open && <RecordPaymentModal prefill={prefill} onClose={() => setOpen(false)} />}
    </>
  );
}
