import type { Role } from '../../../common/roles.ts';

export interface NavEntry {
  path: string;
  /** Key under `nav.` in the locale files. */
  labelKey: string;
  /** Roles that may open the page; undefined means everyone signed in. */
  roles?: readonly Role[];
}

export const NAV: readonly NavEntry[] = [
  { path: '/', labelKey: 'nav.home' },
  { path: '/notifications', labelKey: 'nav.notifications' },
  { path: '/users', labelKey: 'nav.users', roles: ['admin'] },
  { path: '/settings/organization', labelKey: 'nav.organization', roles: ['admin'] },
  { path: '/audit', labelKey: 'nav.audit', roles: ['admin', 'management'] },
  { path: '/jobs', labelKey: 'nav.jobs', roles: ['admin'] },
  { path: '/outbox', labelKey: 'nav.outbox', roles: ['admin'] },
];

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
