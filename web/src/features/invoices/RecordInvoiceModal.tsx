import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Descriptions, Form, Input, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INVOICE_TYPES, invoiceBody } from '../../../../common/schemas/invoices.ts';
import type { ApiError } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { submitOnEnter } from '../../app/submitOnEnter.ts';
import { zodRule } from '../../app/zodRule.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { BILLING } from '../billing/billingApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { businessDay, textOrNull } from '../contracts/modalParts.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import { CUSTOMERS } from '../customers/customersApi.ts';
import { invoiceNumberInput, isLinesError, selectionTotals } from './invoiceFormat.ts';
import { type InvoiceType, type InvoicingLine, recordInvoice } from './invoicesApi.ts';

interface Values {
  type: InvoiceType;
  number: string;
  issuedOn: Dayjs;
  note?: string;
}

const MONO = { fontFamily: 'monospace' } as const;

/**
 * Records an invoice the tax system issued for the chosen lines (all of one customer): its type, number and
 * date. `onClose(true)` after it is recorded, so the page can let go of the lines.
 */
export function RecordInvoiceModal({
  lines,
  onClose,
}: {
  lines: InvoicingLine[];
  onClose: (recorded: boolean) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = useToday();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [linesError, setLinesError] = useState<ApiError | null>(null);
  const totals = selectionTotals(lines);

  const finish = async (v: Values) => {
    if (!totals.customerId) return;
    setSubmitting(true);
    setLinesError(null);
    try {
      const invoice = await recordInvoice({
        customerId: totals.customerId,
        type: v.type,
        number: v.number.trim(),
        issuedOn: businessDay(v.issuedOn),
        lineIds: lines.map((l) => l.lineId),
        note: textOrNull(v.note),
      });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [BILLING] }),
        queryClient.invalidateQueries({ queryKey: [CUSTOMERS, 'timeline'] }),
      ]);
      void message.success(t('invoices.record.done', { number: invoice.number }));
      onClose(true);
    } catch (e) {
      if (isLinesError(e)) setLinesError(e);
      else showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<Values>
      open
      title={t('invoices.record.title')}
      okText={t('invoices.record.submit')}
      form={form}
      submitting={submitting}
      width={640}
      initialValues={{ type: 'special', issuedOn: today }}
      onCancel={() => onClose(false)}
      onFinish={(v) => void finish(v)}
    >
      {linesError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('invoices.record.linesProblem')}
          description={linesError.message}
          data-testid="invoice-lines-error"
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={3}
        style={{ marginBottom: 16 }}
        data-testid="invoice-totals"
        items={[
          {
            key: 'buyer',
            label: t('invoices.buyer'),
            span: 3,
            children: (
              <span>
                {totals.buyerName}
                {totals.buyerTaxId && (
                  <span style={{ ...MONO, marginInlineStart: 12 }}>{totals.buyerTaxId}</span>
                )}
              </span>
            ),
          },
          {
            key: 'lines',
            label: t('invoices.record.lines'),
            span: 3,
            children: t('invoices.record.lineCount', { count: totals.count }),
          },
          { key: 'net', label: t('invoices.net'), children: yuanText(totals.netFen) },
          { key: 'tax', label: t('invoices.tax'), children: yuanText(totals.taxFen) },
          {
            key: 'total',
            label: t('invoices.total'),
            children: <strong data-testid="invoice-total">{yuanText(totals.totalFen)}</strong>,
          },
        ]}
      />
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item
            name="number"
            label={t('invoices.number')}
            extra={t('invoices.record.numberHint')}
            getValueFromEvent={(e: { target: { value: string } }) => invoiceNumberInput(e.target.value)}
            rules={[
              { required: true, message: t('validation.required') },
              zodRule(invoiceBody.shape.number, t('invoices.record.numberFormat')),
            ]}
          >
            <Input inputMode="numeric" autoComplete="off" maxLength={20} style={MONO} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="issuedOn"
            label={t('invoices.issuedOn')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(today, 'day')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="type" label={t('invoices.type')} rules={[{ required: true }]}>
        <Radio.Group
          options={INVOICE_TYPES.map((type) => ({
            value: type,
            label: <span data-testid={`invoice-type-${type}`}>{t(`invoices.typeNames.${type}`)}</span>,
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t('invoices.record.note')}>
        <Input.TextArea rows={2} maxLength={500} onPressEnter={submitOnEnter(form)} />
      </Form.Item>
    </FormModal>
  );
}
