import { isStaffRole, type Role } from '../../../common/roles.ts';
import { AppError } from '../../platform/errors.ts';

/** Portal users hold `customer` alone: a login is either staff or a customer's, never both. */
export function checkRoleSet(roles: readonly Role[]): Role[] {
  const unique = [...new Set(roles)];
  if (unique.includes('customer') && unique.some(isStaffRole)) {
    throw new AppError('USER_CUSTOMER_ROLE_EXCLUSIVE', {}, 'roles');
  }
  return unique;
}

/** Whether a change takes an active admin away (demotion or deactivation). */
export function removesAdmin(
  before: { roles: readonly string[]; active: boolean },
  after: { roles: readonly string[]; active: boolean },
): boolean {
  const wasAdmin = before.active && before.roles.includes('admin');
  const isAdmin = after.active && after.roles.includes('admin');
  return wasAdmin && !isAdmin;
}
