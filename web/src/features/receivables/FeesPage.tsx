import { Card, DatePicker, Empty, Select, Table, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FEE_TYPES } from '../../../../common/schemas/billingReports.ts';
import { FilterBar, minTableWidth } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { type FeeFilters, type FeeRow, feesExportUrl, useFees } from './receivablesApi.ts';
import { AsOfPicker, ExportButton, Money, moneyColumn, TotalsRow } from './reportParts.tsx';

const read = (p: URLSearchParams): FeeFilters => ({
  from: p.get('from') || undefined,
  to: p.get('to') || undefined,
  asOf: p.get('asOf') || undefined,
  chargeType: p.get('chargeType') || undefined,
});
function write(f: FeeFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return p;
}

function useColumns(): TableColumnsType<FeeRow> {
  const { t } = useTranslation();
  return [
    {
      key: 'type',
      title: t('receivables.fees.type'),
      dataIndex: 'chargeType',
      render: (type: string) => t(`billing.chargeTypes.${type}`),
    },
    { key: 'month', title: t('receivables.month'), dataIndex: 'month', width: 90 },
    { key: 'lines', title: t('receivables.lines'), dataIndex: 'lines', width: 80, align: 'right' },
    moneyColumn<FeeRow>('incurredFen', t('receivables.fees.incurred'), 140),
    moneyColumn<FeeRow>('collectedFen', t('receivables.fees.collected'), 140),
    moneyColumn<FeeRow>('creditedFen', t('receivables.fees.credited'), 140),
    moneyColumn<FeeRow>('outstandingFen', t('receivables.fees.outstanding'), 140),
  ];
}

/** R5.1.3: fees other than rent by type and month of the due date: incurred, collected, outstanding. */
export function FeesPage() {
  const { t, i18n } = useTranslation();
  const { state, change } = useUrlFilters(read, write);
  const query = useFees(state);
  const columns = useColumns();
  const data = query.data;
  return (
    <>
      <PageHeader
        title={t('nav.receivablesFees')}
        subtitle={t('receivables.fees.subtitle')}
        extra={<ExportButton href={feesExportUrl(state, i18n.language)} />}
      />
      <Card>
        <FilterBar>
          <DatePicker.RangePicker
            id="fees-months"
            picker="month"
            allowClear={false}
            value={data ? [dayjs(state.from ?? data.from), dayjs(state.to ?? data.to)] : null}
            onChange={(v) => change({ from: v?.[0]?.format('YYYY-MM'), to: v?.[1]?.format('YYYY-MM') })}
          />
          <AsOfPicker value={state.asOf} onChange={(asOf) => change({ asOf })} />
          <Select
            id="fees-type"
            allowClear
            placeholder={t('receivables.fees.allTypes')}
            value={state.chargeType}
            onChange={(chargeType?: string) => change({ chargeType })}
            options={FEE_TYPES.map((type) => ({ value: type, label: t(`billing.chargeTypes.${type}`) }))}
            style={{ width: 160 }}
          />
        </FilterBar>
        {query.isError && !data ? (
          <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />
        ) : (
          <Table<FeeRow>
            size="small"
            rowKey={(r) => `${r.chargeType}/${r.month}`}
            columns={columns}
            dataSource={data?.items ?? []}
            loading={query.isFetching}
            pagination={false}
            tableLayout="fixed"
            scroll={{ x: minTableWidth(columns, 160) }}
            locale={{
              emptyText: (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('receivables.fees.empty')} />
              ),
            }}
            summary={() =>
              data && data.items.length > 0 ? (
                <TotalsRow
                  span={2}
                  label={t('receivables.total')}
                  cells={[
                    data.totals.lines,
                    <Money key="i" fen={data.totals.incurredFen} strong />,
                    <Money key="c" fen={data.totals.collectedFen} strong />,
                    <Money key="w" fen={data.totals.creditedFen} strong />,
                    <Money key="o" fen={data.totals.outstandingFen} strong />,
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
