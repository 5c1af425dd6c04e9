import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, DatePicker, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BINDING_STATUSES } from '../../../../common/contracts/machine.ts';
import { taxFromInclusive } from '../../../../common/money.ts';
import { showError } from '../../app/formErrors.ts';
import { submitOnEnter } from '../../app/submitOnEnter.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { BILLING } from '../billing/billingApi.ts';
import { ratePercent } from '../billing/billingFormat.ts';
import { CustomerPicker } from '../billing/CustomerPicker.tsx';
import { ContractStatusTag } from '../contracts/ContractTags.tsx';
import { CONTRACTS, type ContractView, getContract, listContracts } from '../contracts/contractsApi.ts';
import { yuanText } from '../contracts/contractsFormat.ts';
import { businessDay } from '../contracts/modalParts.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import { chargeFen, ONE_OFF_VAT_RATES, onChargeFormField } from './chargeFormat.ts';
import { raiseChargeRequest, useChargeRoles } from './chargesApi.ts';

/** The contract the page opening the form already shows (the contract page). */
export type ChargeContract = Pick<ContractView, 'id' | 'number' | 'customer' | 'units'>;

interface Values {
  customerId?: string;
  contractId: string;
  unitId?: string;
  name: string;
  period: [Dayjs, Dayjs];
  dueDate: Dayjs;
  /** Tax-inclusive yuan as typed; sent as `totalFen`. */
  amount: string;
  vatRate: string;
  reason: string;
}

/** What each usual rate is for, as finance knows it. */
const RATE_HINTS: Record<string, string> = {
  '0.06': 'services',
  '0.09': 'leasing',
  '0.13': 'goods',
  '0': 'exempt',
};

/** The customer's contracts that bind (signed, active, expired, terminated): only those can be charged. */
function useBindingContracts(customerId: string | undefined) {
  return useQuery({
    queryKey: [CONTRACTS, 'list', { customerId }, 'binding'],
    queryFn: async () =>
      (await listContracts({ customerId }, undefined)).items.filter((c) =>
        BINDING_STATUSES.includes(c.status),
      ),
    enabled: !!customerId,
  });
}

/**
 * A one-off charge raised by hand (R5.2.2): a repair, overtime air conditioning … on a contract and
 * optionally one of its units, tax included, for finance to approve. From the contract page it comes with
 * the contract; from the list the customer is chosen first.
 */
