import { recordAudit } from '../../platform/audit/record.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findUser, updateUserRow } from './repo.ts';

/** A user changes their own password: other sessions end, the current one stays. */
export async function changeOwnPassword(
  ctx: Ctx,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const userId = ctx.actor.id!;
  const user = await findUser(ctx.tx, userId);
  if (!user) throw notFound('user');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('USER_WRONG_PASSWORD', {}, 'currentPassword');
  }
  await updateUserRow(ctx.tx, userId, {
    passwordHash: await hashPassword(input.newPassword),
    passwordChangedAt: new Date(),
  });
  const revoked = await revokeUserSessions(ctx.tx, userId, sessionId);
  await recordAudit(ctx, {
    entityType: 'user',
    entityId: userId,
    action: 'user.password_change',
    after: { sessionsRevoked: revoked },
  });
}
