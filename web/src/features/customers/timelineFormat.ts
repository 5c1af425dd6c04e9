import type { TimelineEntry } from './customersApi.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const looksLikeId = (v: unknown): boolean => typeof v === 'string' && UUID.test(v);

/** A value a person can read as it is: not an id, not a nested record (the audit trail keeps both). */
export function isReadable(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.every((x) => (x === null || typeof x !== 'object') && !looksLikeId(x));
  if (typeof v === 'object') return false;
  return !looksLikeId(v);
}

/** Entries of these kinds have a page of their own. */
const PAGES: Record<string, string> = { contract: '/contracts', application: '/applications' };

/** The page of the contract or application an entry is about, if it has one. */
export function entityPath(entry: Pick<TimelineEntry, 'entityType' | 'entityId'>): string | null {
  const base = PAGES[entry.entityType];
  return base && entry.entityId && looksLikeId(entry.entityId) ? `${base}/${entry.entityId}` : null;
}

/**
 * What moved the customer along (`cause: "contract:<id>"` on a status change): the contract or application,
 * for a link, or null.
 */
export function causeOf(entry: Pick<TimelineEntry, 'changes'>): { entityType: string; path: string } | null {
  const cause = entry.changes.find((c) => c.field === 'cause')?.after;
  if (typeof cause !== 'string') return null;
  const [entityType = '', entityId = null] = cause.split(':');
  const path = entityPath({ entityType, entityId });
  return path ? { entityType, path } : null;
}

/** `contract.handed_over` → `handed_over`: the contract event kind of an audit action. */
export const contractEventKind = (action: string) => action.replace(/^contract\./, '');
