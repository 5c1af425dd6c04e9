import type { z } from 'zod';
import type { amendmentDecisionBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { getCustomer } from '../customers/index.ts';
import { notifyUsers } from '../notifications/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { inForce, relet } from './amendments.ts';
import { replanCharges } from './billingPlan.ts';
import { lockOrFail, nextStatus, recordEvent } from './lifecycle.ts';
import { updateContractRow, updateVersionRow, versionsOf } from './repo.ts';
import { amendedSnapshot, checkTerms, snapshotOf } from './terms.ts';

/**
 * Management approves or rejects a proposed amendment. Approved, its terms are frozen with a snapshot and
 * hold from the effective date; the contract's end date and its units' lease follow them. Earlier versions
 * stay as they were: billing posts any difference for issued periods as an adjustment.
 */
export async function decideAmendment(
  ctx: Ctx,
  id: string,
  version: number,
  body: z.output<typeof amendmentDecisionBody>,
  today: string,
) {
  const c = await lockOrFail(ctx, id);
  const versions = await versionsOf(ctx.tx, [id]);
  const v = versions.find((x) => x.version === version);
  if (v?.status !== 'pending') throw new AppError('CONTRACT_AMENDMENT_NOT_PENDING', { version });
  if (!v) throw new AppError('CONTRACT_AMENDMENT_NOT_PENDING', { version });
  if (body.decision === 'approve' && v.proposedBy === ctx.actor.id)
    throw new AppError('CONTRACT_AMENDMENT_SAME_PERSON');
  const decided = {
    decidedBy: ctx.actor.id,
    decidedAt: ctx.clock?.() ?? new Date(),
    decisionComment: body.comment ?? null,
  };
  if (body.decision === 'reject') {
    await updateVersionRow(ctx.tx, id, version, { status: 'rejected', ...decided });
    await recordEvent(ctx, c, 'amendment_rejected', today, { version, comment: body.comment ?? null });
  } else {
    nextStatus(ctx, c, 'amend');
    const org = await orgFacts(ctx);
    const units = await checkTerms(ctx, v.terms, {
      settings: org.settings,
      ownSources: [c.id],
      prefix: 'terms.',
      fixedStart: c.startDate,
      unitsFrom: v.effectiveFrom,
    });
    const customer = await getCustomer(ctx, c.customerId);
    await updateVersionRow(ctx.tx, id, version, {
      status: 'in_force',
      snapshot: amendedSnapshot(
        inForce(versions).at(-1)!.snapshot!,
        snapshotOf(v.terms, units, customer, org.settings),
        v.terms.areaBasis,
      ),
      ...decided,
    });
    // A new end date starts the 90/60/30-day reminders afresh.
    await updateContractRow(ctx.tx, id, {
      endDate: v.terms.endDate,
      ...(v.terms.endDate !== c.endDate ? { remindedDaysBefore: null } : {}),
    });
    await relet(ctx, c, await versionsOf(ctx.tx, [id]));
    await replanCharges(ctx, id, today, `amendment ${version}`);
    await recordEvent(ctx, c, 'amended', v.effectiveFrom, {
      version,
      reason: v.reason,
      endDate: { before: c.endDate, after: v.terms.endDate },
    });
  }
  if (v.proposedBy) {
    const approved = body.decision === 'approve';
    await notifyUsers(ctx, [v.proposedBy], {
      title: {
        'zh-CN': `合同 ${c.number} 的变更（第 ${version} 版）${approved ? '已批准' : '未获批准'}`,
        en: `Amendment ${version} of contract ${c.number} was ${approved ? 'approved' : 'rejected'}`,
      },
      body: { 'zh-CN': body.comment ?? '', en: body.comment ?? '' },
      link: `/contracts/${c.id}`,
      entityType: 'contract',
      entityId: c.id,
    });
  }
  return c;
}
