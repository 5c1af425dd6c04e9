import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../common/money/format.ts';
import { formatWanYuan } from '../../../../common/money/wan.ts';
import { formatInstant, groupDigits } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { LabelTags } from './CustomerTags.tsx';
import type { CustomerView } from './customersApi.ts';

export function CustomerProfile({ customer }: { customer: CustomerView }) {
  // 万元 is how Chinese readers state capital; English readers get the amount in yuan.
  const { t, i18n } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const none = <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const capital = customer.registeredCapital;
  const rows = [
    { key: 'kind', label: t('customers.kind'), children: t(`customers.kinds.${customer.kind}`) },
    {
      key: 'uscc',
      label: t('customers.uscc'),
      children: <Typography.Text style={{ fontFamily: 'monospace' }}>{customer.uscc}</Typography.Text>,
    },
    {
      key: 'legal',
      label: t('customers.legalRepresentative'),
      children: customer.legalRepresentative || none,
    },
    {
      key: 'capital',
      label: t('customers.registeredCapital'),
      children:
        capital === null
          ? none
          : i18n.language === 'en'
            ? formatYuan(capital)
            : `${groupDigits(formatWanYuan(capital))} ${t('customers.wanyuan')}`,
    },
    { key: 'established', label: t('customers.establishedOn'), children: customer.establishedOn || none },
    {
      key: 'industry',
      label: t('customers.industry'),
      children: customer.industry ? t(`customers.industries.${customer.industry}`) : none,
    },
    {
      key: 'scale',
      label: t('customers.scale'),
      children: customer.scale ? t(`customers.scales.${customer.scale}`) : none,
    },
    {
      key: 'manager',
      label: t('customers.accountManager'),
      children: customer.accountManagerName || none,
    },
    {
      key: 'contact',
      label: t('customers.primaryContact'),
      children: customer.primaryContact
        ? [customer.primaryContact.name, customer.primaryContact.mobile].filter(Boolean).join(' ')
        : none,
    },
    {
      key: 'tags',
      label: t('customers.tags'),
      children: customer.tags.length ? <LabelTags tags={customer.tags} /> : none,
    },
    {
      key: 'address',
      label: t('customers.registeredAddress'),
      span: 2,
      children: customer.registeredAddress || none,
    },
    { key: 'notes', label: t('customers.notes'), span: 2, children: customer.notes || none },
    {
      key: 'created',
      label: t('customers.createdAt'),
      children: formatInstant(customer.createdAt, timeZone),
    },
    {
      key: 'updated',
      label: t('customers.updatedAt'),
      children: formatInstant(customer.updatedAt, timeZone),
    },
  ];
  return (
    <>
      {customer.status === 'blacklisted' && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('customers.blacklist.banner', {
            at: formatInstant(customer.blacklistedAt, timeZone),
          })}
          description={customer.blacklistReason}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={2}
        items={rows}
        styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
      />
    </>
  );
}
