import type { Locale } from '../../../common/locale.ts';
import type { Role } from '../../../common/roles.ts';
import type { Ctx } from '../context.ts';
import type { Policy } from './policy.ts';

export interface RequestAuth {
  sessionId: string;
  orgId: string;
  userId: string;
  username: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  customerId: string | null;
  csrfToken: string;
  org: { id: string; name: string; timeZone: string };
}

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
    locale: Locale;
    /** Runs fn in one transaction of the caller's organization, with the caller as the actor. */
    inOrg<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  }
}
