import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { todayIn } from '../../../../common/dates.ts';
import { useUser } from '../../app/session.tsx';
import { Clipped, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { ContractFilterBar, useContractFilterParams } from './ContractsPage.tsx';
import { useContractColumns } from './ContractsTable.tsx';
import { type ContractFilterState, isFiltered, toContractFilters } from './contractFilters.ts';
import {
  CONTRACTS,
  type ContractFilters,
  type ContractSummary,
  type LedgerEntry,
  ledgerXlsxUrl,
  listLedger,
} from './contractsApi.ts';
import { keyed } from './contractsFormat.ts';
import { useEventLabel } from './useEventLabel.ts';

const NOWRAP = { whiteSpace: 'nowrap' } as const;
const SHOWN_EVENTS = 6;

/** Two facts in one cell, one a line, for a ledger that fits the screen. */
function Lines({ items }: { items: [string, string | null | undefined][] }) {
  const shown = items.filter(([, v]) => v);
  if (!shown.length) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <span style={{ fontSize: 12, lineHeight: 1.5 }}>
      {shown.map(([label, v]) => (
        <span key={label} style={{ display: 'block', ...NOWRAP }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label}
          </Typography.Text>{' '}
          {v}
        </span>
      ))}
    </span>
  );
}

function useLedgerColumns(): TableColumnsType<LedgerEntry> {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const eventLabel = useEventLabel();
  const shared = useContractColumns(true).filter((c) =>
    ['number', 'customer', 'units', 'status'].includes(String(c.key)),
  ) as TableColumnsType<ContractSummary & LedgerEntry>;
  return [
    ...shared.slice(0, 3),
    {
      key: 'term',
      title: t('contracts.term'),
      width: 96,
      render: (_: unknown, e) => (
        <span style={{ fontSize: 12, ...NOWRAP }}>
          {e.startDate}
          <br />~ {e.endDate}
        </span>
      ),
    },
    ...shared.slice(3),
    {
      key: 'dates',
      title: t('contracts.ledger.dates'),
      width: en ? 150 : 130,
      render: (_: unknown, e) => (
        <Lines
          items={[
            [t('contracts.ledger.signed'), e.signedOn],
            [t('contracts.ledger.handedOver'), e.handedOverOn],
            [t('contracts.ledger.terminated'), e.terminatedOn],
          ]}
        />
      ),
    },
    {
      key: 'custody',
      title: t('contracts.ledger.custody'),
      width: 140,
      render: (_: unknown, e) => (
        <span style={{ fontSize: 12 }}>
          {e.custodian?.name ?? '—'}
          <br />
          <Clipped text={e.archiveLocation} />
        </span>
      ),
    },
    {
      key: 'events',
      title: t('contracts.events.title'),
      render: (_: unknown, e) => (
        <span>
          {keyed(e.events.slice(-SHOWN_EVENTS)).map((ev) => (
            <Tooltip key={ev.key} title={ev.onDate}>
              <Tag style={{ marginInlineEnd: 4, marginBottom: 2, fontSize: 11 }}>{eventLabel(ev.kind)}</Tag>
            </Tooltip>
          ))}
          {e.events.length > SHOWN_EVENTS && <Tag>+{e.events.length - SHOWN_EVENTS}</Tag>}
        </span>
      ),
    },
  ];
}

/** One page of the ledger for the filters; remounted (paging anew) whenever they change. */
function LedgerResults({ state, filters }: { state: ContractFilterState; filters: ContractFilters }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paging = useCursorPages();
  const columns = useLedgerColumns();
  const query = useQuery({
    queryKey: [CONTRACTS, 'ledger', filters, paging.cursor],
    queryFn: () => listLedger(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <PagedTable<LedgerEntry>
      query={query}
      paging={paging}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 120) }}
      emptyText={isFiltered(state) ? t('contracts.noMatch') : t('contracts.empty')}
      onOpen={(e) => navigate(`/contracts/${e.id}`)}
    />
  );
}

/** R3.1.4 合同台账: every contract with its signing, handover, custodian, archive and what happened since. */
export function LedgerPage() {
  const { t } = useTranslation();
  const today = todayIn(useUser().org.timeZone);
  const { state, change, key } = useContractFilterParams();
  const filters = toContractFilters(state, today);
  return (
    <>
      <PageHeader
        title={t('nav.contractLedger')}
        subtitle={t('contracts.ledger.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={ledgerXlsxUrl(filters)} data-testid="ledger-export">
            {t('contracts.ledger.export')}
          </Button>
        }
      />
      <Card>
        <ContractFilterBar value={state} onChange={change} />
        <LedgerResults key={key} state={state} filters={filters} />
      </Card>
    </>
  );
}
