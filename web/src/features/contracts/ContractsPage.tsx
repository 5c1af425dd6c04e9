import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CONTRACT_STATUSES } from '../../../../common/contracts/machine.ts';
import { todayIn } from '../../../../common/dates.ts';
import { useUser } from '../../app/session.tsx';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { SearchBox } from '../../components/SearchBox.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { ContractsTable } from './ContractsTable.tsx';
import {
  type ContractFilterState,
  EXPIRING_CHOICES,
  type ExpiringWithin,
  filtersFromParams,
  isFiltered,
  paramsFromFilters,
  toContractFilters,
} from './contractFilters.ts';
import { CONTRACTS, type ContractStatus, listContracts, useContractRoles } from './contractsApi.ts';

/** The contract list's filters, in the address (the dashboard links to filtered lists). */
export const useContractFilterParams = () => useUrlFilters(filtersFromParams, paramsFromFilters);

/** Search, status and the two toggles leasing staff watch: ending soon, and staying on past the end. */
export function ContractFilterBar({
  value,
  onChange,
}: {
  value: ContractFilterState;
  onChange: (change: Partial<ContractFilterState>) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <FilterBar>
      <SearchBox
        id="contract-search"
        placeholder={t('contracts.searchPlaceholder')}
        value={value.q}
        onSearch={(q) => onChange({ q })}
      />
      <Select<ContractStatus>
        allowClear
        placeholder={t('contracts.status')}
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contracts.statuses.${s}`) }))}
        style={{ width: 130 }}
      />
      <Select<ExpiringWithin>
        id="contract-expiring"
        allowClear
        placeholder={t('contracts.expiringPlaceholder')}
        value={value.expiring}
        onChange={(expiring) => onChange({ expiring })}
        options={EXPIRING_CHOICES.map((days) => ({
          value: days,
          label: t('contracts.expiringToggle', { days }),
        }))}
        style={{ width: i18n.language === 'en' ? 200 : 150 }}
      />
      <Checkbox checked={!!value.holdingOver} onChange={(e) => onChange({ holdingOver: e.target.checked })}>
        {t('contracts.holdingOverToggle')}
      </Checkbox>
    </FilterBar>
  );
}

/** One page of the contracts the filters find; remounted (paging anew) whenever they change. */
function ContractsResults({ state }: { state: ContractFilterState }) {
  const { t } = useTranslation();
  const today = todayIn(useUser().org.timeZone);
  const paging = useCursorPages();
  const filters = toContractFilters(state, today);
  const query = useQuery({
    queryKey: [CONTRACTS, 'list', filters, paging.cursor],
    queryFn: () => listContracts(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });
  return (
    <ContractsTable
      query={query}
      paging={paging}
      emptyText={isFiltered(state) ? t('contracts.noMatch') : t('contracts.empty')}
    />
  );
}

/** Every contract, filtered by state, a search and the expiry filters. */
export function ContractsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { admin } = useContractRoles();
  const { state, change, key } = useContractFilterParams();

  return (
    <>
      <PageHeader
        title={t('nav.contracts')}
        subtitle={t('contracts.subtitle')}
        extra={
          admin && (
            <Button icon={<PlusOutlined />} onClick={() => navigate('/contracts/new')}>
              {t('contracts.createWithoutApplication')}
            </Button>
          )
        }
      />
      <Card>
        <ContractFilterBar value={state} onChange={change} />
        <ContractsResults key={key} state={state} />
      </Card>
    </>
  );
}
