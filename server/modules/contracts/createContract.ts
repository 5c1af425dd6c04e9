import type { z } from 'zod';
import type { ContractTerms, contractBody } from '../../../common/schemas/contracts.ts';
import type { Ctx } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { applicationForContract } from '../applications/index.ts';
import { getCustomer } from '../customers/index.ts';
import { orgFacts } from '../orgs/index.ts';
import { recordEvent } from './lifecycle.ts';
import { insertContract, insertVersion, liveContractOfApplication } from './repo.ts';
import { templateFor } from './templates.ts';
import { checkTerms } from './terms.ts';

export interface DraftInput {
  customerId: string;
  applicationId: string | null;
  noApplicationReason: string | null;
  renewalOf?: string | null;
  terms: ContractTerms;
  notes?: string | null;
}

/** The approved application a contract comes from (R3.1.1), checked against the customer. */
export async function approvedApplication(
  ctx: Ctx,
  applicationId: string,
  customerId: string,
  exceptContract?: string,
) {
  const a = await applicationForContract(ctx, applicationId);
  if (a.customerId !== customerId)
    throw new AppError('CONTRACT_APPLICATION_CUSTOMER', { number: a.number }, 'applicationId');
  if (a.status !== 'approved')
    throw new AppError(
      'CONTRACT_APPLICATION_NOT_APPROVED',
      { number: a.number, status: a.statusLabel },
      'applicationId',
    );
  const taken = await liveContractOfApplication(ctx.tx, a.id, exceptContract);
  if (taken)
    throw new AppError(
      'CONTRACT_APPLICATION_TAKEN',
      { number: a.number, contract: taken.number },
      'applicationId',
    );
  return a;
}

/**
 * A draft contract: number (HT-2027-000123, gapless), the template of the units' kind, version 1 of the
 * terms. Either from an approved application or, for an administrator, with a reason (an imported lease,
 * a renewal).
 */
export async function draftContract(ctx: Ctx, input: DraftInput, today: string) {
  const a = input.applicationId
    ? await approvedApplication(ctx, input.applicationId, input.customerId)
    : null;
  const customer = await getCustomer(ctx, input.customerId);
  if (customer.status === 'blacklisted') throw new AppError('CUSTOMER_BLACKLISTED', { name: customer.name });
  const org = await orgFacts(ctx);
  const units = await checkTerms(ctx, input.terms, {
    settings: org.settings,
    // A renewal may take the units its original still holds for a customer holding over.
    ownSources: [...(a ? [a.id] : []), ...(input.renewalOf ? [input.renewalOf] : [])],
    noticeIssuedOn: a?.noticeIssuedOn ?? null,
    prefix: 'terms.',
  });
  const kind = units.every((u) => u.type === 'warehouse') ? 'warehouse' : 'office';
  const template = await templateFor(ctx, kind);
  const id = newId();
  const number = await nextNumber(ctx.tx, ctx.orgId, 'HT', Number(today.slice(0, 4)));
  const c = await insertContract(ctx.tx, {
    id,
    orgId: ctx.orgId,
    number,
    customerId: input.customerId,
    applicationId: a?.id ?? null,
    noApplicationReason: a ? null : input.noApplicationReason,
    renewalOf: input.renewalOf ?? null,
    templateId: template.id,
    status: 'draft',
    startDate: input.terms.startDate,
    endDate: input.terms.endDate,
    notes: input.notes ?? null,
    createdBy: ctx.actor.id,
  });
  await insertVersion(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    contractId: id,
    version: 1,
    status: 'draft',
    effectiveFrom: input.terms.startDate,
    terms: input.terms,
    proposedBy: ctx.actor.id,
  });
  await recordEvent(ctx, c, 'drafted', today, {
    applicationNumber: a?.number ?? null,
    noApplicationReason: c.noApplicationReason,
    renewalOf: input.renewalOf ?? null,
    template: { kind, version: template.version },
  });
  return c;
}

export async function createContract(ctx: Ctx, body: z.output<typeof contractBody>, today: string) {
  if (!body.applicationId) {
    // Only an administrator may record a lease without an admission, and must say why (imports, renewals).
    if (!ctx.actor.roles.includes('admin') || !body.noApplicationReason)
      throw new AppError('CONTRACT_APPLICATION_REQUIRED', {}, 'applicationId');
  }
  return draftContract(
    ctx,
    {
      customerId: body.customerId,
      applicationId: body.applicationId ?? null,
      noApplicationReason: body.noApplicationReason ?? null,
      terms: body.terms,
      notes: body.notes ?? null,
    },
    today,
  );
}
