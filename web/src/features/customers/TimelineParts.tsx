import { Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useEventFacts, useEventLabel } from '../contracts/useEventLabel.ts';
import type { TimelineEntry } from './customersApi.ts';
import { causeOf, contractEventKind, entityPath } from './timelineFormat.ts';

/** Contract fields of a change entry, with their labels; the rest (explanation, terms) stays out. */
export const CONTRACT_FIELDS: Record<string, string> = {
  status: 'contracts.status',
  reason: 'customers.fields.reason',
  holdingOver: 'contracts.holdingOver',
  custodianId: 'contracts.custodian',
  archiveLocation: 'contracts.archiveLocation',
  notes: 'contracts.notes',
};

/**
 * What happened, in words: the locale's phrase for the action, or for a contract event the web app does not
 * know yet "合同：<event>", never a raw `contract.some_kind`.
 */
export function useActionTitle() {
  const { t, i18n } = useTranslation();
  const eventLabel = useEventLabel();
  return (entry: TimelineEntry): string => {
    const key = `customers.timeline.actions.${entry.action}`;
    if (i18n.exists(key)) return t(key);
    if (entry.entityType === 'contract')
      return t('customers.timeline.contractEvent', { event: eventLabel(contractEventKind(entry.action)) });
    return entry.action;
  };
}

/** The contract or application an entry is about, by its number when the entry has it. */
export function EntityLink({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const path = entityPath(entry);
  if (!path) return null;
  const number = entry.summary?.number;
  return (
    <Link to={path} data-testid="timeline-link">
      {typeof number === 'string' && number ? (
        <span style={{ fontFamily: 'monospace' }}>{number}</span>
      ) : (
        t(`customers.timeline.open.${entry.entityType}`)
      )}
    </Link>
  );
}

/** A line of parts separated by dots; empty parts are left out. */
function Parts({ parts }: { parts: ReactNode[] }) {
  const shown = parts.filter((p) => p !== null && p !== undefined && p !== false && p !== '');
  if (!shown.length) return null;
  return (
    <div>
      {shown.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line never reorder
        <Fragment key={i}>
          {i > 0 && ' · '}
          {p}
        </Fragment>
      ))}
    </div>
  );
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/**
 * A contract entry's line: the contract, the day it happened on and the facts worth reading (a file's purpose
 * and name, an import's dates, an event's signatories, keys, reasons …); ids and nested records stay out.
 */
export function ContractSummary({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const facts = useEventFacts();
  const s = entry.summary ?? {};
  const colon = t('customers.colon');
  const word = (group: string, v: unknown) => {
    const key = `contracts.${group}.${String(v)}`;
    return typeof v === 'string' && i18n.exists(key) ? t(key) : text(v);
  };
  let rest: ReactNode[];
  if (entry.action === 'contract.file') rest = [word('filePurposes', s.purpose), text(s.fileName)];
  else if (entry.action === 'contract.import')
    rest = [
      word('statuses', s.status),
      text(s.startDate) && `${s.startDate} ~ ${text(s.endDate) ?? ''}`,
      text(s.originalNumber) && `${t('contracts.eventFacts.originalNumber')}${colon}${s.originalNumber}`,
    ];
  else
    rest = [
      text(s.onDate),
      ...facts(s).map(([label, value]) => (
        <span key={label}>
          <Typography.Text type="secondary">
            {label}
            {colon}
          </Typography.Text>
          {value}
        </span>
      )),
    ];
  return <Parts parts={[<EntityLink key="link" entry={entry} />, ...rest]} />;
}

/** A status change of the customer names what caused it, as a link (a contract signed, an application …). */
export function CauseLink({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const cause = causeOf(entry);
  if (!cause) return null;
  return (
    <div>
      <Link to={cause.path}>{t(`customers.timeline.cause.${cause.entityType}`)}</Link>
    </div>
  );
}
