import type { z } from 'zod';
import type { contactBody, updateContactBody } from '../../../common/schemas/customers.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  type ContactRow,
  clearPrimary,
  deleteContactRow,
  findContact,
  insertContact,
  listContacts,
  lockCustomer,
  updateContactRow,
} from './repo.ts';

const snapshot = (c: ContactRow) => ({
  name: c.name,
  title: c.title,
  mobile: c.mobile,
  email: c.email,
  isPrimary: c.isPrimary,
  roles: c.roles,
  notes: c.notes,
});

async function customerOf(ctx: Ctx, customerId: string) {
  // Locked: two people adding the first contact at once must not both make theirs the primary one.
  const c = await lockCustomer(ctx.tx, customerId);
  if (!c) throw notFound('customer');
  return c;
}

function ensureReachable(c: { mobile?: string | null; email?: string | null }) {
  if (!c.mobile && !c.email) throw new AppError('CONTACT_NEEDS_WAY', {}, 'mobile');
}

/** Adds a contact; the first one, or one marked primary, becomes the primary contact. */
export async function addContact(ctx: Ctx, customerId: string, input: z.output<typeof contactBody>) {
  await customerOf(ctx, customerId);
  ensureReachable(input);
  const existing = await listContacts(ctx.tx, customerId);
  const isPrimary = input.isPrimary || existing.length === 0;
  if (isPrimary) await clearPrimary(ctx.tx, customerId, null);
  const row = await insertContact(ctx.tx, {
    ...input,
    id: newId(),
    orgId: ctx.orgId,
    customerId,
    isPrimary,
  });
  await recordAudit(ctx, {
    entityType: 'contact',
    entityId: row.id,
    action: 'contact.create',
    after: snapshot(row),
    customerId,
  });
  return row;
}

export async function updateContact(
  ctx: Ctx,
  customerId: string,
  id: string,
  input: z.output<typeof updateContactBody>,
) {
  await customerOf(ctx, customerId);
  const before = await findContact(ctx.tx, customerId, id);
  if (!before) throw notFound('contact');
  ensureReachable({ mobile: before.mobile, email: before.email, ...input });
  // The primary flag moves, it is not taken away: another contact must be made primary instead.
  const isPrimary = before.isPrimary || input.isPrimary === true;
  if (isPrimary && !before.isPrimary) await clearPrimary(ctx.tx, customerId, id);
  const after = (await updateContactRow(ctx.tx, id, { ...input, isPrimary }))!;
  await recordAudit(ctx, {
    entityType: 'contact',
    entityId: id,
    action: 'contact.update',
    before: snapshot(before),
    after: snapshot(after),
    customerId,
  });
  return after;
}

/** Removes a contact; when it was the primary one, the longest-standing other contact takes over. */
export async function removeContact(ctx: Ctx, customerId: string, id: string) {
  await customerOf(ctx, customerId);
  const before = await findContact(ctx.tx, customerId, id);
  if (!before) throw notFound('contact');
  await deleteContactRow(ctx.tx, id);
  if (before.isPrimary) {
    const [next] = await listContacts(ctx.tx, customerId);
    if (next) await updateContactRow(ctx.tx, next.id, { isPrimary: true });
  }
  await recordAudit(ctx, {
    entityType: 'contact',
    entityId: id,
    action: 'contact.delete',
    before: snapshot(before),
    customerId,
  });
}
