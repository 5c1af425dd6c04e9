import { formatYuan } from '../../../../common/money.ts';
import type { ContractStatus, ContractSummary, VersionView } from './contractsApi.ts';

/** One colour per state: binding ones in greens and blues, the ended ones grey or red. */
export const STATUS_COLORS: Record<ContractStatus, string> = {
  draft: 'default',
  pending_signature: 'gold',
  signed: 'blue',
  active: 'green',
  expired: 'default',
  terminated: 'red',
  cancelled: 'default',
};

export const VERSION_COLORS: Record<VersionView['status'], string> = {
  draft: 'default',
  pending: 'gold',
  in_force: 'green',
  rejected: 'red',
};

/** The end is this near (days) when the list turns it red; art. 734 holding over is always red. */
export const END_WARNING_DAYS = 30;
/** Art. 718: an objection deadline this near is highlighted. */
export const DEADLINE_WARNING_DAYS = 30;

/** Whether the days left should be shown in red; ended contracts have nothing left to warn about. */
export function endIsNear(c: Pick<ContractSummary, 'status' | 'daysToEnd' | 'holdingOver'>): boolean {
  if (c.holdingOver) return true;
  if (c.status !== 'signed' && c.status !== 'active') return false;
  return c.daysToEnd <= END_WARNING_DAYS;
}

/** Fen as yuan for a table cell; a dash for nothing. */
export function yuanText(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : formatYuan(fen);
}

/** File sizes as people read them. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 102.4) / 10} KB`;
  return `${Math.round(bytes / 104_857.6) / 10} MB`;
}

/** The server gives hrefs under /api; anything else is taken as relative to the API root. */
export function fileHref(href: string): string {
  return href.startsWith('/api/') || /^https?:/.test(href)
    ? href
    : `/api${href.startsWith('/') ? '' : '/'}${href}`;
}

/** Facts of an event's data shown under it, in this order; anything else (ids, nested data) stays out. */
export const EVENT_FACTS = [
  'applicationNumber',
  'renewalNumber',
  'originalNumber',
  'explainedTo',
  'lessorSignatory',
  'customerSignatory',
  'archiveLocation',
  'version',
  'effectiveFrom',
  'reason',
  'comment',
  'kind',
  'action',
  'method',
  'deadline',
  'amountFen',
  'damagesFen',
  'keys',
  'daysLeft',
] as const;
export type EventFact = (typeof EVENT_FACTS)[number];

/** The known facts of an event's data with a text or number value, in EVENT_FACTS order. */
export function eventFacts(data: Record<string, unknown>): [EventFact, string | number][] {
  return EVENT_FACTS.flatMap((key) => {
    const v = data[key];
    return (typeof v === 'string' && v !== '') || typeof v === 'number'
      ? [[key, v] as [EventFact, string | number]]
      : [];
  });
}

/** Events of a ledger row with a key each: kind and day, numbered when the same kind falls twice on a day. */
export function keyed<E extends { kind: string; onDate: string }>(
  events: readonly E[],
): (E & { key: string })[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const base = `${e.onDate}-${e.kind}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...e, key: n ? `${base}-${n}` : base };
  });
}
