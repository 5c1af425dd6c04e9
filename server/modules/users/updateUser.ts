import type { z } from 'zod';
import type { updateUserBody } from '../../../common/schemas/users.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { checkRoleSet, removesAdmin } from './policy.ts';
import { auditSnapshot } from './present.ts';
import { countActiveAdmins, findUser, type UserRow, updateUserRow } from './repo.ts';

export type UpdateUserInput = z.output<typeof updateUserBody>;

export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<UserRow> {
  const before = await findUser(ctx.tx, id);
  if (!before) throw notFound('user');
  const roles = input.roles ? checkRoleSet(input.roles) : before.roles;
  const active = input.active ?? before.active;
  if (id === ctx.actor.id && !active) throw new AppError('USER_CANNOT_DEACTIVATE_SELF', {}, 'active');
  if (removesAdmin(before, { roles, active }) && (await countActiveAdmins(ctx.tx)) <= 1) {
    throw new AppError('USER_LAST_ADMIN', {}, input.active === false ? 'active' : 'roles');
  }
  const after = await updateUserRow(ctx.tx, id, {
    displayName: input.displayName,
    email: input.email,
    phone: input.phone,
    roles,
    active,
  });
  // A deactivated user is signed out everywhere at once; so is one whose roles shrank.
  const lostRole = before.roles.some((r) => !roles.includes(r));
  if (!active || lostRole) await revokeUserSessions(ctx.tx, id);
  const action =
    before.active && !active
      ? 'user.deactivate'
      : !before.active && active
        ? 'user.reactivate'
        : 'user.update';
  await recordAudit(ctx, {
    entityType: 'user',
    entityId: id,
    action,
    before: auditSnapshot(before),
    after: auditSnapshot(after),
  });
  return after;
}
