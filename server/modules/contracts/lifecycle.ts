import { CONTRACT_ACTION_LABELS, CONTRACT_STATUS_LABELS } from '../../../common/contracts/labels.ts';
import {
  type ContractAction,
  type ContractStatus,
  contractTransition,
} from '../../../common/contracts/machine.ts';
import type { FILE_PURPOSES } from '../../../common/schemas/contracts.ts';
import { type AuditInput, recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { type ContractRow, filesOf, insertEvent, lockContract, type VersionRow } from './repo.ts';

export const statusLabel = (ctx: Ctx, s: string) =>
  CONTRACT_STATUS_LABELS[s as ContractStatus]?.[ctx.locale] ?? s;

/** The row, locked for the rest of the transaction. */
export async function lockOrFail(ctx: Ctx, id: string): Promise<ContractRow> {
  const c = await lockContract(ctx.tx, id);
  if (!c) throw notFound('contract');
  return c;
}

/** Where `action` takes the contract, or a 409 that names its state and the refused action. */
export function nextStatus(ctx: Ctx, c: ContractRow, action: ContractAction): ContractStatus {
  const next = contractTransition(c.status as ContractStatus, action);
  if (!next) {
    throw new AppError('CONTRACT_TRANSITION_INVALID', {
      status: statusLabel(ctx, c.status),
      action: CONTRACT_ACTION_LABELS[action][ctx.locale],
    });
  }
  return next;
}

/** One ledger entry (合同台账) and its audit row, in the caller's transaction. */
export async function recordEvent(
  ctx: Ctx,
  c: Pick<ContractRow, 'id' | 'customerId' | 'number'>,
  kind: string,
  onDate: string,
  data: Record<string, unknown> = {},
  audit?: Pick<AuditInput, 'before' | 'after'>,
) {
  await insertEvent(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    contractId: c.id,
    kind,
    onDate,
    data,
    actorId: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    at: ctx.clock?.() ?? new Date(),
  });
  await recordAudit(ctx, {
    entityType: 'contract',
    entityId: c.id,
    action: `contract.${kind}`,
    before: audit?.before ?? null,
    after: audit?.after ?? { number: c.number, onDate, ...data },
    customerId: c.customerId,
  });
}

/** Files an action refers to must have been uploaded to this contract for that purpose. */
export async function requireFiles(
  ctx: Ctx,
  contractId: string,
  ids: readonly string[],
  purpose: (typeof FILE_PURPOSES)[number],
  field: string,
) {
  if (!ids.length) return;
  const files = await filesOf(ctx.tx, contractId);
  for (const [i, id] of ids.entries()) {
    if (!files.some((f) => f.id === id && f.purpose === purpose)) {
      throw new AppError(
        'CONTRACT_FILE_INVALID',
        { purpose },
        ids.length > 1 || field.endsWith('s') ? `${field}.${i}` : field,
      );
    }
  }
}

/** The version whose terms hold on `day`: the latest in force from that day or before, else the first. */
export function versionOn(versions: VersionRow[], day: string): VersionRow {
  const inForce = versions.filter((v) => v.status === 'in_force' && v.effectiveFrom <= day);
  return inForce.at(-1) ?? versions.find((v) => v.version === 1)!;
}

/** The no-later-than-today rule for records of what happened. */
export function notAfter(today: string, date: string, field: string) {
  if (date > today) throw new AppError('CONTRACT_DATE_IN_FUTURE', { date }, field);
}
