import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { METER_TYPES } from '../../../../common/schemas/utilities.ts';
import { api, type Page } from '../../app/api.ts';
import { showError } from '../../app/formErrors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useToday } from '../contracts/SigningModals.tsx';
import {
  createRate,
  deleteRate,
  type MeterType,
  type Rate,
  UNIT_OF,
  UTILITIES,
  useCanWriteUtilities,
  useRates,
} from './utilitiesApi.ts';

interface Values {
  meterType: MeterType;
  price: string;
  vatPercent: string;
  effectiveFrom: Dayjs;
}

/** 13 → "0.13", exactly: the percentage's digits moved two places. */
export function percentToRate(p: string): string {
  const [whole = '0', frac = ''] = p.trim().split('.');
  const digits = `${whole.padStart(3, '0')}${frac}`;
  const int = digits.slice(0, -2 - frac.length) || '0';
  const dec = digits.slice(-2 - frac.length).replace(/0+$/, '');
  return dec ? `${Number(int)}.${dec}` : String(Number(int));
}

/** A list of prices (the organization's, or one contract's) and the form adding one. */
function RatesCard({ contractId, title }: { contractId?: string; title: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const today = useToday();
  const canWrite = useCanWriteUtilities();
  const rates = useRates(contractId);
  const [form] = Form.useForm<Values>();
  const add = useMutation({
    mutationFn: (v: Values) =>
      createRate({
        contractId: contractId ?? null,
        meterType: v.meterType,
        price: v.price.trim(),
        vatRate: percentToRate(v.vatPercent),
        effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      form.resetFields(['price']);
      void qc.invalidateQueries({ queryKey: [UTILITIES, 'rates'] });
    },
    onError: (e) => showError(e, message, form),
  });
  const remove = useMutation({
    mutationFn: deleteRate,
    onSuccess: () => void qc.invalidateQueries({ queryKey: [UTILITIES, 'rates'] }),
    onError: (e) => showError(e, message),
  });
  const columns: TableColumnsType<Rate> = [
    {
      key: 'type',
      title: t('utilities.type'),
      dataIndex: 'meterType',
      width: 100,
      render: (x: MeterType) => t(`utilities.types.${x}`),
    },
    {
      key: 'price',
      title: t('utilities.price'),
      width: 160,
      align: 'right',
      render: (_: unknown, r) => `¥${r.price} / ${UNIT_OF[r.meterType]}`,
    },
    {
      key: 'vat',
      title: t('utilities.vatRate'),
      width: 90,
      align: 'right',
      render: (_: unknown, r) => `${Number(r.vatRate) * 100}%`,
    },
    { key: 'from', title: t('utilities.effectiveFrom'), dataIndex: 'effectiveFrom', width: 120 },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: '',
            width: 80,
            render: (_: unknown, r: Rate) => (
              <Popconfirm title={t('utilities.deleteRateConfirm')} onConfirm={() => remove.mutate(r.id)}>
                <Button type="link" size="small" danger>
                  {t('utilities.delete')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={title} style={{ marginBottom: 16 }}>
      {canWrite && (
        <Form<Values>
          form={form}
          layout="inline"
          style={{ marginBottom: 12 }}
          initialValues={{ meterType: 'electricity', vatPercent: '13', effectiveFrom: today }}
          onFinish={(v) => add.mutate(v)}
        >
          <Form.Item name="meterType" rules={[{ required: true }]}>
            <Select
              style={{ width: 110 }}
              options={METER_TYPES.map((x) => ({ value: x, label: t(`utilities.types.${x}`) }))}
              onChange={(x: MeterType) => form.setFieldValue('vatPercent', x === 'electricity' ? '13' : '9')}
            />
          </Form.Item>
          <Form.Item
            name="price"
            rules={[
              { required: true, pattern: /^\d{1,8}(\.\d{1,4})?$/, message: t('utilities.priceFormat') },
            ]}
          >
            <Input prefix="¥" placeholder={t('utilities.price')} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="vatPercent" rules={[{ required: true, pattern: /^\d{1,2}(\.\d{1,2})?$/ }]}>
            <Input suffix="%" style={{ width: 90 }} aria-label={t('utilities.vatRate')} />
          </Form.Item>
          <Form.Item name="effectiveFrom" rules={[{ required: true }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('utilities.addRate')}
          </Button>
        </Form>
      )}
      <Table<Rate>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rates.data ?? []}
        loading={rates.isFetching}
        pagination={false}
        locale={{ emptyText: t('utilities.noRates') }}
      />
    </Card>
  );
}

type ContractOption = { id: string; number: string; customer: { name: string } };

/** Prices: the organization's defaults, and a contract's own, which override them for that contract. */
export function RatesPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [contract, setContract] = useState<string | undefined>();
  const contracts = useQuery({
    queryKey: [UTILITIES, 'contract-search', search],
    queryFn: () => api.get<Page<ContractOption>>('/v1/contracts', { q: search || undefined, limit: 20 }),
    select: (p) => p.items.map((c) => ({ value: c.id, label: `${c.number} ${c.customer.name}` })),
  });
  return (
    <>
      <PageHeader title={t('nav.utilityRates')} subtitle={t('utilities.ratesSubtitle')} />
      <RatesCard title={t('utilities.orgRates')} />
      <Card size="small" title={t('utilities.contractRates')}>
        <Space style={{ marginBottom: 12 }}>
          <Select<string>
            id="rate-contract"
            showSearch={{ filterOption: false, onSearch: setSearch }}
            allowClear
            placeholder={t('utilities.chooseContract')}
            value={contract}
            onChange={setContract}
            options={contracts.data ?? []}
            style={{ width: 360 }}
          />
        </Space>
        {contract && (
          <RatesCard key={contract} contractId={contract} title={t('utilities.contractOwnRates')} />
        )}
      </Card>
    </>
  );
}
