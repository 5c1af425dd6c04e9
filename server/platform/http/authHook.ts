import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pickLocale } from '../../../common/locale.ts';
import { findSession } from '../auth/authRepo.ts';
import { touchSession } from '../auth/sessions.ts';
import { hashToken, sameToken } from '../auth/tokens.ts';
import type { Ctx } from '../context.ts';
import { toIso } from '../db/database.ts';
import { type Deps, sessionPolicy } from '../deps.ts';
import { AppError } from '../errors.ts';
import { decide } from './policy.ts';
import type { RequestAuth } from './types.ts';

export const SESSION_COOKIE = 'tenantry_session';
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const TOUCH_AFTER_MS = 60_000;

const ms = (v: Date | string) => Date.parse(toIso(v)!);

export async function loadAuth(deps: Deps, token: string): Promise<RequestAuth | null> {
  const s = await findSession(deps.db, hashToken(token));
  const now = Date.now();
  if (!s?.active || ms(s.idle_expires_at) <= now || ms(s.absolute_expires_at) <= now) return null;
  if (now - ms(s.last_seen_at) > TOUCH_AFTER_MS) {
    await deps.db.inOrg(s.org_id, (tx) => touchSession(tx, s.id, sessionPolicy(deps.config)));
  }
  return {
    sessionId: s.id,
    orgId: s.org_id,
    userId: s.user_id,
    username: s.username,
    displayName: s.display_name,
    email: s.email,
    roles: s.roles,
    customerId: s.customer_id,
    csrfToken: s.csrf_token,
    org: { id: s.org_id, name: s.org_name, timeZone: s.time_zone },
  };
}

/**
 * Authentication, the route's declared policy and CSRF, before the body is even parsed: an anonymous
 * caller gets 401 and a caller without the role 403 whatever they sent. Public routes (sign-in among them)
 * read no session; every mutating request of a signed-in session carries its CSRF token.
 */
export function registerAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'zh-CN');
  app.decorateRequest('inOrg', function <T>(this: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
    const auth = this.auth;
    if (!auth) throw new AppError('AUTH_REQUIRED');
    return deps.db.inOrg(auth.orgId, (tx) =>
      fn({
        tx,
        orgId: auth.orgId,
        actor: { kind: 'user', id: auth.userId, roles: auth.roles },
        locale: this.locale,
        requestId: this.id,
        jobRunId: null,
      }),
    );
  });

  app.addHook('onRequest', async (req) => {
    req.locale = pickLocale(req.headers['accept-language']);
    if (req.is404) return;
    const cfg = req.routeOptions.config;
    if (cfg.policy === 'public') return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.auth = await loadAuth(deps, token);
    const decision = decide(cfg.policy, req.auth?.roles ?? null);
    if (decision === 'unauthenticated') throw new AppError('AUTH_REQUIRED');
    if (decision === 'forbidden') throw new AppError('FORBIDDEN');
    if (req.auth && MUTATING.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (!sameToken(typeof header === 'string' ? header : undefined, req.auth.csrfToken)) {
        throw new AppError('CSRF_INVALID');
      }
    }
  });
}
