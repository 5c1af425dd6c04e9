import { Button, Card, Segmented, Select, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Clipped, FilterBar, minTableWidth, PagedTable } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import {
  type AgingFilters,
  type AgingGroup,
  type AgingRow,
  type AgingSort,
  agingExportUrl,
  useAging,
} from './receivablesApi.ts';
import { AsOfPicker, ExportButton, Money, moneyColumn, TotalsRow } from './reportParts.tsx';

const GROUPS: AgingGroup[] = ['customer', 'manager', 'site'];
const SORTS = ['total:desc', 'over90:desc', 'total:asc'] as const;

function read(p: URLSearchParams): AgingFilters {
  const groupBy = GROUPS.find((g) => g === p.get('groupBy')) ?? 'customer';
  const sort: AgingSort = p.get('sort') === 'over90' ? 'over90' : 'total';
  return {
    asOf: p.get('asOf') || undefined,
    groupBy,
    sort,
    order: p.get('order') === 'asc' ? 'asc' : 'desc',
    managerId: (groupBy === 'customer' && p.get('managerId')) || undefined,
  };
}
function write(f: AgingFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.asOf) p.set('asOf', f.asOf);
  p.set('groupBy', f.groupBy);
  if (f.groupBy === 'customer') {
    if (f.sort !== 'total') p.set('sort', f.sort);
    if (f.order !== 'desc') p.set('order', f.order);
    if (f.managerId) p.set('managerId', f.managerId);
  }
  return p;
}

const AMOUNTS = [
  'currentFen',
  'days1to30Fen',
  'days31to60Fen',
  'days61to90Fen',
  'over90Fen',
  'creditFen',
  'totalFen',
] as const;

function useColumns(f: AgingFilters, onManager: (row: AgingRow) => void): TableColumnsType<AgingRow> {
  const { t } = useTranslation();
  const blank = f.groupBy === 'site' ? t('receivables.noSite') : t('receivables.unassigned');
  const first: TableColumnsType<AgingRow> = [
    {
      key: 'name',
      title: t(`receivables.groups.${f.groupBy}`),
      width: 220,
      fixed: 'left',
      render: (_: unknown, r) => (r.name ? <Clipped text={r.name} /> : <Tag>{blank}</Tag>),
    },
    f.groupBy === 'customer'
      ? {
          key: 'manager',
          title: t('receivables.groups.manager'),
          width: 100,
          render: (_: unknown, r) => r.managerName ?? '—',
        }
      : {
          key: 'customers',
          title: t('receivables.customers'),
          dataIndex: 'customers',
          width: 100,
          align: 'right',
        },
  ];
  // The total stays in sight at the right while the buckets scroll on a narrow screen.
  const money = AMOUNTS.map((k) =>
    k === 'totalFen'
      ? { ...moneyColumn<AgingRow>(k, t(`receivables.aging.${k}`), 130), fixed: 'right' as const }
      : moneyColumn<AgingRow>(k, t(`receivables.aging.${k}`), 108),
  );
  const columns = [...first, ...money];
  if (f.groupBy === 'manager') {
    // A manager's row opens that manager's customers.
    columns[0] = {
      ...columns[0]!,
      render: (_: unknown, r: AgingRow) =>
        r.key ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onManager(r)}>
            {r.name}
          </Button>
        ) : (
          <Tag>{blank}</Tag>
        ),
    };
  }
  return columns;
}

function AgingTable({ filters, onManager }: { filters: AgingFilters; onManager: (row: AgingRow) => void }) {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const query = useAging(filters, paging.cursor);
  const columns = useColumns(filters, onManager);
  const totals = query.data?.totals;
  return (
    <PagedTable<AgingRow>
      query={query}
      paging={paging}
      rowKey={(r) => r.key ?? 'none'}
      emptyText={t('receivables.aging.empty')}
      columns={columns}
      tableLayout="fixed"
      scroll={{ x: minTableWidth(columns, 160) }}
      summary={() =>
        totals && (query.data?.items.length ?? 0) > 0 ? (
          <TotalsRow
            span={1}
            label={t('receivables.totalOf', { count: totals.groups })}
            cells={[
              filters.groupBy === 'customer' ? null : totals.customers,
              ...AMOUNTS.map((k) => <Money key={k} fen={totals[k]} strong />),
            ]}
          />
        ) : null
      }
    />
  );
}

/** R5.2.3: what is owed on a date and for how long, by customer, account manager or site. */
export function AgingPage() {
  const { t, i18n } = useTranslation();
  const { state, change, key } = useUrlFilters(read, write);
  return (
    <>
      <PageHeader
        title={t('nav.receivablesAging')}
        subtitle={t('receivables.aging.subtitle')}
        extra={<ExportButton href={agingExportUrl(state, i18n.language)} />}
      />
      <Card>
        <FilterBar>
          <AsOfPicker value={state.asOf} onChange={(asOf) => change({ asOf })} />
          <Segmented<AgingGroup>
            data-testid="aging-group"
            value={state.groupBy}
            onChange={(groupBy) => change({ groupBy, managerId: undefined })}
            options={GROUPS.map((g) => ({ value: g, label: t(`receivables.groupBy.${g}`) }))}
          />
          {state.groupBy === 'customer' && (
            <Select
              id="aging-sort"
              value={`${state.sort}:${state.order}`}
              onChange={(v: string) => {
                const [sort, order] = v.split(':') as [AgingSort, 'asc' | 'desc'];
                change({ sort, order });
              }}
              options={SORTS.map((s) => ({ value: s, label: t(`receivables.sorts.${s.replace(':', '_')}`) }))}
              style={{ width: i18n.language === 'en' ? 200 : 160 }}
            />
          )}
          {state.managerId && (
            <Tag closable onClose={() => change({ managerId: undefined })} data-testid="aging-manager-filter">
              {t('receivables.oneManager')}
            </Tag>
          )}
        </FilterBar>
        <div data-testid="aging-table">
          <AgingTable
            key={key}
            filters={state}
            onManager={(r) => r.key && change({ groupBy: 'customer', managerId: r.key })}
          />
        </div>
      </Card>
    </>
  );
}
