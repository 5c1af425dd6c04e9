import type { z } from 'zod';
import { addDays } from '../../../common/dates.ts';
import type { amendmentBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { notifyUsers } from '../notifications/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { activeUserIdsWithRoles } from '../users/index.ts';
import { checkCycleChange, inForce } from './amendments.ts';
import { lockOrFail, nextStatus, recordEvent, requireFiles } from './lifecycle.ts';
import { insertVersion, versionsOf } from './repo.ts';
import { checkTerms } from './terms.ts';

/**
 * R3.3.1: a change agreed in writing becomes a new version of the terms from its effective date, once
 * management approves. Periods always count from the original start date, so it cannot move; a change of
 * billing cycle starts on a period boundary.
 */
export async function proposeAmendment(
  ctx: Ctx,
  id: string,
  body: z.output<typeof amendmentBody>,
  today: string,
) {
  const c = await lockOrFail(ctx, id);
  nextStatus(ctx, c, 'amend');
  const versions = await versionsOf(ctx.tx, [id]);
  const pending = versions.find((v) => v.status === 'pending');
  if (pending) throw new AppError('CONTRACT_AMENDMENT_PENDING', { version: pending.version });
  const current = inForce(versions).at(-1)!;
  const min = addDays(current.effectiveFrom, 1);
  if (body.effectiveFrom < min || body.effectiveFrom > c.endDate)
    throw new AppError('CONTRACT_AMENDMENT_EFFECTIVE', { min, max: c.endDate }, 'effectiveFrom');
  if (body.terms.endDate < body.effectiveFrom)
    throw new AppError(
      'CONTRACT_AMENDMENT_EFFECTIVE',
      { min: body.effectiveFrom, max: c.endDate },
      'terms.endDate',
    );
  const org = await orgFacts(ctx);
  await checkTerms(ctx, body.terms, {
    settings: org.settings,
    ownSources: [c.id],
    prefix: 'terms.',
    fixedStart: c.startDate,
    unitsFrom: body.effectiveFrom,
  });
  checkCycleChange(versions, body.terms, body.effectiveFrom);
  await requireFiles(ctx, c.id, [body.agreementFileId], 'amendment', 'agreementFileId');
  const version = Math.max(...versions.map((v) => v.version)) + 1;
  await insertVersion(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    contractId: c.id,
    version,
    status: 'pending',
    effectiveFrom: body.effectiveFrom,
    terms: body.terms,
    reason: body.reason,
    agreementFileId: body.agreementFileId,
    proposedBy: ctx.actor.id,
  });
  await recordEvent(ctx, c, 'amendment_proposed', today, {
    version,
    effectiveFrom: body.effectiveFrom,
    reason: body.reason,
  });
  const managers = await activeUserIdsWithRoles(ctx.tx, ['management']);
  await notifyUsers(ctx, managers, {
    title: {
      'zh-CN': `合同 ${c.number} 的变更（第 ${version} 版）待审批`,
      en: `Amendment ${version} of contract ${c.number} awaits approval`,
    },
    body: {
      'zh-CN': `自 ${body.effectiveFrom} 起生效。变更原因：${body.reason}`,
      en: `Effective from ${body.effectiveFrom}. Reason: ${body.reason}`,
    },
    link: `/contracts/${c.id}`,
    entityType: 'contract',
    entityId: c.id,
  });
  return c;
}
