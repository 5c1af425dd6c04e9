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
  { path: '/users', labelKey: 'nav.users', roles: ['admin'] },
  { path: '/audit', labelKey: 'nav.audit', roles: ['admin', 'management'] },
  { path: '/jobs', labelKey: 'nav.jobs', roles: ['admin'] },
];

export function rolesFor(path: string): readonly Role[] | undefined {
  return NAV.find((entry) => entry.path === path)?.roles;
}
