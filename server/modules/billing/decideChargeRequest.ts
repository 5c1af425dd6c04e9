import {
  type ChargeRequestAction,
  type ChargeRequestStatus,
  chargeRequestTransition,
} from '../../../common/billing/chargeRequest.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import { type Ctx, nowOf } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { chargeRequestRow, updateChargeRequest } from './chargeRequestRepo.ts';
import { markPosted, postCharge } from './postCharge.ts';

async function pendingRequest(ctx: Ctx, id: string, action: ChargeRequestAction) {
  const r = await chargeRequestRow(ctx.tx, id, true);
  if (!r) throw notFound('charge request');
  if (!chargeRequestTransition(r.status as ChargeRequestStatus, action))
    throw new AppError('CHARGE_REQUEST_TRANSITION_INVALID', { number: r.number, status: r.status });
  return r;
}

/** Finance approves: the charge is posted now as a bill of its own. Nobody approves their own request. */
export async function approveChargeRequest(ctx: Ctx, id: string, note: string | undefined, today: string) {
  const r = await pendingRequest(ctx, id, 'approve');
  if (r.requestedBy === ctx.actor.id) throw new AppError('CHARGE_REQUEST_SELF_APPROVAL');
  const posted = await postCharge(ctx, r, today);
  await markPosted(ctx, r, posted, today, note ?? null);
}

/** Finance rejects, saying why; nothing is billed. */
export async function rejectChargeRequest(ctx: Ctx, id: string, note: string | undefined) {
  const r = await pendingRequest(ctx, id, 'reject');
  if (!note) throw new AppError('CHARGE_REQUEST_NOTE_REQUIRED', {}, 'note');
  await decide(ctx, r, 'rejected', note);
}

/** Whoever raised it (or an administrator) withdraws it while it waits. */
export async function cancelChargeRequest(ctx: Ctx, id: string) {
  const r = await pendingRequest(ctx, id, 'cancel');
  if (r.requestedBy !== ctx.actor.id && !ctx.actor.roles.includes('admin'))
    throw new AppError('CHARGE_REQUEST_NOT_YOURS');
  await decide(ctx, r, 'cancelled', null);
}

async function decide(
  ctx: Ctx,
  r: { id: string; number: string; customerId: string },
  status: 'rejected' | 'cancelled',
  note: string | null,
) {
  await updateChargeRequest(ctx.tx, r.id, {
    status,
    decidedBy: ctx.actor.id,
    decidedAt: nowOf(ctx),
    decisionNote: note,
  });
  await recordAudit(ctx, {
    entityType: 'charge_request',
    entityId: r.id,
    action: status === 'rejected' ? 'charge_request.reject' : 'charge_request.cancel',
    customerId: r.customerId,
    before: { status: 'pending' },
    after: { status, number: r.number, note },
  });
}
