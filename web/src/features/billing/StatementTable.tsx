import { Card, Col, Empty, Row, Statistic, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Clipped, minTableWidth } from '../../components/PagedTable.tsx';
import { yuanText } from '../contracts/contractsFormat.ts';
import { balanceText, documentPath, entryDescription, entryTotals } from './statementFormat.ts';
import type { StatementEntry } from './statementsApi.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const MONO = { ...NOWRAP, fontFamily: 'monospace' } as const;

/** The figures a statement sums up; live ones and issued ones have the same. */
export interface StatementTotals {
  openingFen: number;
  chargesFen: number;
  receivedFen: number;
  closingFen: number;
  entries: StatementEntry[];
}

type EntryRow =
  | (StatementEntry & { key: string; opening?: false })
  | { key: 'opening'; opening: true; balanceFen: number };

const Amount = ({ fen, strong }: { fen: number; strong?: boolean }) =>
  fen === 0 ? null : (
    <Typography.Text style={NOWRAP} strong={strong}>
      {yuanText(fen)}
    </Typography.Text>
  );

function Balance({ fen, strong }: { fen: number; strong?: boolean }) {
  const { t } = useTranslation();
  return (
    <Typography.Text style={NOWRAP} strong={strong} type={fen < 0 ? 'success' : undefined}>
      {balanceText(fen, t)}
    </Typography.Text>
  );
}

/** Brought forward, charged, received and carried forward, the last what the customer owes (or has in hand). */
export function StatementFigures({ s, loading }: { s: StatementTotals | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  const figure = (key: string, title: string, value: string | undefined, color?: string) => (
    <Col xs={12} md={6} key={key}>
      <Statistic
        title={title}
        value={value ?? '—'}
        loading={loading}
        styles={{ content: { fontSize: 20, color } }}
        data-testid={`statement-${key}`}
      />
    </Col>
  );
  return (
    <Card size="small">
      <Row gutter={[16, 16]}>
        {figure('opening', t('statements.opening'), s && balanceText(s.openingFen, t))}
        {figure('charges', t('statements.charges'), s && yuanText(s.chargesFen))}
        {figure('received', t('statements.received'), s && yuanText(s.receivedFen))}
        {figure(
          'closing',
          t('statements.closing'),
          s && balanceText(s.closingFen, t),
          s && s.closingFen > 0 ? '#cf1322' : s && s.closingFen < 0 ? '#389e0d' : undefined,
        )}
      </Row>
    </Card>
  );
}

/**
 * The statement's entries as the printed copy has them: the balance brought forward, each bill line,
 * payment and reversal with the running balance, and the period's totals with the balance carried forward.
 */
export function StatementTable({ s, loading }: { s: StatementTotals | undefined; loading?: boolean }) {
  const { t } = useTranslation();
  const rows: EntryRow[] = s
    ? [
        { key: 'opening', opening: true, balanceFen: s.openingFen },
        ...s.entries.map((e, i) => ({ ...e, key: `${i}`, opening: false as const })),
      ]
    : [];
  const columns: TableColumnsType<EntryRow> = [
    {
      key: 'date',
      title: t('statements.date'),
      width: 96,
      render: (_: unknown, r) => (r.opening ? null : <span style={NOWRAP}>{r.date}</span>),
    },
    {
      key: 'document',
      title: t('statements.document'),
      width: 150,
      render: (_: unknown, r) =>
        r.opening ? null : (
          <Link to={documentPath(r)} style={MONO}>
            {r.document}
          </Link>
        ),
    },
    {
      key: 'description',
      title: t('statements.description'),
      render: (_: unknown, r) =>
        r.opening ? (
          <Typography.Text strong>{t('statements.opening')}</Typography.Text>
        ) : (
          <Clipped text={entryDescription(r, t)} />
        ),
    },
    {
      key: 'debit',
      title: t('statements.debit'),
      width: 120,
      align: 'right',
      render: (_: unknown, r) => (r.opening ? null : <Amount fen={r.debitFen} />),
    },
    {
      key: 'credit',
      title: t('statements.credit'),
      width: 120,
      align: 'right',
      render: (_: unknown, r) => (r.opening ? null : <Amount fen={r.creditFen} />),
    },
    {
      key: 'balance',
      title: t('statements.balance'),
      width: 150,
      align: 'right',
      render: (_: unknown, r) => <Balance fen={r.balanceFen} strong={r.opening} />,
    },
  ];
  const totals = s ? entryTotals(s.entries) : null;
  return (
    <Table<EntryRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 240) }}
      data-testid="statement-entries"
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      summary={() =>
        s && totals ? (
          <Table.Summary>
            <Table.Summary.Row data-testid="statement-totals">
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>
                  {s.entries.length === 0 ? t('statements.noMovements') : t('statements.totals')}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Amount fen={totals.debitFen} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Amount fen={totals.creditFen} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Balance fen={s.closingFen} strong />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
