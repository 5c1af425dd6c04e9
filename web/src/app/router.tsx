import { type ComponentType, lazy, type ReactNode, Suspense, useEffect } from 'react';
import { Outlet, type RouteObject, useNavigate } from 'react-router';
import type { Role } from '../../../common/roles.ts';
import { PageFallback } from '../components/PageFallback.tsx';
import { NotFound } from '../components/StatusResult.tsx';
import { setUnauthorizedHandler } from './api.ts';
import { APPLICATION_CREATORS, CONTRACT_WRITERS, rolesFor } from './nav.ts';
import { RequireRoles } from './RequireRoles.tsx';

function named<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AppLayout = named(() => import('./AppLayout.tsx'), 'AppLayout');
const LoginPage = named(() => import('../features/auth/LoginPage.tsx'), 'LoginPage');
const HomePage = named(() => import('../features/home/HomePage.tsx'), 'HomePage');
const UsersPage = named(() => import('../features/users/UsersPage.tsx'), 'UsersPage');
const AuditPage = named(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const JobsPage = named(() => import('../features/jobs/JobsPage.tsx'), 'JobsPage');
const NotificationsPage = named(
  () => import('../features/notifications/NotificationsPage.tsx'),
  'NotificationsPage',
);
const OrganizationPage = named(
  () => import('../features/organization/OrganizationPage.tsx'),
  'OrganizationPage',
);
const OutboxPage = named(() => import('../features/outbox/OutboxPage.tsx'), 'OutboxPage');
const UnitsPage = named(() => import('../features/spaces/UnitsPage.tsx'), 'UnitsPage');
const FloorPlanPage = named(() => import('../features/spaces/FloorPlanPage.tsx'), 'FloorPlanPage');
const SitesPage = named(() => import('../features/spaces/SitesPage.tsx'), 'SitesPage');
const CustomersPage = named(() => import('../features/customers/CustomersPage.tsx'), 'CustomersPage');
const CustomerPage = named(() => import('../features/customers/CustomerPage.tsx'), 'CustomerPage');
const CustomersOverviewPage = named(
  () => import('../features/reports/CustomersOverviewPage.tsx'),
  'CustomersOverviewPage',
);
const ImportPage = named(() => import('../features/imports/ImportPage.tsx'), 'ImportPage');
const ApplicationsPage = named(
  () => import('../features/applications/ApplicationsPage.tsx'),
  'ApplicationsPage',
);
const ApplicationPage = named(
  () => import('../features/applications/ApplicationPage.tsx'),
  'ApplicationPage',
);
const ApplicationFormPage = named(
  () => import('../features/applications/ApplicationFormPage.tsx'),
  'ApplicationFormPage',
);
const ApplicationStatsPage = named(
  () => import('../features/applications/ApplicationStatsPage.tsx'),
  'ApplicationStatsPage',
);

const ContractsPage = named(() => import('../features/contracts/ContractsPage.tsx'), 'ContractsPage');
const ContractPage = named(() => import('../features/contracts/ContractPage.tsx'), 'ContractPage');
const ContractFormPage = named(
  () => import('../features/contracts/ContractFormPage.tsx'),
  'ContractFormPage',
);
const LedgerPage = named(() => import('../features/contracts/LedgerPage.tsx'), 'LedgerPage');
const TemplatesPage = named(() => import('../features/contracts/TemplatesPage.tsx'), 'TemplatesPage');

const BillsPage = named(() => import('../features/billing/BillsPage.tsx'), 'BillsPage');
const BillPage = named(() => import('../features/billing/BillPage.tsx'), 'BillPage');
const PaymentsPage = named(() => import('../features/billing/PaymentsPage.tsx'), 'PaymentsPage');
const PaymentPage = named(() => import('../features/billing/PaymentPage.tsx'), 'PaymentPage');
const BillingRunPage = named(() => import('../features/billing/BillingRunPage.tsx'), 'BillingRunPage');
const StatementsPage = named(() => import('../features/billing/StatementsPage.tsx'), 'StatementsPage');
const StatementPage = named(() => import('../features/billing/StatementPage.tsx'), 'StatementPage');
const InvoicesPage = named(() => import('../features/invoices/InvoicesPage.tsx'), 'InvoicesPage');
const ChargeRequestsPage = named(
  () => import('../features/charges/ChargeRequestsPage.tsx'),
  'ChargeRequestsPage',
);
const MetersPage = named(() => import('../features/utilities/MetersPage.tsx'), 'MetersPage');
const ReadingsPage = named(() => import('../features/utilities/ReadingsPage.tsx'), 'ReadingsPage');
const RatesPage = named(() => import('../features/utilities/RatesPage.tsx'), 'RatesPage');
const AgingPage = named(() => import('../features/receivables/AgingPage.tsx'), 'AgingPage');
const CollectionPage = named(() => import('../features/receivables/CollectionPage.tsx'), 'CollectionPage');
const FeesPage = named(() => import('../features/receivables/FeesPage.tsx'), 'FeesPage');

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageFallback />}>{children}</Suspense>;
}

