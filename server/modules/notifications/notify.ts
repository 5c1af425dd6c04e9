import type { Role } from '../../../common/roles.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { activeUserIdsWithRoles } from '../users/index.ts';
import { insertForUsers, type NewNotification } from './repo.ts';

/**
 * In-app notifications, written in the caller's transaction like the change that caused them. Title and
 * body are given in both languages; each reader sees their own.
 */
export async function notifyUsers(ctx: Ctx, userIds: readonly string[], n: NewNotification): Promise<number> {
  const unique = [...new Set(userIds)];
  await insertForUsers(
    ctx.tx,
    ctx.orgId,
    unique.map((userId) => ({ id: newId(), userId })),
    n,
    ctx.jobRunId,
  );
  return unique.length;
}

/** Every active user holding one of the roles, e.g. all reviewers of a stage. */
export async function notifyRoles(ctx: Ctx, roles: readonly Role[], n: NewNotification): Promise<number> {
  return notifyUsers(ctx, await activeUserIdsWithRoles(ctx.tx, roles), n);
}
