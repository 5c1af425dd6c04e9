import { recordAudit } from '../../platform/audit/record.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findUser, updateUserRow } from './repo.ts';

/** An admin sets a new password for a user: all of that user's sessions end. */
export async function resetPassword(ctx: Ctx, userId: string, newPassword: string): Promise<void> {
  const user = await findUser(ctx.tx, userId);
  if (!user) throw notFound('user');
  await updateUserRow(ctx.tx, userId, {
    passwordHash: await hashPassword(newPassword),
    passwordChangedAt: new Date(),
  });
  const revoked = await revokeUserSessions(ctx.tx, userId);
  await recordAudit(ctx, {
    entityType: 'user',
    entityId: userId,
    action: 'user.password_reset',
    after: { sessionsRevoked: revoked },
  });
}
