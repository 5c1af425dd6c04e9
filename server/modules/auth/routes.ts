import { z } from 'zod';
import { changePasswordBody, loginBody, sessionResponse } from '../../../common/schemas/auth.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { deleteSession } from '../../platform/auth/sessions.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-types.ts';
import { loadAuth, SESSION_COOKIE } from '../../platform/http/authHook.ts';
import type { RequestAuth } from '../../platform/http/types.ts';
import { changeOwnPassword } from '../users/changeOwnPassword.ts';
import { login } from './login.ts';

const presentSession = (a: RequestAuth) => ({
  user: {
    id: a.userId,
    username: a.username,
    displayName: a.displayName,
    email: a.email,
    roles: a.roles,
    org: a.org,
  },
  csrfToken: a.csrfToken,
});

export function authRoutes(app: App, deps: Deps) {
  const cookie = (maxAgeHours: number) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
    maxAge: maxAgeHours * 3600,
  });

  app.post(
    '/api/v1/auth/login',
    {
      config: { policy: 'public' },
      schema: { tags: ['auth'], summary: 'Sign in', body: loginBody, response: { 200: sessionResponse } },
    },
    async (req, reply) => {
      const s = await login(deps, {
        ...req.body,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      // The response is read back through the same path every later request takes.
      const auth = await loadAuth(deps, s.token);
      reply.setCookie(SESSION_COOKIE, s.token, cookie(deps.config.sessionAbsoluteHours));
      return presentSession(auth!);
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: sessionResponse } },
    },
    async (req) => presentSession(req.auth!),
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { policy: 'authenticated' },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null() } },
    },
    async (req, reply) => {
      const auth = req.auth!;
      await req.inOrg(async (ctx) => {
        await deleteSession(ctx.tx, auth.sessionId);
        await recordAudit(ctx, { entityType: 'session', entityId: auth.sessionId, action: 'auth.logout' });
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'Change my password',
        body: changePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await req.inOrg((ctx) => changeOwnPassword(ctx, req.auth!.sessionId, req.body));
      return reply.status(204).send(null);
    },
  );
}
