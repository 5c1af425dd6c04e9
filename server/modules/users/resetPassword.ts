import { recordAudit } from '../../platform/audit/record.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { revokeUserSessions } from '../../platform/auth/sessions.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { notifyUsers } from '../notifications/index.ts';
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
  // The user learns of it when they next sign in, with the password the admin gave them.
  await notifyUsers(ctx, [userId], {
    title: { 'zh-CN': '您的密码已被管理员重置', en: 'An administrator reset your password' },
    body: {
      'zh-CN': '如非您本人申请，请立即联系系统管理员。建议现在修改为只有您知道的密码。',
      en: 'If you did not ask for this, tell your administrator at once. Consider changing it to one only you know.',
    },
    entityType: 'user',
    entityId: userId,
  });
  await recordAudit(ctx, {
    entityType: 'user',
    entityId: userId,
    action: 'user.password_reset',
    after: { sessionsRevoked: revoked },
  });
}
