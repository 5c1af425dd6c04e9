import type { UseQueryResult } from '@tanstack/react-query';
import { type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Page } from '../../app/api.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import type { useCursorPages } from '../../components/useCursorPages.ts';
import { ApplicationStatusTag, StageDue } from './ApplicationTags.tsx';
import type { ApplicationSummary } from './applicationsApi.ts';
import { areaText } from './applicationsFormat.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

function useColumns(showCustomer: boolean): TableColumnsType<ApplicationSummary> {
  const { t, i18n } = useTranslation();
  const timeZone = useUser().org.timeZone;
  // English labels ("Management approval", "36 months") need more room than the Chinese ones.
  const en = i18n.language === 'en';
  const columns: TableColumnsType<ApplicationSummary> = [
    {
      key: 'number',
      title: t('applications.number'),
      width: 136,
      render: (_: unknown, a) => (
        <Link
          to={`/applications/${a.id}`}
          onClick={(e) => e.stopPropagation()}
          style={{ ...NOWRAP, fontFamily: 'monospace' }}
        >
          {a.number}
        </Link>
      ),
    },
    {
      key: 'customer',
      title: t('applications.customer'),
      render: (_: unknown, a) => (
        <Link to={`/customers/${a.customer.id}`} onClick={(e) => e.stopPropagation()}>
          <Clipped text={a.customer.name} />
        </Link>
      ),
    },
    {
      key: 'space',
      title: t('applications.space'),
      width: 140,
      render: (_: unknown, a) => (
        <Clipped
          text={`${t(`spaces.types.${a.spaceType}`)} ${t('applications.areaRange', {
            min: areaText(a.areaMin),
            max: areaText(a.areaMax),
          })}`}
        />
      ),
    },
    {
      key: 'start',
      title: t('applications.startAndTerm'),
      width: en ? 168 : 150,
      render: (_: unknown, a) => (
        <span style={NOWRAP}>
          {a.startDate} · {t('applications.months', { n: a.termMonths })}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('applications.status'),
      dataIndex: 'status',
      width: en ? 144 : 96,
      render: (status: ApplicationSummary['status']) => <ApplicationStatusTag status={status} />,
    },
    {
      key: 'due',
      title: t('applications.stageDue'),
      width: 120,
      render: (_: unknown, a) => <StageDue dueOn={a.stageDueOn} overdue={a.overdue} compact />,
    },
    {
      key: 'createdBy',
      title: t('applications.createdBy'),
      width: 84,
      render: (_: unknown, a) => <Clipped text={a.createdBy?.name} />,
    },
    {
      key: 'submittedAt',
      title: t('applications.submittedAt'),
      dataIndex: 'submittedAt',
      width: 96,
      render: (at: string | null) => <span style={NOWRAP}>{formatInstant(at, timeZone).slice(0, 10)}</span>,
    },
  ];
  // On the customer's page the notice takes the customer's place (R2.2.6: shown on the customer too).
  const notice: TableColumnsType<ApplicationSummary>[number] = {
    key: 'notice',
    title: t('applications.notice.title'),
    width: 176,
    render: (_: unknown, a) =>
      a.notice ? (
        <span style={NOWRAP}>
          <a href={a.notice.href} target="_blank" rel="noreferrer" onClick={(e) => e.stopPropagation()}>
            {a.notice.number}
          </a>
          <br />
          <Typography.Text type="secondary">
            {t('applications.notice.signByShort', { date: a.notice.signBy })}
          </Typography.Text>
        </span>
      ) : (
        '—'
      ),
  };
  return showCustomer
    ? columns
    : [...columns.filter((c) => c.key !== 'customer' && c.key !== 'createdBy'), notice];
}

interface Props {
  query: UseQueryResult<Page<ApplicationSummary>>;
  paging: ReturnType<typeof useCursorPages>;
  emptyText: string;
  /** Off on the customer's own page, where every row is that customer. */
  showCustomer?: boolean;
}

/** Applications, one row each, opened by click or Enter: the list page and the customer's tab. */
export function ApplicationsTable({ query, paging, emptyText, showCustomer = true }: Props) {
  const navigate = useNavigate();
  const columns = useColumns(showCustomer);
  return (
    <PagedTable<ApplicationSummary>
      query={query}
      paging={paging}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 160) }}
      emptyText={emptyText}
      onOpen={(a) => navigate(`/applications/${a.id}`)}
    />
  );
}
