import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useUrlFilters } from '../../components/useUrlFilters.ts';
import { IssuedInvoicesTab } from './IssuedInvoicesTab.tsx';
import { type InvoiceTab, invoicesStateFromParams, paramsFromInvoicesState } from './invoiceFormat.ts';
import { PendingLinesTab } from './PendingLinesTab.tsx';

/**
 * Invoices (发票): the tax system issues them; finance exports what the invoicing tool needs from the lines
 * still to invoice, records each invoice issued against its lines, and voids one when it is cancelled.
 */
export function InvoicesPage() {
  const { t } = useTranslation();
  const { state, change } = useUrlFilters(invoicesStateFromParams, paramsFromInvoicesState);
  return (
    <>
      <PageHeader title={t('nav.invoices')} subtitle={t('invoices.subtitle')} />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={state.tab}
          onChange={(tab) => change({ tab: tab as InvoiceTab })}
          items={[
            {
              key: 'pending',
              label: <span data-testid="invoices-tab-pending">{t('invoices.tabs.pending')}</span>,
              children: <PendingLinesTab state={state} change={change} />,
            },
            {
              key: 'issued',
              label: <span data-testid="invoices-tab-issued">{t('invoices.tabs.issued')}</span>,
              children: <IssuedInvoicesTab state={state} change={change} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
