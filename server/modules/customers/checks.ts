import { checkUscc } from '../../../common/validators/uscc.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict, type Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { accountManagers, type CustomerRow, findCustomerByUscc, similarCustomers } from './repo.ts';

/** The USCC normalised, or CUSTOMER_USCC_INVALID on field `uscc` naming the rule that failed. */
export function validUscc(input: string): string {
  const r = checkUscc(input);
  if (!r.ok) throw new AppError('CUSTOMER_USCC_INVALID', { reasonKey: `uscc.${r.reason}` }, 'uscc');
  return r.value;
}

/** A second customer with the USCC is refused, pointing to the one that has it. */
export async function ensureUsccFree(ctx: Ctx, uscc: string, exceptId: string | null) {
  const existing = await findCustomerByUscc(ctx.tx, uscc);
  if (existing && existing.id !== exceptId) throw usccTaken(uscc, existing);
}

export const usccTaken = (uscc: string, existing: { id: string; name: string }) =>
  new AppError('CUSTOMER_USCC_TAKEN', { uscc, name: existing.name }, 'uscc', undefined, {
    existingId: existing.id,
    existingName: existing.name,
    href: `/customers/${existing.id}`,
  });

class UsccRace extends Error {}

/**
 * Writes a customer row; when another request took the USCC between our check and this write (the
 * unique index says so), refuses it pointing to the customer that has it now, as the check would have.
 */
export async function writeUnique<T>(ctx: Ctx, uscc: string, write: (sp: Tx) => Promise<T>): Promise<T> {
  try {
    return await guardConflict(ctx.tx, write, () => new UsccRace());
  } catch (e) {
    if (!(e instanceof UsccRace)) throw e;
    throw usccTaken(uscc, (await findCustomerByUscc(ctx.tx, uscc)) ?? { id: '', name: '' });
  }
}

/** Similar names are a warning: refused with the list unless the user says to go on. */
export async function warnSimilarName(ctx: Ctx, name: string, exceptId: string | null, allow?: boolean) {
  if (allow) return;
  const similar = await similarCustomers(ctx.tx, name, exceptId);
  if (similar.length === 0) return;
  throw new AppError(
    'CUSTOMER_NAME_SIMILAR',
    { names: similar.map((s) => `“${s.name}”`).join('、') },
    'name',
    undefined,
    { similar },
  );
}

export async function ensureAccountManager(ctx: Ctx, id: string | null | undefined) {
  if (!id) return;
  if ((await accountManagers(ctx.tx, id)).length === 0)
    throw new AppError('CUSTOMER_ACCOUNT_MANAGER_INVALID', {}, 'accountManagerId');
}

/** What the audit trail keeps of a customer: the fields people edit. */
export function customerSnapshot(c: CustomerRow): Record<string, unknown> {
  return {
    name: c.name,
    kind: c.kind,
    uscc: c.uscc,
    legalRepresentative: c.legalRepresentative,
    registeredCapital: c.registeredCapital,
    establishedOn: c.establishedOn,
    industry: c.industry,
    registeredAddress: c.registeredAddress,
    scale: c.scale,
    accountManagerId: c.accountManagerId,
    tags: c.tags,
    notes: c.notes,
    status: c.status,
  };
}
