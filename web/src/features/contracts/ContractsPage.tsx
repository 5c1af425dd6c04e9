import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CONTRACT_STATUSES } from '../../../../common/contracts/machine.ts';
import { addDays, todayIn } from '../../../../common/dates.ts';
import { useUser } from '../../app/session.tsx';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { ContractsTable } from './ContractsTable.tsx';
import {
  CONTRACTS,
  type ContractFilters,
  type ContractStatus,
  listContracts,
  useContractRoles,
} from './contractsApi.ts';
import { EXPIRING_WITHIN_DAYS } from './contractsFormat.ts';

/** The filters as the bar holds them; "expiring" becomes a date in the organization's calendar. */
export interface ContractFilterState {
  status?: ContractStatus;
  q?: string;
  expiring?: boolean;
  holdingOver?: boolean;
}

export function toContractFilters(state: ContractFilterState, today: string): ContractFilters {
  return {
    status: state.status,
    q: state.q,
    expiringBefore: state.expiring ? addDays(today, EXPIRING_WITHIN_DAYS) : undefined,
    holdingOver: state.holdingOver ? 'true' : undefined,
  };
}

/** Search, status and the two toggles leasing staff watch: ending soon, and staying on past the end. */
export function ContractFilterBar({
  value,
  onChange,
}: {
  value: ContractFilterState;
  onChange: (change: Partial<ContractFilterState>) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value.q ?? '');
  return (
    <FilterBar>
      <Input.Search
        id="contract-search"
        allowClear
        placeholder={t('contracts.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        style={{ width: 260 }}
      />
      <Select<ContractStatus>
        allowClear
        placeholder={t('contracts.status')}
        value={value.status}
        onChange={(status) => onChange({ status })}
        options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contracts.statuses.${s}`) }))}
        style={{ width: 130 }}
      />
      <Checkbox checked={!!value.expiring} onChange={(e) => onChange({ expiring: e.target.checked })}>
        {t('contracts.expiringToggle', { days: EXPIRING_WITHIN_DAYS })}
      </Checkbox>
      <Checkbox checked={!!value.holdingOver} onChange={(e) => onChange({ holdingOver: e.target.checked })}>
        {t('contracts.holdingOverToggle')}
      </Checkbox>
    </FilterBar>
  );
}

/** Every contract, filtered by state, a search and the expiry toggles. */
export function ContractsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = todayIn(useUser().org.timeZone);
  const { admin } = useContractRoles();
  const [state, setState] = useState<ContractFilterState>({});
  const paging = useCursorPages();
  const filters = toContractFilters(state, today);
  const query = useQuery({
    queryKey: [CONTRACTS, 'list', filters, paging.cursor],
    queryFn: () => listContracts(filters, paging.cursor),
    placeholderData: keepPreviousData,
  });
  const filtered = Object.values(state).some(Boolean);

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
        <ContractFilterBar
          value={state}
          onChange={(change) => {
            setState((s) => ({ ...s, ...change }));
            paging.reset();
          }}
        />
        <ContractsTable
          query={query}
          paging={paging}
          emptyText={filtered ? t('contracts.noMatch') : t('contracts.empty')}
        />
      </Card>
    </>
  );
}
