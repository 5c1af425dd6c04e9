import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Flex, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed, NotFound } from '../../components/StatusResult.tsx';
import { StatementActions, StatementStatusTag } from './StatementActions.tsx';
import { StatementFigures, StatementTable } from './StatementTable.tsx';
import { useStatement } from './statementsApi.ts';

/** One issued statement as it was sent: its figures fixed at issue, where it went and the customer's answer. */
export function StatementPage() {
  const { t } = useTranslation();
  const { org } = useUser();
  const { id = '' } = useParams();
  const query = useStatement(id);
  const s = query.data;

  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFound />;
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  }
  if (!s) return <Skeleton active paragraph={{ rows: 12 }} />;
  const colon = t('customers.colon');

  return (
    <>
      <Link to="/statements" style={{ display: 'inline-block', marginBottom: 8 }}>
        <ArrowLeftOutlined /> {t('statements.backToList')}
      </Link>
      <PageHeader
        title={
          <Space size={8} wrap>
            <span style={{ fontFamily: 'monospace' }} data-testid="statement-number">
              {s.number}
            </span>
            <Link to={`/customers/${s.customerId}?tab=statements`}>{s.customerName}</Link>
            <StatementStatusTag status={s.status} />
          </Space>
        }
        subtitle={
          <Flex gap={16} wrap component="span">
            <span>
              {t('statements.period')}
              {colon}
              {s.from} ~ {s.to}
            </span>
            <span>
              {t('statements.issuedAt')}
              {colon}
              {formatInstant(s.createdAt, org.timeZone).slice(0, 16)}
            </span>
            <span>
              {t('statements.sentTo')}
              {colon}
              {s.sentAt
                ? `${s.sentTo} (${formatInstant(s.sentAt, org.timeZone).slice(0, 16)})`
                : t('statements.notSent')}
            </span>
          </Flex>
        }
        extra={<StatementActions s={s} />}
      />
      <Flex vertical gap={16}>
        {s.respondedOn && (
          <Alert
            type={s.status === 'disputed' ? 'error' : 'success'}
            showIcon
            data-testid="statement-answer"
            title={t(`statements.answer.summary.${s.status === 'disputed' ? 'disputed' : 'confirmed'}`, {
              date: s.respondedOn,
              respondent: s.respondent,
            })}
            description={s.responseNote}
          />
        )}
        <StatementFigures s={s} />
        <Card size="small" title={t('statements.entriesTitle')}>
          <StatementTable s={s} />
        </Card>
      </Flex>
    </>
  );
}
