import { describe, expect, it } from 'vitest';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { MONEY_HANDLERS, menuTree, NAV, navKeyFor, rolesFor } from './nav.ts';

describe('navKeyFor', () => {
  it('selects the entry of the page and of pages below it', () => {
    expect(navKeyFor('/')).toBe('/');
    expect(navKeyFor('/users')).toBe('/users');
    expect(navKeyFor('/users/42')).toBe('/users');
    expect(navKeyFor('/settings/organization')).toBe('/settings/organization');
  });

  it('does not confuse entries sharing a prefix, and falls back to home', () => {
    expect(navKeyFor('/usersettings')).toBe('/');
    expect(navKeyFor('/nowhere')).toBe('/');
  });
});

describe('rolesFor', () => {
  it('keeps administration to administrators and lets everyone see notifications', () => {
    expect(rolesFor('/settings/organization')).toEqual(['admin']);
    expect(rolesFor('/outbox')).toEqual(['admin']);
    expect(rolesFor('/notifications')).toBeUndefined();
    expect(NAV.map((entry) => entry.path)).toContain('/notifications');
  });
});

describe('menuTree', () => {
  it('gathers the entries of a group where its first entry stands, in order', () => {
    const tree = menuTree([
      { path: '/', labelKey: 'nav.home' },
      { path: '/a', labelKey: 'nav.a', group: 'nav.g' },
      { path: '/x', labelKey: 'nav.x' },
      { path: '/b', labelKey: 'nav.b', group: 'nav.g' },
    ]);
    expect(tree.map((n) => ('entries' in n ? `${n.group}:${n.entries.map((e) => e.path)}` : n.path))).toEqual(
      ['/', 'nav.g:/a,/b', '/x'],
    );
  });

  it('puts the spaces pages in one group that every staff role may open', () => {
    const spaces = NAV.filter((entry) => entry.group === 'nav.spaces');
    expect(spaces.map((entry) => entry.path)).toEqual([
      '/spaces/units',
      '/spaces/floor-plan',
      '/spaces/sites',
    ]);
    for (const entry of spaces) expect(entry.roles).not.toContain('customer');
    expect(rolesFor('/spaces/floor-plan')).toContain('service');
  });

  it('lets every staff role, and no customer, open the customers and their 360° pages', () => {
    expect(rolesFor('/customers')).toEqual(STAFF_ROLES);
    expect(NAV.find((entry) => entry.path === '/customers')?.group).toBe('nav.customersGroup');
    expect(navKeyFor('/customers/0190a0b0-0000-7000-8000-000000000001')).toBe('/customers');
  });
});

describe('admission entries', () => {
  it('groups the applications list and its statistics for every staff role, and no customer', () => {
    const admission = NAV.filter((entry) => entry.group === 'nav.admission');
    expect(admission.map((entry) => entry.path)).toEqual(['/applications', '/applications/stats']);
    for (const entry of admission) expect(entry.roles).toEqual(STAFF_ROLES);
  });

  it('keeps an application page under the list and the statistics under their own entry', () => {
    expect(navKeyFor('/applications/0190a0b0-0000-7000-8000-000000000001')).toBe('/applications');
    expect(navKeyFor('/applications/new')).toBe('/applications');
    expect(navKeyFor('/applications/stats')).toBe('/applications/stats');
  });
});

describe('contract entries', () => {
  it('groups the contract list, the ledger and the templates for every staff role, and no customer', () => {
    const group = NAV.filter((entry) => entry.group === 'nav.contractsGroup');
    expect(group.map((entry) => entry.path)).toEqual([
      '/contracts',
      '/contract-ledger',
      '/contract-templates',
    ]);
    for (const entry of group) expect(entry.roles).toEqual(STAFF_ROLES);
  });

  it('keeps a contract, its form and the ledger under their own entries', () => {
    expect(navKeyFor('/contracts/0190a0b0-0000-7000-8000-000000000001')).toBe('/contracts');
    expect(navKeyFor('/contracts/new')).toBe('/contracts');
    expect(navKeyFor('/contract-ledger')).toBe('/contract-ledger');
  });
});

describe('finance entries', () => {
  it('shows bills and payments to every staff role, and the billing run only to finance and administrators', () => {
    const group = NAV.filter((entry) => entry.group === 'nav.financeGroup');
    // The group's first entries; later issues add theirs after them.
    expect(group.slice(0, 3).map((entry) => entry.path)).toEqual(['/bills', '/payments', '/billing']);
    expect(rolesFor('/bills')).toEqual(STAFF_ROLES);
    expect(rolesFor('/payments')).toEqual(STAFF_ROLES);
    expect(rolesFor('/billing')).toEqual(MONEY_HANDLERS);
    expect(MONEY_HANDLERS).toEqual(['admin', 'finance']);
  });

  it('shows the receivables reports to finance, management and administrators', () => {
    const paths = ['/receivables/aging', '/receivables/collection', '/receivables/fees'];
    for (const path of paths) {
      expect(NAV.find((entry) => entry.path === path)?.group).toBe('nav.receivablesGroup');
      expect(rolesFor(path)).toEqual(['admin', 'finance', 'management']);
    }
  });

  it('keeps a bill under the bills, a payment under the payments, and the run apart from both', () => {
    expect(navKeyFor('/bills/0190a0b0-0000-7000-8000-000000000001')).toBe('/bills');
    expect(navKeyFor('/payments/0190a0b0-0000-7000-8000-000000000001')).toBe('/payments');
    expect(navKeyFor('/billing')).toBe('/billing');
  });
});

describe('statement entries', () => {
  it('lists the statements in the finance group for every staff role, a statement under its list', () => {
    expect(NAV.find((entry) => entry.path === '/statements')?.group).toBe('nav.financeGroup');
    expect(rolesFor('/statements')).toEqual(STAFF_ROLES);
    expect(navKeyFor('/statements/0190a0b0-0000-7000-8000-000000000001')).toBe('/statements');
  });
});

describe('invoice entries', () => {
  it('lists the invoices right after the statements, for every staff role, in the finance group', () => {
    const group = NAV.filter((entry) => entry.group === 'nav.financeGroup').map((entry) => entry.path);
    expect(group.indexOf('/invoices')).toBe(group.indexOf('/statements') + 1);
    expect(rolesFor('/invoices')).toEqual(STAFF_ROLES);
    expect(navKeyFor('/invoices')).toBe('/invoices');
  });
});

describe('charge request entries', () => {
  it('lists the charges raised by hand after the statements and invoices, for every staff role', () => {
    const group = NAV.filter((entry) => entry.group === 'nav.financeGroup').map((entry) => entry.path);
    expect(group.indexOf('/charge-requests')).toBe(group.indexOf('/invoices') + 1);
    expect(rolesFor('/charge-requests')).toEqual(STAFF_ROLES);
    expect(navKeyFor('/charge-requests')).toBe('/charge-requests');
  });
});
