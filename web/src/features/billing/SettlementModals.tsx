import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PAYMENT_METHODS } from '../../../../common/schemas/billing.ts';
import { showError } from '../../app/formErrors.ts';
import { FormModal } from '../../components/FormModal.tsx';
import type { ContractView } from '../contracts/contractsApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { businessDay } from '../contracts/modalParts.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import { BILLING, type PaymentMethod } from './billingApi.ts';
import { paymentFen } from './billingFormat.ts';
import {
  draftSettlement,
  type ManualItem,
  manualItemsOf,
  refundSettlement,
  type SettlementView,
} from './settlementApi.ts';

interface ItemValues {
  kind: 'penalty' | 'other';
  name: string;
  amount: string;
  reason: string;
  evidenceFileIds?: string[];
}

/** Adds a penalty or another deduction (cleaning …) to the draft, with its reason; the draft is recomputed. */
export function AddItemModal({
  contract,
  settlement,
  onClose,
}: {
  contract: ContractView;
  settlement: SettlementView;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ItemValues>();
  const [submitting, setSubmitting] = useState(false);

  const finish = async (v: ItemValues) => {
    const item: ManualItem = {
      kind: v.kind,
      name: v.name.trim(),
      amountFen: paymentFen(v.amount)!,
      reason: v.reason.trim(),
      evidenceFileIds: v.evidenceFileIds ?? [],
    };
    setSubmitting(true);
    try {
      await draftSettlement(contract.id, [...manualItemsOf(settlement), item]);
      await queryClient.invalidateQueries({ queryKey: [BILLING] });
      void message.success(t('settlement.itemAdded'));
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<ItemValues>
      open
      title={t('settlement.addItem')}
      okText={t('settlement.addItem')}
      form={form}
      submitting={submitting}
      width={520}
      initialValues={{ kind: 'penalty' }}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Form.Item name="kind" label={t('settlement.itemKind')} rules={[{ required: true }]}>
        <Select
          options={(['penalty', 'other'] as const).map((k) => ({
            value: k,
            label: t(`settlement.kinds.${k}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('settlement.itemName')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={60} placeholder={t('settlement.itemNamePlaceholder')} />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('settlement.amountYuan')}
        rules={[
          { required: true, message: t('validation.required') },
          {
            validator: (_, v: string) =>
              !v || paymentFen(v) !== null
                ? Promise.resolve()
                : Promise.reject(new Error(t('settlement.amountInvalid'))),
          },
        ]}
      >
        <Input inputMode="decimal" prefix="¥" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('settlement.reason')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="evidenceFileIds" label={t('settlement.evidence')}>
        <Select
          mode="multiple"
          allowClear
          placeholder={t('settlement.evidencePlaceholder')}
          options={contract.files.map((f) => ({ value: f.id, label: f.fileName }))}
        />
      </Form.Item>
    </FormModal>
  );
}

interface RefundValues {
  refundedOn: Dayjs;
  method: PaymentMethod;
  reference: string;
}

/** Records the refund of the deposit still held: when, how, the bank's reference. */
export function RefundModal({
  settlement,
  heldFen,
  onClose,
}: {
  settlement: SettlementView;
  heldFen: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = useToday();
  const [form] = Form.useForm<RefundValues>();
  const [submitting, setSubmitting] = useState(false);
  const earliest = dayjs(settlement.asOf);

  const finish = async (v: RefundValues) => {
    setSubmitting(true);
    try {
      await refundSettlement(settlement.id, {
        refundedOn: businessDay(v.refundedOn),
        method: v.method,
        reference: v.reference.trim(),
      });
      await queryClient.invalidateQueries({ queryKey: [BILLING] });
      void message.success(t('settlement.refunded', { amount: yuanText(heldFen) }));
      onClose();
    } catch (e) {
      showError(e, message, form);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <FormModal<RefundValues>
      open
      title={t('settlement.refundTitle', { amount: yuanText(heldFen) })}
      okText={t('settlement.refund')}
      form={form}
      submitting={submitting}
      width={480}
      initialValues={{ refundedOn: today, method: 'bank_transfer' }}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      <Form.Item
        name="refundedOn"
        label={t('settlement.refundedOn')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <DatePicker disabledDate={(d) => d.isAfter(today, 'day') || d.isBefore(earliest, 'day')} />
      </Form.Item>
      <Form.Item name="method" label={t('settlement.method')} rules={[{ required: true }]}>
        <Select options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`billing.methods.${m}`) }))} />
      </Form.Item>
      <Form.Item
        name="reference"
        label={t('settlement.reference')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
    </FormModal>
  );
}
