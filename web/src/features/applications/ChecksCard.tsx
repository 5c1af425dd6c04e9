import {
  CheckCircleFilled,
  CloseCircleFilled,
  InfoCircleOutlined,
  MinusCircleOutlined,
} from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../../../common/money.ts';
import type { CustomerStatus } from '../../../../common/schemas/customers.ts';
import { CustomerStatusTag } from '../customers/CustomerTags.tsx';
import type { ApplicationChecks } from './applicationsApi.ts';
import { fractionToPercent } from './applicationsFormat.ts';

/** true: fits; false: flagged; null: the system cannot tell; 'info': a figure, neither good nor bad. */
type Flag = boolean | null | 'info';

export function FlagIcon({ flag }: { flag: Flag }) {
  if (flag === true) return <CheckCircleFilled style={{ color: '#52c41a' }} aria-label="ok" />;
  if (flag === false) return <CloseCircleFilled style={{ color: '#f5222d' }} aria-label="flagged" />;
  if (flag === 'info') return <InfoCircleOutlined style={{ color: '#1677ff' }} />;
  return <MinusCircleOutlined style={{ color: '#bfbfbf' }} />;
}

function Row({ flag, label, detail, id }: { flag: Flag; label: ReactNode; detail?: ReactNode; id: string }) {
  return (
    <Flex gap={8} align="flex-start" data-testid={`check-${id}`} data-flag={String(flag)}>
      <span style={{ lineHeight: '22px' }}>
        <FlagIcon flag={flag} />
      </span>
      <div style={{ minWidth: 0 }}>
        <Typography.Text type={flag === false ? 'danger' : undefined}>{label}</Typography.Text>
        {detail && (
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {detail}
          </Typography.Text>
        )}
      </div>
    </Flex>
  );
}

/** What the system checked by itself (documents, term, penalty, use, capital), green or red. */
export function ChecksCard({ checks }: { checks: ApplicationChecks }) {
  const { t } = useTranslation();
  const c = (key: string, params?: Record<string, unknown>) => t(`applications.checks.${key}`, params);
  const unknown = c('unknown');
  const money = (fen: number | null) => (fen === null ? '—' : formatYuan(fen));

  return (
    <Card size="small" title={t('applications.checks.title')} data-testid="checks">
      <Flex vertical gap={8}>
        <Row id="licence" flag={checks.documents.licenceValid} label={c('licenceValid')} />
        <Row id="tax" flag={checks.documents.taxRegistrationValid} label={c('taxRegistrationValid')} />
        <Row id="verified" flag={checks.documents.allVerified} label={c('allVerified')} />
        <Row
          id="area"
          flag="info"
          label={
            checks.areaPerOccupant === null
              ? c('areaPerOccupantUnknown')
              : c('areaPerOccupant', { area: checks.areaPerOccupant })
          }
        />
        <Row id="term" flag={checks.termWithinLimit} label={c('termWithinLimit')} detail={c('termRule')} />
        <Row
          id="penalty"
          flag={checks.penaltyWithinLimit}
          label={c('penaltyWithinLimit', { max: fractionToPercent(checks.maxPenaltyRatePerDay) })}
        />
        <Row
          id="use"
          flag={checks.useFitsUnits}
          label={c('useFitsUnits')}
          detail={checks.useFitsUnits === null ? c('noUnitsYet') : undefined}
        />
        <Row
          id="capital"
          flag={checks.capitalCoversAnnualRent}
          label={c('capitalCoversAnnualRent')}
          detail={
            checks.capitalCoversAnnualRent === null
              ? unknown
              : c('capitalDetail', {
                  rent: money(checks.annualRentFen),
                  capital: money(checks.registeredCapitalFen),
                })
          }
        />
        <Row
          id="deposit"
          flag="info"
          label={c('recommendedDeposit', { n: checks.recommendedDepositMonths })}
        />
        <Row
          id="customer"
          flag={checks.customerStatus === 'blacklisted' ? false : 'info'}
          label={
            <>
              {c('customerStatus')} <CustomerStatusTag status={checks.customerStatus as CustomerStatus} />
            </>
          }
        />
      </Flex>
    </Card>
  );
}
