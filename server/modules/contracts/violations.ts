import type { z } from 'zod';
import { VIOLATION_ACTION_LABELS } from '../../../common/contracts/labels.ts';
import { addMonths } from '../../../common/dates.ts';
import type { violationActionBody, violationBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { lockOrFail, nextStatus, notAfter, recordEvent, requireFiles } from './lifecycle.ts';
import { insertViolation, lockViolation, updateViolationRow } from './repo.ts';

/** Art. 718: six months after the lessor knew of a sublet without objecting, consent is presumed. */
export const objectionDeadline = (v: { kind: string; foundOn: string }) =>
  v.kind === 'sublet' ? addMonths(v.foundOn, 6) : null;

/** R3.2.2: a change of use or a sublet found, with its evidence. */
export async function recordViolation(
  ctx: Ctx,
  id: string,
  body: z.output<typeof violationBody>,
  today: string,
) {
  const c = await lockOrFail(ctx, id);
  nextStatus(ctx, c, 'record_violation');
  notAfter(today, body.foundOn, 'foundOn');
  if (body.foundOn < (c.signedOn ?? c.startDate)) throw new AppError('DATE_RANGE_INVALID', {}, 'foundOn');
  await requireFiles(ctx, c.id, body.evidenceFileIds, 'evidence', 'evidenceFileIds');
  const v = await insertViolation(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    contractId: c.id,
    kind: body.kind,
    foundOn: body.foundOn,
    description: body.description,
    evidenceFileIds: body.evidenceFileIds,
    recordedBy: ctx.actor.id,
  });
  await recordEvent(ctx, c, 'violation', body.foundOn, {
    violationId: v.id,
    kind: body.kind,
    description: body.description,
    objectionDeadline: objectionDeadline(v),
  });
  return v;
}

/** What was done about it: a notice to remedy, consent, or termination (which is then recorded as such). */
export async function actOnViolation(
  ctx: Ctx,
  id: string,
  violationId: string,
  body: z.output<typeof violationActionBody>,
  today: string,
) {
  const c = await lockOrFail(ctx, id);
  const v = await lockViolation(ctx.tx, id, violationId);
  if (!v) throw notFound('violation');
  if (v.action)
    throw new AppError('CONTRACT_VIOLATION_ACTED', {
      action: VIOLATION_ACTION_LABELS[v.action as 'notice'][ctx.locale],
    });
  notAfter(today, body.actionOn, 'actionOn');
  if (body.actionOn < v.foundOn) throw new AppError('DATE_RANGE_INVALID', {}, 'actionOn');
  const after = await updateViolationRow(ctx.tx, v.id, {
    action: body.action,
    actionOn: body.actionOn,
    actionNote: body.note,
  });
  await recordEvent(ctx, c, 'violation_action', body.actionOn, {
    violationId: v.id,
    kind: v.kind,
    action: body.action,
    note: body.note,
  });
  return after;
}
