import { Card, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATEMENT_STATUSES } from '../../../../common/schemas/statements.ts';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { CustomerPicker } from './CustomerPicker.tsx';
import { StatementsTable } from './StatementsTable.tsx';
import { paramsFromStatementFilters, statementFiltersFromParams } from './statementFormat.ts';
import { type StatementFilters, type StatementStatus, useStatements } from './statementsApi.ts';

/** One page of the statements the filters find; remounted (paging anew) whenever they change. */
function StatementsResults({ filters }: { filters: StatementFilters }) {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const query = useStatements(filters, paging.cursor);
  const filtered = !!(filters.status || filters.customerId);
  return (
    <StatementsTable
      query={query}
      paging={paging}
      emptyText={filtered ? t('statements.noMatch') : t('statements.empty')}
    />
  );
}

/** Every statement issued, newest first: which are still waiting for the customer and which are disputed. */
export function StatementsPage() {
  const { t, i18n } = useTranslation();
  const { state, change, key } = useUrlFilters(statementFiltersFromParams, paramsFromStatementFilters);
  return (
    <>
      <PageHeader title={t('nav.statements')} subtitle={t('statements.subtitle')} />
      <Card>
        <FilterBar>
          <Select<StatementStatus>
            id="statement-status"
            allowClear
            placeholder={t('statements.status')}
            value={state.status}
            onChange={(status) => change({ status })}
            options={STATEMENT_STATUSES.map((s) => ({ value: s, label: t(`statements.statuses.${s}`) }))}
            style={{ width: i18n.language === 'en' ? 140 : 120 }}
          />
          <div style={{ width: 280 }}>
            <CustomerPicker
              id="statement-customer"
              allowClear
              value={state.customerId}
              onChange={(customerId) => change({ customerId })}
            />
          </div>
        </FilterBar>
        <StatementsResults key={key} filters={state} />
      </Card>
    </>
  );
}
