import { Card, DatePicker, Empty, Segmented, Select, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FilterBar, minTableWidth } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { useSites } from '../spaces/spacesApi.ts';
import {
  type CollectionFilters,
  type CollectionRow,
  collectionExportUrl,
  ratePercent,
  useCollection,
} from './receivablesApi.ts';
import { AsOfPicker, ExportButton, Money, moneyColumn, TotalsRow } from './reportParts.tsx';

const read = (p: URLSearchParams): CollectionFilters => ({
  month: p.get('month') || undefined,
  from: p.get('from') || undefined,
  to: p.get('to') || undefined,
  asOf: p.get('asOf') || undefined,
  siteId: p.get('siteId') || undefined,
});
function write(f: CollectionFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return p;
}

function useColumns(): TableColumnsType<CollectionRow> {
  const { t } = useTranslation();
  return [
    { key: 'month', title: t('receivables.month'), dataIndex: 'month', width: 90 },
    {
      key: 'site',
      title: t('receivables.groups.site'),
      render: (_: unknown, r) => r.siteName ?? <Tag>{t('receivables.noSite')}</Tag>,
    },
    { key: 'lines', title: t('receivables.lines'), dataIndex: 'lines', width: 80, align: 'right' },
    moneyColumn<CollectionRow>('billedFen', t('receivables.collection.billed'), 140),
    moneyColumn<CollectionRow>('collectedFen', t('receivables.collection.collected'), 140),
    moneyColumn<CollectionRow>('creditedFen', t('receivables.collection.credited'), 140),
    moneyColumn<CollectionRow>('outstandingFen', t('receivables.collection.outstanding'), 140),
    {
      key: 'rate',
      title: t('receivables.collection.rate'),
      dataIndex: 'rate',
      width: 130,
      align: 'right',
      render: (rate: string | null) => ratePercent(rate),
    },
  ];
}

/** R5.2.2: rent due in a month (or a range of dates) by site: billed, collected, outstanding, rate. */
export function CollectionPage() {
  const { t, i18n } = useTranslation();
  const { state, change } = useUrlFilters(read, write);
  const query = useCollection(state);
  const sites = useSites();
  const columns = useColumns();
  const range = !!(state.from || state.to);
  const data = query.data;
  return (
    <>
      <PageHeader
        title={t('nav.receivablesCollection')}
        subtitle={t('receivables.collection.subtitle')}
        extra={<ExportButton href={collectionExportUrl(state, i18n.language)} />}
      />
      <Card>
        <FilterBar>
          <Segmented<'month' | 'range'>
            value={range ? 'range' : 'month'}
            onChange={(v) =>
              change(
                v === 'month'
                  ? { from: undefined, to: undefined }
                  : { month: undefined, from: data?.from, to: data?.to },
              )
            }
            options={[
              { value: 'month', label: t('receivables.byMonth') },
              { value: 'range', label: t('receivables.byRange') },
            ]}
          />
          {range ? (
            <DatePicker.RangePicker
              id="collection-range"
              value={[state.from ? dayjs(state.from) : null, state.to ? dayjs(state.to) : null]}
              onChange={(v) =>
                change({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
              }
            />
          ) : (
            <DatePicker
              id="collection-month"
              picker="month"
              allowClear={false}
              value={dayjs(state.month ?? data?.from ?? undefined)}
              onChange={(d) => change({ month: d ? d.format('YYYY-MM') : undefined })}
            />
          )}
          <AsOfPicker value={state.asOf} onChange={(asOf) => change({ asOf })} />
          <Select
            id="collection-site"
            allowClear
            placeholder={t('receivables.allSites')}
            value={state.siteId}
            onChange={(siteId?: string) => change({ siteId })}
            options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            style={{ width: 180 }}
          />
        </FilterBar>
        {query.isError && !data ? (
          <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />
        ) : (
          <Table<CollectionRow>
            size="small"
            rowKey={(r) => `${r.month}/${r.siteId ?? '-'}`}
            columns={columns}
            dataSource={data?.items ?? []}
            loading={query.isFetching}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: minTableWidth(columns, 200) }}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('receivables.collection.empty')} />
              ),
            }}
            summary={() =>
              data && data.items.length > 0 ? (
                <TotalsRow
                  span={2}
                  label={t('receivables.total')}
                  cells={[
                    data.totals.lines,
                    <Money key="b" fen={data.totals.billedFen} strong />,
                    <Money key="c" fen={data.totals.collectedFen} strong />,
                    <Money key="w" fen={data.totals.creditedFen} strong />,
                    <Money key="o" fen={data.totals.outstandingFen} strong />,
                    <strong key="r">{ratePercent(data.totals.rate)}</strong>,
                  ]}
                />
              ) : null
            }
          />
        )}
      </Card>
    </>
  );
}
