import { auditLog } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../ids.ts';

type Snapshot = Record<string, unknown> | null;

/** Keeps only the fields that changed, so an audit row says what happened and not everything else. */
export function diff(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } {
  if (!before || !after) return { before, after };
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k] ?? null;
      a[k] = after[k] ?? null;
    }
  }
  return { before: b, after: a };
}

export interface AuditInput {
  entityType: string;
  entityId: string;
  action: string;
  before?: Snapshot;
  after?: Snapshot;
  /** Puts the row on this customer's timeline. */
  customerId?: string | null;
}

/** Writes one audit row in the caller's transaction: the change and its record commit or fail together. */
export async function recordAudit(ctx: Ctx, input: AuditInput): Promise<void> {
  const d = diff(input.before ?? null, input.after ?? null);
  await ctx.tx.insert(auditLog).values({
    id: newId(),
    orgId: ctx.orgId,
    actorId: ctx.actor.id,
    actorKind: ctx.actor.kind,
    entityType: input.entityType,
    entityId: input.entityId,
    action: input.action,
    before: d.before,
    after: d.after,
    requestId: ctx.requestId,
    jobRunId: ctx.jobRunId,
    customerId: input.customerId ?? null,
  });
}
