import type { z } from 'zod';
import type { archiveBody, signBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { applicationForContract, markContracted } from '../applications/index.ts';
import { getCustomer, setCustomerStatus } from '../customers/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { endOccupancyAfter, occupyUnits } from '../spaces/index.ts';
import { findUser } from '../users/index.ts';
import { replanCharges } from './billingPlan.ts';
import { lockOrFail, nextStatus, notAfter, recordEvent, requireFiles } from './lifecycle.ts';
import { lockContract, updateContractRow, updateVersionRow, versionsOf } from './repo.ts';
import { checkTerms, snapshotOf } from './terms.ts';

/** R3.1.4: the custodian is a member of staff of this organization. */
async function checkCustodian(ctx: Ctx, id: string) {
  const u = await findUser(ctx.tx, id);
  if (!u?.active || u.roles.includes('customer'))
    throw new AppError('NOT_FOUND', { entity: 'user' }, 'custodianId');
}

/**
 * Signing (R3.1.1-R3.1.4): after the explanation, before the admission notice lapses. The terms are frozen
 * with a snapshot, the application becomes `contracted` and its hold gives way to the lease of the units
 * for the term, the customer becomes a tenant, and the original's custodian and place are recorded.
 */
export async function signContract(ctx: Ctx, id: string, body: z.output<typeof signBody>, today: string) {
  const c = await lockOrFail(ctx, id);
  const status = nextStatus(ctx, c, 'sign');
  const explained = c.explanation as { explainedOn?: string } | null;
  if (!explained?.explainedOn) throw new AppError('CONTRACT_NOT_EXPLAINED');
  notAfter(today, body.signedOn, 'signedOn');
  if (body.signedOn < explained.explainedOn)
    throw new AppError('CONTRACT_SIGNED_BEFORE_EXPLAINED', { date: explained.explainedOn }, 'signedOn');
  await requireFiles(ctx, c.id, [body.signedCopyFileId], 'signed_copy', 'signedCopyFileId');
  await checkCustodian(ctx, body.custodianId);

  const a = c.applicationId ? await applicationForContract(ctx, c.applicationId) : null;
  if (a?.noticeIssuedOn && body.signedOn < a.noticeIssuedOn)
    throw new AppError('DATE_RANGE_INVALID', {}, 'signedOn');
  if (a && (a.status !== 'approved' || !a.noticeSignBy || body.signedOn > a.noticeSignBy))
    throw new AppError(
      'CONTRACT_NOTICE_EXPIRED',
      { number: a.noticeNumber ?? a.number, date: a.noticeSignBy ?? '' },
      'signedOn',
    );

  const old = c.renewalOf ? await lockContract(ctx.tx, c.renewalOf) : null;
  // A customer holding over keeps the old lease's units taken; the renewal takes them over from here.
  if (old) await endOccupancyAfter(ctx, old.id, old.endDate);
  const [v1] = await versionsOf(ctx.tx, [c.id]);
  const org = await orgFacts(ctx);
  const units = await checkTerms(ctx, v1!.terms, {
    settings: org.settings,
    ownSources: [c.id, ...(a ? [a.id] : [])],
    noticeIssuedOn: a?.noticeIssuedOn ?? null,
    prefix: 'terms.',
  });
  if (a) await markContracted(ctx, a.id, c);
  await occupyUnits(ctx, {
    unitIds: units.map((u) => u.id),
    kind: 'leased',
    from: v1!.terms.startDate,
    to: v1!.terms.endDate,
    sourceType: 'contract',
    sourceId: c.id,
    customerId: c.customerId,
  });
  const customer = await getCustomer(ctx, c.customerId);
  await updateVersionRow(ctx.tx, c.id, 1, {
    status: 'in_force',
    snapshot: snapshotOf(v1!.terms, units, customer, org.settings),
    decidedBy: ctx.actor.id,
    decidedAt: ctx.clock?.() ?? new Date(),
  });
  await setCustomerStatus(ctx, c.customerId, 'tenant', { entityType: 'contract', entityId: c.id });
  const after = await updateContractRow(ctx.tx, c.id, {
    status,
    signedOn: body.signedOn,
    lessorSignatory: body.lessorSignatory,
    customerSignatory: body.customerSignatory,
    signedCopyFileId: body.signedCopyFileId,
    custodianId: body.custodianId,
    archiveLocation: body.archiveLocation,
  });
  await recordEvent(ctx, c, 'signed', body.signedOn, {
    lessorSignatory: body.lessorSignatory,
    customerSignatory: body.customerSignatory,
    custodianId: body.custodianId,
    archiveLocation: body.archiveLocation,
  });
  if (old) {
    // The old lease is renewed: a customer staying on is no longer holding over (art. 734).
    await updateContractRow(ctx.tx, old.id, { holdingOver: false });
    await recordEvent(ctx, old, 'renewed', body.signedOn, { renewalId: c.id, renewalNumber: c.number });
  }
  await replanCharges(ctx, c.id, today, null);
  return after;
}

/** R3.1.4: the original moved to another keeper or place. */
export async function updateArchive(ctx: Ctx, id: string, body: z.output<typeof archiveBody>, today: string) {
  const c = await lockOrFail(ctx, id);
  nextStatus(ctx, c, 'archive');
  await checkCustodian(ctx, body.custodianId);
  const after = await updateContractRow(ctx.tx, id, body);
  await recordEvent(ctx, c, 'archived', today, body, {
    before: { custodianId: c.custodianId, archiveLocation: c.archiveLocation },
    after: body,
  });
  return after;
}
