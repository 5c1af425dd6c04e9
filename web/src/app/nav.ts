import { type Role, STAFF_ROLES } from '../../../common/roles.ts';

export interface NavEntry {
  path: string;
  /** Key under `nav.` in the locale files. */
  labelKey: string;
  /** Roles that may open the page; undefined means everyone signed in. */
  roles?: readonly Role[];
  /** Key under `nav.` of the menu group the entry is shown in. */
  group?: string;
}

/** Who handles money: records payments, reverses them and runs billing (R5.1). */
export const MONEY_HANDLERS: readonly Role[] = ['admin', 'finance'];
/** Who reads the receivables reports: aging, rent collection, other fees (R5.1.3, R5.2.2, R5.2.3). */
export const REPORT_READERS: readonly Role[] = ['admin', 'finance', 'management'];

export const NAV: readonly NavEntry[] = [
  { path: '/', labelKey: 'nav.home' },
  { path: '/notifications', labelKey: 'nav.notifications' },
  { path: '/customers', labelKey: 'nav.customers', roles: STAFF_ROLES, group: 'nav.customersGroup' },
  {
    path: '/customers/overview',
    labelKey: 'nav.customersOverview',
    roles: STAFF_ROLES,
    group: 'nav.customersGroup',
  },
  {
    path: '/imports',
    labelKey: 'nav.imports',
    roles: ['admin', 'business', 'finance'],
    group: 'nav.customersGroup',
  },
  { path: '/applications', labelKey: 'nav.applications', roles: STAFF_ROLES, group: 'nav.admission' },
  {
    path: '/applications/stats',
    labelKey: 'nav.applicationStats',
    roles: STAFF_ROLES,
    group: 'nav.admission',
  },
  { path: '/contracts', labelKey: 'nav.contracts', roles: STAFF_ROLES, group: 'nav.contractsGroup' },
  {
    path: '/contract-ledger',
    labelKey: 'nav.contractLedger',
    roles: STAFF_ROLES,
    group: 'nav.contractsGroup',
  },
  {
    path: '/contract-templates',
    labelKey: 'nav.contractTemplates',
    roles: STAFF_ROLES,
    group: 'nav.contractsGroup',
  },
  { path: '/bills', labelKey: 'nav.bills', roles: STAFF_ROLES, group: 'nav.financeGroup' },
  { path: '/payments', labelKey: 'nav.payments', roles: STAFF_ROLES, group: 'nav.financeGroup' },
  { path: '/billing', labelKey: 'nav.billingRun', roles: MONEY_HANDLERS, group: 'nav.financeGroup' },
  { path: '/statements', labelKey: 'nav.statements', roles: STAFF_ROLES, group: 'nav.financeGroup' },
  { path: '/invoices', labelKey: 'nav.invoices', roles: STAFF_ROLES, group: 'nav.financeGroup' },
  {
    path: '/charge-requests',
    labelKey: 'nav.chargeRequests',
    roles: STAFF_ROLES,
    group: 'nav.financeGroup',
  },
  {
    path: '/utilities/readings',
    labelKey: 'nav.utilityReadings',
    roles: STAFF_ROLES,
    group: 'nav.utilitiesGroup',
  },
  {
    path: '/utilities/meters',
    labelKey: 'nav.utilityMeters',
    roles: STAFF_ROLES,
    group: 'nav.utilitiesGroup',
  },
  { path: '/utilities/rates', labelKey: 'nav.utilityRates', roles: STAFF_ROLES, group: 'nav.utilitiesGroup' },
  {
    path: '/receivables/aging',
    labelKey: 'nav.receivablesAging',
    roles: REPORT_READERS,
    group: 'nav.receivablesGroup',
  },
  {
    path: '/receivables/collection',
    labelKey: 'nav.receivablesCollection',
    roles: REPORT_READERS,
    group: 'nav.receivablesGroup',
  },
  {
    path: '/receivables/fees',
    labelKey: 'nav.receivablesFees',
    roles: REPORT_READERS,
    group: 'nav.receivablesGroup',
  },
  { path: '/spaces/units', labelKey: 'nav.spacesUnits', roles: STAFF_ROLES, group: 'nav.spaces' },
  { path: '/spaces/floor-plan', labelKey: 'nav.spacesFloorPlan', roles: STAFF_ROLES, group: 'nav.spaces' },
  { path: '/spaces/sites', labelKey: 'nav.spacesSites', roles: STAFF_ROLES, group: 'nav.spaces' },
  { path: '/users', labelKey: 'nav.users', roles: ['admin'] },
  { path: '/settings/organization', labelKey: 'nav.organization', roles: ['admin'] },
  { path: '/audit', labelKey: 'nav.audit', roles: ['admin', 'management'] },
  { path: '/jobs', labelKey: 'nav.jobs', roles: ['admin'] },
  { path: '/outbox', labelKey: 'nav.outbox', roles: ['admin'] },
];

/** Who may write lease applications (the form pages, which have no menu entry of their own). */
export const APPLICATION_CREATORS: readonly Role[] = ['admin', 'business'];
/** Who may draft and change contracts (the form pages). */
export const CONTRACT_WRITERS: readonly Role[] = ['admin', 'business'];

/** The entries in menu order, those of a group gathered where the group's first entry stands. */
export function menuTree(
  entries: readonly NavEntry[],
): (NavEntry | { group: string; entries: NavEntry[] })[] {
  const tree: (NavEntry | { group: string; entries: NavEntry[] })[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      tree.push(entry);
      continue;
    }
    const node = tree.find((n) => 'entries' in n && n.group === entry.group);
    if (node && 'entries' in node) node.entries.push(entry);
    else tree.push({ group: entry.group, entries: [entry] });
  }
  return tree;
}

export function rolesFor(path: string): readonly Role[] | undefined {
  return NAV.find((entry) => entry.path === path)?.roles;
}

/** The menu entry a location belongs to: the longest entry path that starts it (`/users/1` → `/users`). */
export function navKeyFor(pathname: string): string {
  const matches = NAV.filter(
    (entry) => entry.path === '/' || pathname === entry.path || pathname.startsWith(`${entry.path}/`),
  );
  return matches.reduce((best, entry) => (entry.path.length > best.length ? entry.path : best), '/');
}
