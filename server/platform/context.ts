import type { Locale } from '../../common/locale.ts';
import type { Role } from '../../common/roles.ts';
import type { Tx } from './db/database.ts';

export interface Actor {
  kind: 'user' | 'system' | 'job';
  /** The user id for `user`; null for system and jobs. */
  id: string | null;
  roles: readonly Role[];
}

/** What every use-case receives: the open transaction, the organization and who is acting. */
export interface Ctx {
  tx: Tx;
  orgId: string;
  actor: Actor;
  locale: Locale;
  requestId: string | null;
  /** Set when a batch job writes: stamped on every row it writes and on its one audit row. */
  jobRunId: string | null;
  /**
   * The clock for instants a use-case writes itself (a stage's start, a decision); the demo seed sets it
   * to replay history on past days. Unset: the real time.
   */
  clock?: () => Date;
}

/** The use-case's idea of now. */
export const nowOf = (ctx: Pick<Ctx, 'clock'>): Date => ctx.clock?.() ?? new Date();

export const SYSTEM_ACTOR: Actor = { kind: 'system', id: null, roles: [] };

/** A context for work done by the system itself (CLI, seed), not by a signed-in user. */
export function systemCtx(tx: Tx, orgId: string, locale: Locale = 'zh-CN'): Ctx {
  return { tx, orgId, actor: SYSTEM_ACTOR, locale, requestId: null, jobRunId: null };
}