/** Sends the user to the login page, remembering where they were, whenever the API says 401. */
function SessionGuard() {
  const navigate = useNavigate();

  useEffect(() => {
    setUnauthorizedHandler(() => {
      const { pathname, search } = window.location;
      if (pathname === '/login') return;
      navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);

  return <Outlet />;
}

/** A page for the roles of a menu entry (`/users`), or for roles named here when it has no entry. */
function guarded(path: string | readonly Role[], page: ReactNode) {
  return (
    <RequireRoles roles={typeof path === 'string' ? rolesFor(path) : path}>
      <Lazy>{page}</Lazy>
    </RequireRoles>
  );
}

export const routes: RouteObject[] = [
  {
    element: <SessionGuard />,
    children: [
      {
        path: '/login',
        element: (
          <Lazy>
            <LoginPage />
          </Lazy>
        ),
      },
      {
        path: '/',
        element: (
          <Lazy>
            <AppLayout />
          </Lazy>
        ),
        children: [
          { index: true, element: guarded('/', <HomePage />) },
          { path: 'users', element: guarded('/users', <UsersPage />) },
          { path: 'audit', element: guarded('/audit', <AuditPage />) },
          { path: 'jobs', element: guarded('/jobs', <JobsPage />) },
          { path: 'notifications', element: guarded('/notifications', <NotificationsPage />) },
          {
            path: 'settings/organization',
            element: guarded('/settings/organization', <OrganizationPage />),
          },
          { path: 'outbox', element: guarded('/outbox', <OutboxPage />) },
          { path: 'spaces/units', element: guarded('/spaces/units', <UnitsPage />) },
          { path: 'spaces/floor-plan', element: guarded('/spaces/floor-plan', <FloorPlanPage />) },
          { path: 'spaces/sites', element: guarded('/spaces/sites', <SitesPage />) },
          { path: 'customers', element: guarded('/customers', <CustomersPage />) },
          {
            path: 'customers/overview',
            element: guarded('/customers/overview', <CustomersOverviewPage />),
          },
          { path: 'customers/:id', element: guarded('/customers', <CustomerPage />) },
          { path: 'imports', element: guarded('/imports', <ImportPage />) },
          { path: 'applications', element: guarded('/applications', <ApplicationsPage />) },
          {
            path: 'applications/new',
            element: guarded(APPLICATION_CREATORS, <ApplicationFormPage />),
          },
          {
            path: 'applications/stats',
            element: guarded('/applications/stats', <ApplicationStatsPage />),
          },
          { path: 'applications/:id', element: guarded('/applications', <ApplicationPage />) },
          {
            path: 'applications/:id/edit',
            element: guarded(APPLICATION_CREATORS, <ApplicationFormPage />),
          },
          { path: 'contracts', element: guarded('/contracts', <ContractsPage />) },
          { path: 'contracts/new', element: guarded(CONTRACT_WRITERS, <ContractFormPage />) },
          { path: 'contracts/:id', element: guarded('/contracts', <ContractPage />) },
          { path: 'contracts/:id/edit', element: guarded(CONTRACT_WRITERS, <ContractFormPage />) },
          { path: 'contract-ledger', element: guarded('/contract-ledger', <LedgerPage />) },
          { path: 'contract-templates', element: guarded('/contract-templates', <TemplatesPage />) },
          { path: 'bills', element: guarded('/bills', <BillsPage />) },
          { path: 'bills/:id', element: guarded('/bills', <BillPage />) },
          { path: 'payments', element: guarded('/payments', <PaymentsPage />) },
          { path: 'payments/:id', element: guarded('/payments', <PaymentPage />) },
          { path: 'billing', element: guarded('/billing', <BillingRunPage />) },
          { path: 'statements', element: guarded('/statements', <StatementsPage />) },
          { path: 'statements/:id', element: guarded('/statements', <StatementPage />) },
          { path: 'invoices', element: guarded('/invoices', <InvoicesPage />) },
          { path: 'charge-requests', element: guarded('/charge-requests', <ChargeRequestsPage />) },
          { path: 'utilities/meters', element: guarded('/utilities/meters', <MetersPage />) },
          { path: 'utilities/readings', element: guarded('/utilities/readings', <ReadingsPage />) },
          { path: 'utilities/rates', element: guarded('/utilities/rates', <RatesPage />) },
          { path: 'receivables/aging', element: guarded('/receivables/aging', <AgingPage />) },
          {
            path: 'receivables/collection',
            element: guarded('/receivables/collection', <CollectionPage />),
          },
          { path: 'receivables/fees', element: guarded('/receivables/fees', <FeesPage />) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];
