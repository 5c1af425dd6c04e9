import { recordAudit } from '../../platform/audit/record.ts';
import { clearFailures, findLogin, recordFailure, throttleWait } from '../../platform/auth/authRepo.ts';
import { verifyPassword } from '../../platform/auth/passwords.ts';
import { createSession } from '../../platform/auth/sessions.ts';
import { type Deps, sessionPolicy } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { markLoggedIn } from '../users/index.ts';

/** Failures per username and per address within one window before that key is blocked for a window. */
export const THROTTLE = { windowSeconds: 15 * 60, perUsername: 5, perAddress: 30 };

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent?: string;
  requestId: string;
}

export async function login(deps: Deps, input: LoginInput) {
  const userKey = `u:${input.username.trim().toLowerCase()}`;
  const ipKey = `ip:${input.ip}`;
  const wait = await throttleWait(deps.db, [userKey, ipKey]);
  if (wait > 0) {
    throw new AppError('AUTH_THROTTLED', { seconds: wait }, undefined, { 'retry-after': String(wait) });
  }
  const found = await findLogin(deps.db, input.username);
  const ok = await verifyPassword(found?.password_hash ?? null, input.password);
  if (!found || !ok || !found.active) {
    await recordFailure(
      deps.db,
      [
        { key: userKey, limit: THROTTLE.perUsername },
        { key: ipKey, limit: THROTTLE.perAddress },
      ],
      THROTTLE.windowSeconds,
    );
    // One answer for unknown user, wrong password and deactivated account.
    throw new AppError('AUTH_INVALID_CREDENTIALS');
  }
  await clearFailures(deps.db, userKey);
  return deps.db.inOrg(found.org_id, async (tx) => {
    const session = await createSession(tx, found.org_id, found.id, sessionPolicy(deps.config), input);
    await markLoggedIn(tx, found.id);
    await recordAudit(
      {
        tx,
        orgId: found.org_id,
        actor: { kind: 'user', id: found.id, roles: [] },
        locale: 'zh-CN',
        requestId: input.requestId,
        jobRunId: null,
      },
      { entityType: 'session', entityId: session.id, action: 'auth.login', after: { ip: input.ip } },
    );
    return { ...session, orgId: found.org_id, userId: found.id };
  });
}
