import type { Role } from '../../../common/roles.ts';
import type { UserView } from '../../../common/schemas/users.ts';
import { toIso } from '../../platform/db/database.ts';
import type { UserRow } from './repo.ts';

export const presentUser = (u: UserRow): UserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  phone: u.phone,
  roles: u.roles as Role[],
  active: u.active,
  lastLoginAt: toIso(u.lastLoginAt),
  createdAt: toIso(u.createdAt)!,
});

/** What the audit trail keeps of a user: never the password hash. */
export const auditSnapshot = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  email: u.email,
  phone: u.phone,
  roles: u.roles,
  active: u.active,
});
