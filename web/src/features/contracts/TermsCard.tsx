import { Descriptions, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fractionToPercent } from '../applications/applicationsFormat.ts';
import { floorLabel, priceText } from '../spaces/spacesFormat.ts';
import type { ContractTerms, ContractView } from './contractsApi.ts';
import { yuanText } from './contractsFormat.ts';

type Unit = ContractView['units'][number];
type Rent = ContractTerms['rent'];

/** `98 元/m²·月 · 含税 9%` */
export function useRentText() {
  const { t } = useTranslation();
  return (rent: Rent) =>
    `${priceText(rent.price)} ${t(`applications.priceUnits.${rent.basis}`)} · ${t(
      rent.taxInclusive ? 'contracts.terms.taxIncluded' : 'contracts.terms.taxExcluded',
    )} ${fractionToPercent(rent.vatRate)}%`;
}

function useDepositText() {
  const { t } = useTranslation();
  return (d: ContractTerms['deposit'] | null) =>
    !d ? t('common.none') : 'months' in d ? t('applications.months', { n: d.months }) : yuanText(d.amountFen);
}

/** The terms in force (or the draft's), with each unit's billing area (计租面积) and rent. */
export function TermsCard({ view }: { view: ContractView }) {
  const { t } = useTranslation();
  const rentText = useRentText();
  const depositText = useDepositText();
  const terms = view.terms;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const cap = terms.lateFee.cap;
  const items = [
    { key: 'period', label: t('contracts.term'), children: `${terms.startDate} ~ ${terms.endDate}` },
    { key: 'use', label: t('contracts.terms.use'), children: t(`applications.uses.${terms.use}`) },
    { key: 'rent', label: t('contracts.terms.rent'), children: rentText(terms.rent) },
    { key: 'monthly', label: t('contracts.monthlyRent'), children: yuanText(view.monthlyRentFen) },
    {
      key: 'areaBasis',
      label: t('contracts.terms.areaBasis'),
      children: t(`contracts.areaBases.${terms.areaBasis}`),
    },
    {
      key: 'cycle',
      label: t('contracts.terms.billingCycle'),
      children: `${t(`applications.paymentCycles.${terms.billingCycleMonths}`)} · ${
        terms.dueDaysBeforePeriod
          ? t('contracts.terms.dueDaysText', { n: terms.dueDaysBeforePeriod })
          : t('contracts.terms.dueOnFirstDay')
      }`,
    },
    {
      key: 'rentFree',
      label: t('contracts.terms.rentFree'),
      children: terms.rentFree.length ? terms.rentFree.map((r) => `${r.from} ~ ${r.to}`).join('；') : none,
    },
    {
      key: 'escalations',
      label: t('contracts.terms.escalations'),
      children: terms.escalations.length
        ? terms.escalations
            .map((e) =>
              e.kind === 'percent'
                ? `${e.from} +${fractionToPercent(e.value)}%`
                : `${e.from} → ${priceText(e.value)} ${t(`applications.priceUnits.${terms.rent.basis}`)}`,
            )
            .join('；')
        : none,
    },
    {
      key: 'propertyFee',
      label: t('contracts.terms.propertyFee'),
      children: terms.propertyFee
        ? rentText({
            basis: 'per_sqm_month',
            price: terms.propertyFee.pricePerSqmMonth,
            ...terms.propertyFee,
          })
        : none,
    },
    {
      key: 'other',
      label: t('contracts.terms.otherCharges'),
      children: terms.otherCharges.length
        ? terms.otherCharges
            .map((c) => `${c.name} ${priceText(c.monthlyAmount)} ${t('applications.priceUnits.fixed_month')}`)
            .join('；')
        : none,
    },
    { key: 'deposit', label: t('contracts.terms.deposit'), children: depositText(terms.deposit) },
    {
      key: 'feeDeposit',
      label: t('contracts.terms.propertyFeeDeposit'),
      children: depositText(terms.propertyFeeDeposit),
    },
    {
      key: 'lateFee',
      label: t('contracts.terms.lateFee'),
      children: `${fractionToPercent(terms.lateFee.dailyRate)}${t('applications.percentPerDay')} · ${t(
        'contracts.terms.graceText',
        { n: terms.lateFee.graceDays },
      )} · ${
        cap === 'principal' || cap === 'none'
          ? t(`contracts.lateFeeCaps.${cap}`)
          : t('contracts.terms.capText', { percent: fractionToPercent(cap) })
      }`,
    },
  ];
  const columns: TableColumnsType<Unit> = [
    { key: 'code', title: t('applications.unit.code'), dataIndex: 'code', width: 100 },
    {
      key: 'where',
      title: t('applications.location'),
      render: (_: unknown, u) => `${u.siteName} ${u.buildingName} ${floorLabel(u.floor)}`,
    },
    {
      key: 'gross',
      title: t('spaces.unit.grossAreaShort'),
      dataIndex: 'grossArea',
      width: 96,
      align: 'right',
    },
    {
      key: 'billing',
      title: t('contracts.billingArea'),
      dataIndex: 'billingArea',
      width: 110,
      align: 'right',
      render: (a: string) => <strong>{a}</strong>,
    },
    {
      key: 'rent',
      title: t('contracts.terms.rent'),
      width: 240,
      render: (_: unknown, u) =>
        u.rent ? (
          <span>
            {rentText(u.rent)} <Tag color="purple">{t('contracts.ownRent')}</Tag>
          </span>
        ) : (
          <Typography.Text type="secondary">{rentText(terms.rent)}</Typography.Text>
        ),
    },
  ];
  return (
    <>
      <Table<Unit>
        size="small"
        rowKey="unitId"
        pagination={false}
        columns={columns}
        dataSource={view.units}
        data-testid="contract-units"
        style={{ marginBottom: 16 }}
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, lg: 2 }}
        items={items}
        styles={{ label: { width: 120 } }}
        data-testid="contract-terms"
      />
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        {t('contracts.terms.clauses')}
      </Typography.Title>
      <Typography.Paragraph
        style={{
          whiteSpace: 'pre-wrap',
          maxHeight: 360,
          overflow: 'auto',
          background: '#fafafa',
          padding: 12,
        }}
      >
        {terms.clauses || t('common.none')}
      </Typography.Paragraph>
    </>
  );
}
