import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHARGE_REQUEST_KINDS } from '../../../../common/billing/chargeRequest.ts';
import { FilterBar } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useCursorPages } from '../../components/useCursorPages.ts';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { CustomerPicker } from '../billing/CustomerPicker.tsx';
import { ChargeRequestsTable } from './ChargeRequestsTable.tsx';
import {
  CHARGE_VIEWS,
  type ChargeListState,
  type ChargeView,
  chargeFilters,
  chargeStateFromParams,
  paramsFromChargeState,
} from './chargeFormat.ts';
import { type ChargeRequestKind, useChargeRequests, useChargeRoles } from './chargesApi.ts';
import { OneOffChargeModal } from './OneOffChargeModal.tsx';

/** One page of the requests the filters find; remounted (paging anew) whenever they change. */
function ChargeRequestsResults({ state }: { state: ChargeListState }) {
  const { t } = useTranslation();
  const paging = useCursorPages();
  const query = useChargeRequests(chargeFilters(state), paging.cursor);
  const filtered = !!(state.kind || state.customerId);
  return (
    <ChargeRequestsTable
      query={query}
      paging={paging}
      showActions={state.view === 'pending' || state.view === 'all'}
      emptyText={
        filtered
          ? t('charges.noMatch')
          : state.view === 'pending'
            ? t('charges.emptyPending')
            : t('charges.empty')
      }
    />
  );
}

/**
 * Charges raised by hand (费用调整单): one-off charges and corrections of issued lines. Finance works the
 * waiting ones from here; everyone who raises them follows them here.
 */
export function ChargeRequestsPage() {
  const { t, i18n } = useTranslation();
  const roles = useChargeRoles();
  const [raising, setRaising] = useState(false);
  const { state, change, key } = useUrlFilters(chargeStateFromParams, paramsFromChargeState);
  return (
    <>
      <PageHeader
        title={t('nav.chargeRequests')}
        subtitle={t('charges.subtitle')}
        extra={
          roles.raise && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRaising(true)}
              data-testid="new-one-off"
            >
              {t('charges.oneOff.create')}
            </Button>
          )
        }
      />
      <Card>
        <FilterBar>
          <Segmented<ChargeView>
            value={state.view}
            onChange={(view) => change({ view })}
            options={CHARGE_VIEWS.map((v) => ({
              value: v,
              label: <span data-testid={`charge-view-${v}`}>{t(`charges.views.${v}`)}</span>,
            }))}
          />
          <Select<ChargeRequestKind>
            id="charge-kind"
            allowClear
            placeholder={t('charges.kind')}
            value={state.kind}
            onChange={(kind) => change({ kind })}
            options={CHARGE_REQUEST_KINDS.map((k) => ({ value: k, label: t(`charges.kinds.${k}`) }))}
            style={{ width: i18n.language === 'en' ? 150 : 130 }}
          />
          <div style={{ width: 260 }}>
            <CustomerPicker
              id="charge-customer"
              allowClear
              value={state.customerId}
              onChange={(customerId) => change({ customerId })}
            />
          </div>
        </FilterBar>
        <ChargeRequestsResults key={key} state={state} />
      </Card>
      {raising && <OneOffChargeModal onClose={() => setRaising(false)} />}
    </>
  );
}
