import type { z } from 'zod';
import type { createUserBody } from '../../../common/schemas/users.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import type { Ctx } from '../../platform/context.ts';
import { pgError } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueMail } from '../../platform/mail/enqueue.ts';
import { findOwnOrganization } from '../orgs/index.ts';
import { checkRoleSet } from './policy.ts';
import { auditSnapshot } from './present.ts';
import { insertUser, type UserRow } from './repo.ts';
import { welcomeMail } from './welcomeMail.ts';

export type CreateUserInput = z.output<typeof createUserBody>;

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserRow> {
  const roles = checkRoleSet(input.roles);
  const passwordHash = await hashPassword(input.password);
  let user: UserRow;
  try {
    // A savepoint keeps the outer transaction usable when the unique index refuses the username.
    user = await ctx.tx.transaction((sp) =>
      insertUser(sp, {
        id: newId(),
        orgId: ctx.orgId,
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        roles,
        passwordHash,
      }),
    );
  } catch (e) {
    // Usernames are unique across organizations; say only that it is taken, not where.
    if (pgError(e)?.code === '23505') {
      throw new AppError('USER_USERNAME_TAKEN', { username: input.username }, 'username');
    }
    throw e;
  }
  if (user.email) {
    const org = await findOwnOrganization(ctx.tx, ctx.orgId);
    await enqueueMail(ctx, welcomeMail({ ...user, email: user.email, roles }, org?.name ?? ''));
  }
  await recordAudit(ctx, {
    entityType: 'user',
    entityId: user.id,
    action: 'user.create',
    after: auditSnapshot(user),
  });
  return user;
}
