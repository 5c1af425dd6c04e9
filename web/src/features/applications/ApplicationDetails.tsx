import { Card, Descriptions, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths } from '../../../../common/dates.ts';
import { floorLabel, priceText } from '../spaces/spacesFormat.ts';
import type { ApplicationView } from './applicationsApi.ts';
import { areaText, fractionToPercent } from './applicationsFormat.ts';

type Unit = ApplicationView['units'][number];

/** What is asked for (space, dates, use) and on what terms, as the applicant filed it. */
export function ApplicationDetails({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const endDate = addDays(addMonths(view.startDate, view.termMonths), -1);
  const { terms } = view;

  const request = [
    {
      key: 'space',
      label: t('applications.space'),
      children: `${t(`spaces.types.${view.spaceType}`)} ${t('applications.areaRange', {
        min: areaText(view.areaMin),
        max: areaText(view.areaMax),
      })}`,
    },
    {
      key: 'where',
      label: t('applications.location'),
      children: [view.siteName, view.buildingName].filter(Boolean).join(' ') || none,
    },
    {
      key: 'period',
      label: t('applications.period'),
      children: t('applications.periodText', {
        from: view.startDate,
        to: endDate,
        months: t('applications.months', { n: view.termMonths }),
      }),
    },
    { key: 'occupants', label: t('applications.occupants'), children: view.occupants },
    {
      key: 'use',
      label: t('applications.intendedUse'),
      children: [t(`applications.uses.${view.intendedUse}`), view.useDescription].filter(Boolean).join(' — '),
    },
    { key: 'notes', label: t('applications.notes'), children: view.notes || none, span: 2 },
  ];
  const proposed = [
    {
      key: 'price',
      label: t('applications.terms.price'),
      children: `${priceText(terms.price)} ${t(`applications.priceUnits.${terms.rentBasis}`)}`,
    },
    {
      key: 'cycle',
      label: t('applications.terms.paymentCycle'),
      children: t(`applications.paymentCycles.${terms.paymentCycleMonths}`),
    },
    {
      key: 'deposit',
      label: t('applications.terms.deposit'),
      children: t('applications.months', { n: terms.depositMonths }),
    },
    {
      key: 'rentFree',
      label: t('applications.terms.rentFree'),
      children: t('applications.months', { n: terms.rentFreeMonths }),
    },
    {
      key: 'increase',
      label: t('applications.terms.yearlyIncrease'),
      children: `${fractionToPercent(terms.yearlyIncrease)}%`,
    },
    {
      key: 'penalty',
      label: t('applications.terms.penaltyRate'),
      children: `${fractionToPercent(terms.penaltyRatePerDay)}${t('applications.percentPerDay')}`,
    },
  ];
  const unitColumns: TableColumnsType<Unit> = [
    { key: 'code', title: t('applications.unit.code'), dataIndex: 'code', width: 100 },
    {
      key: 'where',
      title: t('applications.location'),
      render: (_: unknown, u) => `${u.siteName} ${u.buildingName} ${floorLabel(u.floor)}`,
    },
    {
      key: 'type',
      title: t('applications.spaceType'),
      dataIndex: 'type',
      width: 100,
      render: (type: Unit['type']) => t(`spaces.types.${type}`),
    },
    {
      key: 'gross',
      title: t('spaces.unit.grossAreaShort'),
      dataIndex: 'grossArea',
      width: 100,
      align: 'right',
    },
    {
      key: 'inside',
      title: t('spaces.unit.insideAreaShort'),
      dataIndex: 'insideArea',
      width: 100,
      align: 'right',
    },
  ];

  return (
    <Card size="small" title={t('applications.details')}>
      <Descriptions size="small" bordered column={2} items={request} styles={{ label: { width: 120 } }} />
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        {t('applications.units')}
      </Typography.Title>
      <Table<Unit>
        size="small"
        rowKey="id"
        pagination={false}
        columns={unitColumns}
        dataSource={view.units}
        locale={{ emptyText: t('applications.noUnits') }}
      />
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        {t('applications.form.termsSection')}
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2, xxl: 3 }}
        items={proposed}
        styles={{ label: { width: 120 } }}
        data-testid="proposed-terms"
      />
    </Card>
  );
}
