import type { UseQueryResult } from '@tanstack/react-query';
import { Flex, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../app/api.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';
import { StatementActions, StatementStatusTag } from './StatementActions.tsx';
import { balanceText } from './statementFormat.ts';
import type { StatementSummary } from './statementsApi.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const stop = (e: { stopPropagation: () => void }) => e.stopPropagation();

interface Props {
  query: UseQueryResult<Page<StatementSummary>>;
  paging: ReturnType<typeof useCursorPages>;
  emptyText: string;
  /** Off on the customer's own tab. */
  showCustomer?: boolean;
}

/** Issued statements, newest first, with their answer and what can be done with them; a row opens the copy. */
export function StatementsTable({ query, paging, emptyText, showCustomer = true }: Props) {
  const { t, i18n } = useTranslation();
  const { org } = useUser();
  const navigate = useNavigate();
  const en = i18n.language === 'en';
  const all: TableColumnsType<StatementSummary> = [
    {
      key: 'number',
      title: t('statements.number'),
      width: 136,
      render: (_: unknown, s) => (
        <Link to={`/statements/${s.id}`} onClick={stop} style={{ ...NOWRAP, fontFamily: 'monospace' }}>
          {s.number}
        </Link>
      ),
    },
    {
      key: 'customer',
      title: t('billing.customer'),
      render: (_: unknown, s) => (
        <Link to={`/customers/${s.customerId}?tab=statements`} onClick={stop}>
          <Clipped text={s.customerName} />
        </Link>
      ),
    },
    {
      key: 'period',
      title: t('statements.period'),
      width: 96,
      // The two dates stacked keep the dense table within the page.
      render: (_: unknown, s) => (
        <Flex vertical style={NOWRAP}>
          <span>{s.from}</span>
          <span>~ {s.to}</span>
        </Flex>
      ),
    },
    {
      key: 'closing',
      title: t('statements.closing'),
      width: 112,
      align: 'right',
      render: (_: unknown, s) => <span style={NOWRAP}>{balanceText(s.closingFen, t)}</span>,
    },
    {
      key: 'status',
      title: t('statements.status'),
      width: en ? 96 : 72,
      render: (_: unknown, s) => <StatementStatusTag status={s.status} />,
    },
    {
      key: 'sent',
      title: t('statements.sentTo'),
      width: en ? 122 : 130,
      render: (_: unknown, s) =>
        s.sentAt ? (
          <Flex vertical>
            <Clipped text={s.sentTo} />
            <Typography.Text type="secondary" style={{ fontSize: 12, ...NOWRAP }}>
              {formatInstant(s.sentAt, org.timeZone).slice(0, 16)}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('statements.notSent')}</Typography.Text>
        ),
    },
    {
      key: 'answer',
      title: t('statements.answer.column'),
      render: (_: unknown, s) =>
        s.respondedOn ? (
          <Flex vertical>
            <Clipped text={`${s.respondedOn} ${s.respondent ?? ''}`} />
            <Clipped text={s.responseNote} danger={s.status === 'disputed'} />
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'actions',
      title: t('statements.actions'),
      width: en ? 200 : 176,
      render: (_: unknown, s) => (
        // Clicks and keys in the actions, their pop-ups and dialogs (portals bubble in React) stay off the row.
        <Flex gap={0} role="presentation" onClick={stop} onKeyDown={stop}>
          <StatementActions s={s} compact />
        </Flex>
      ),
    },
  ];
  const columns = showCustomer ? all : all.filter((c) => c.key !== 'customer');
  return (
    <PagedTable<StatementSummary>
      query={query}
      paging={paging}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 100) }}
      emptyText={emptyText}
      onOpen={(s) => navigate(`/statements/${s.id}`)}
      data-testid="statements"
    />
  );
}
