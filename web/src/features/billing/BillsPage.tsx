import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Checkbox, DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { BILL_STATUSES } from '../../../../common/schemas/billing.ts';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { BillsTable } from './BillsTable.tsx';
import {
  type BillFilterState,
  billFiltersFromParams,
  isBillFiltered,
  paramsFromBillFilters,
  toBillFilters,
} from './billFilters.ts';
import { BILLING, type BillStatus, listBills } from './billingApi.ts';
import { RecordPaymentButton } from './RecordPaymentModal.tsx';

/** Search, state, "unpaid only" and "due before": what finance looks for when chasing money. */
function BillFilterBar({
  value,
  onChange,
}: {
  value: BillFilterState;
  onChange: (change: Partial<BillFilterState>) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <FilterBar>
      <SearchBox
        id="bill-search"
        placeholder={t('billing.searchPlaceholder')}
        value={value.q}
        onSearch={(q) => onChange({ q })}
      />
      <Select<BillStatus>
        id="bill-status"
        allowClear
        placeholder={t('billing.status')}
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={BILL_STATUSES.map((s) => ({ value: s, label: t(`billing.statuses.${s}`) }))}
        style={{ width: i18n.language === 'en' ? 150 : 120 }}
      />
      <DatePicker
        id="bill-due-before"
        placeholder={t('billing.dueBefore')}
        value={value.dueBefore ? dayjs(value.dueBefore) : null}
        onChange={(d) => onChange({ dueBefore: d ? d.format('YYYY-MM-DD') : undefined })}
        style={{ width: 150 }}
      />
      <Checkbox
        id="bill-unpaid"
        checked={!!value.unpaid}
        onChange={(e) => onChange({ unpaid: e.target.checked })}
      >
        {t('billing.unpaidOnly')}
      </Checkbox>
    </FilterBar>
  );
}

/** One page of the bills the filters find; remounted (paging anew) whenever they change. */
function BillsResults({ state }: { state: BillFilterState }) {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const filters = toBillFilters(state);
  const query = useQuery({
    queryKey: [BILLING, 'bills', filters, paging.cursor],
    queryFn: () => listBills(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <BillsTable
      query={query}
      paging={paging}
      emptyText={isBillFiltered(state) ? t('billing.noMatch') : t('billing.empty')}
    />
  );
}

/** Every bill issued, newest due first, filtered in the address. */
export function BillsPage() {
  const { t } = useTranslation();
  const { state, change, key } = useUrlFilters(billFiltersFromParams, paramsFromBillFilters);
  return (
    <>
      <PageHeader title={t('nav.bills')} subtitle={t('billing.subtitle')} extra={<RecordPaymentButton />} />
      <Card>
        <BillFilterBar value={state} onChange={change} />
        <BillsResults key={key} state={state} />
      </Card>
    </>
  );
}