export function OneOffChargeModal({ contract, onClose }: { contract?: ChargeContract; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const today = useToday();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const customerId = Form.useWatch('customerId', form) ?? contract?.customer.id;
  const contractId = Form.useWatch('contractId', form) ?? contract?.id;
  const contracts = useBindingContracts(contract ? undefined : customerId);
  // The chosen contract's units; the prefilled contract brings its own.
  const detail = useQuery({
    queryKey: [CONTRACTS, 'one', contractId],
    queryFn: () => getContract(contractId!),
    enabled: !contract && !!contractId,
  });
  const units = (contract ?? detail.data)?.units ?? [];
  const amountFen = chargeFen(Form.useWatch('amount', form));
  const vatRate = Form.useWatch('vatRate', form);

  // A contract of one unit: the charge is for that unit unless the user clears it.
  useEffect(() => {
    if (!contract && detail.data?.id === contractId && detail.data.units.length === 1)
      form.setFieldValue('unitId', detail.data.units[0]!.unitId);
  }, [contract, contractId, detail.data, form]);

  const finish = async (v: Values) => {
    setSubmitting(true);
    try {
      const raised = await raiseChargeRequest({
        kind: 'one_off',
        contractId: v.contractId,
        unitId: v.unitId ?? null,
        name: v.name.trim(),
        periodStart: businessDay(v.period[0]),
        periodEnd: businessDay(v.period[1]),
        dueDate: businessDay(v.dueDate),
        totalFen: chargeFen(v.amount)!,
        vatRate: v.vatRate,
        reason: v.reason.trim(),
      });
      await queryClient.invalidateQueries({ queryKey: [BILLING] });
      void message.success(t('charges.oneOff.done', { number: raised.number }));
      onClose();
    } catch (e) {
      showError(onChargeFormField(e), message, form);
    } finally {
      setSubmitting(false);
    }
  };

  const required = { required: true, message: t('validation.required') };
  const filled = { ...required, whitespace: true };
  const split = amountFen && vatRate !== undefined ? taxFromInclusive(amountFen, vatRate) : null;
  const colon = t('customers.colon');
  return (
    <FormModal<Values>
      open
      title={t('charges.oneOff.title')}
      okText={t('charges.oneOff.submit')}
      form={form}
      submitting={submitting}
      width={640}
      initialValues={{
        contractId: contract?.id,
        unitId: contract?.units.length === 1 ? contract.units[0]!.unitId : undefined,
        period: [today, today],
        dueDate: today.add(7, 'day'),
        vatRate: '0.06',
      }}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
    >
      {contract ? (
        <Typography.Paragraph style={{ marginBottom: 12 }} data-testid="charge-contract">
          <Typography.Text type="secondary">
            {t('billing.customer')}
            {colon}
          </Typography.Text>
          {contract.customer.name}
          <Typography.Text type="secondary" style={{ marginInlineStart: 16 }}>
            {t('billing.contract')}
            {colon}
          </Typography.Text>
          <span style={{ fontFamily: 'monospace' }}>{contract.number}</span>
          <Form.Item name="contractId" hidden>
            <Input />
          </Form.Item>
        </Typography.Paragraph>
      ) : (
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="customerId" label={t('billing.customer')} rules={[required]}>
              <CustomerPicker
                onChange={() => form.setFieldsValue({ contractId: undefined, unitId: undefined })}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="contractId" label={t('billing.contract')} rules={[required]}>
              <Select<string>
                disabled={!customerId}
                loading={contracts.isFetching}
                placeholder={t('charges.oneOff.contractPlaceholder')}
                notFoundContent={t('charges.oneOff.noContract')}
                onChange={() => form.setFieldValue('unitId', undefined)}
                options={(contracts.data ?? []).map((c) => ({
                  value: c.id,
                  label: (
                    <span>
                      <span style={{ fontFamily: 'monospace' }}>{c.number}</span> {c.unitCodes.join(', ')}{' '}
                      <ContractStatusTag status={c.status} />
                    </span>
                  ),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="name"
            label={t('charges.oneOff.name')}
            rules={[filled, { max: 60, message: t('validation.tooLong', { max: 60 }) }]}
          >
            <Input maxLength={60} placeholder={t('charges.oneOff.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="unitId" label={t('charges.oneOff.unit')}>
            <Select<string>
              allowClear
              disabled={!contractId}
              placeholder={t('charges.oneOff.unitPlaceholder')}
              options={units.map((u) => ({ value: u.unitId, label: u.code }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="period" label={t('charges.oneOff.period')} rules={[required]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="dueDate" label={t('billing.dueDate')} rules={[required]}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(today, 'day')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="amount"
            label={t('charges.oneOff.amount')}
            extra={
              split && (
                <span data-testid="charge-split">
                  {t('charges.split', {
                    net: yuanText(split.net),
                    tax: yuanText(split.tax),
                    rate: ratePercent(vatRate!),
                  })}
                </span>
              )
            }
            rules={[
              required,
              {
                validator: async (_, value: string | undefined) => {
                  if (value?.trim() && chargeFen(value) === null) throw new Error(t('charges.amountFormat'));
                },
              },
            ]}
          >
            <Input inputMode="decimal" prefix="¥" suffix={t('charges.taxIncluded')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="vatRate" label={t('billing.rate')} rules={[required]}>
            <Select<string>
              options={ONE_OFF_VAT_RATES.map((rate) => ({
                value: rate,
                label: `${ratePercent(rate)} ${t(`charges.rateHints.${RATE_HINTS[rate]}`)}`,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="reason"
        label={t('charges.reason')}
        rules={[filled, { max: 500, message: t('validation.tooLong', { max: 500 }) }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={500}
          placeholder={t('charges.oneOff.reasonPlaceholder')}
          onPressEnter={submitOnEnter(form)}
        />
      </Form.Item>
      <Typography.Text type="secondary">{t('charges.oneOff.hint')}</Typography.Text>
    </FormModal>
  );
}

/** The contract page's button: for whoever raises charges, while the contract binds. */
export function OneOffChargeButton({
  contract,
}: {
  contract: ChargeContract & Pick<ContractView, 'status'>;
}) {
  const { t } = useTranslation();
  const roles = useChargeRoles();
  const [open, setOpen] = useState(false);
  if (!roles.raise || !BINDING_STATUSES.includes(contract.status)) return null;
  return (
    <>
      <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="contract-one-off">
        {t('charges.oneOff.action')}
      </Button>
      {open && <OneOffChargeModal contract={contract} onClose={() => setOpen(false)} />}
    </>
  );
}
