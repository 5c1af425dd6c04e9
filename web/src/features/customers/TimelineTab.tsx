import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatWanYuan } from '../../../../common/money/wan.ts';
import { formatInstant } from '../../app/format.ts';
import { useUser } from '../../app/session.tsx';
import { LoadFailed } from '../../components/StatusResult.tsx';
import { useStaffDirectory } from '../users/usersApi.ts';
import {
  CUSTOMERS,
  type CustomerView,
  listTimeline,
  type TimelineEntry,
  useAccountManagers,
} from './customersApi.ts';
import { changeValue } from './customersFormat.ts';
import { CauseLink, CONTRACT_FIELDS, ContractSummary, EntityLink, useActionTitle } from './TimelineParts.tsx';
import { isReadable } from './timelineFormat.ts';

/** Fields whose values are codes with words in the locale files. */
const ENUM_GROUPS: Record<string, string> = {
  status: 'customers.statuses',
  industry: 'customers.industries',
  scale: 'customers.scales',
  roles: 'customers.contactRoles',
};

const COLORS: Record<string, string> = {
  'customer.create': 'green',
  'customer.blacklist': 'red',
  'customer.unblacklist': 'blue',
  'document.verify': 'green',
  'contact.delete': 'gray',
  'document.remove': 'gray',
};

/** Application entries name statuses and stages in the admission words; ids and checklists stay out. */
const APPLICATION_GROUPS: Record<string, string> = {
  status: 'applications.statuses',
  stage: 'applications.statuses',
  spaceType: 'spaces.types',
  intendedUse: 'applications.uses',
};
const HIDDEN_FIELDS = new Set(['reviewId', 'checklist', 'cause', 'unitIds', 'terms']);
/** Contract entries name states in the contract words. */
const CONTRACT_GROUPS: Record<string, string> = { status: 'contracts.statuses' };
/** Fields whose values are ids of staff, shown by name. */
const STAFF_FIELDS = new Set(['accountManagerId', 'custodianId']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function useValueText(entry: TimelineEntry) {
  const { t } = useTranslation();
  const managers = useAccountManagers().data;
  const staff = useStaffDirectory().data;
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (typeof value === 'boolean') return t(value ? 'customers.yes' : 'customers.no');
    if (field === 'registeredCapital' && typeof value === 'number')
      return `${formatWanYuan(value)} ${t('customers.wanyuan')}`;
    if (STAFF_FIELDS.has(field))
      return (
        (staff ?? managers)?.find((m) => m.id === value)?.displayName ?? t('customers.timeline.formerStaff')
      );
    const group =
      entry.entityType === 'application'
        ? APPLICATION_GROUPS[field]
        : entry.entityType === 'contract'
          ? CONTRACT_GROUPS[field]
          : field === 'kind'
            ? entry.entityType === 'customer'
              ? 'customers.kinds'
              : 'customers.documentKinds'
            : ENUM_GROUPS[field];
    const word = (v: unknown) => (group ? t(`${group}.${String(v)}`, { defaultValue: String(v) }) : v);
    return changeValue(Array.isArray(value) ? value.map(word) : word(value));
  };
}

/** One line naming what was created or removed: the customer, the contact or the file. */
function summaryText(entry: TimelineEntry, valueText: (field: string, value: unknown) => string): string {
  const s = entry.summary ?? {};
  const parts =
    entry.entityType === 'customer'
      ? [s.name, s.uscc]
      : entry.entityType === 'application'
        ? [s.status === undefined ? undefined : valueText('status', s.status)]
        : entry.entityType === 'contact'
          ? [s.name, s.mobile, s.email]
          : [s.kind === undefined ? undefined : valueText('kind', s.kind), s.title, s.fileName];
  return parts.filter((p) => typeof p === 'string' && p !== '').join(' · ');
}

type Change = TimelineEntry['changes'][number];

/**
 * Whether a change is worth a line. A contract's changes are shown only for the fields the timeline has
 * words for (its state, custodian, archive place …): ids and nested records (the explanation, the terms)
 * would read as raw JSON.
 */
function shownChange(entry: TimelineEntry, c: Change): boolean {
  if (same(c.before, c.after) || HIDDEN_FIELDS.has(c.field)) return false;
  if (entry.entityType !== 'contract') return true;
  if (!(c.field in CONTRACT_FIELDS)) return false;
  return STAFF_FIELDS.has(c.field) || (isReadable(c.before) && isReadable(c.after));
}

function Entry({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const timeZone = useUser().org.timeZone;
  const valueText = useValueText(entry);
  const title = useActionTitle();
  const contract = entry.entityType === 'contract';
  // A document's kind comes along with its check mark to say which paper it was, not as a change.
  const isContext = (c: Change) =>
    entry.entityType !== 'customer' && !contract && c.field === 'kind' && c.before === null;
  const changes = entry.changes.filter((c) => !isContext(c) && shownChange(entry, c));
  const context = entry.changes.find(isContext);
  const summary = context ? valueText('kind', context.after) : summaryText(entry, valueText);
  const label = (field: string) =>
    contract && CONTRACT_FIELDS[field]
      ? t(CONTRACT_FIELDS[field])
      : t(`customers.fields.${field}`, { defaultValue: field });
  return (
    <div data-testid="timeline-entry">
      <Flex gap={8} wrap align="baseline">
        <Typography.Text strong>{title(entry)}</Typography.Text>
        <Typography.Text type="secondary">
          {formatInstant(entry.at, timeZone)}
          {entry.actorName && ` · ${entry.actorName}`}
        </Typography.Text>
      </Flex>
      {contract ? (
        <ContractSummary entry={entry} />
      ) : entry.entityType === 'application' ? (
        <div>
          <EntityLink entry={entry} />
          {summary && ` · ${summary}`}
        </div>
      ) : (
        summary && <div>{summary}</div>
      )}
      {changes.length > 0 && (
        <ul style={{ margin: '2px 0 0', paddingInlineStart: 18 }}>
          {changes.map((c) => (
            <li key={c.field}>
              <Typography.Text type="secondary">
                {label(c.field)}
                {t('customers.colon')}
              </Typography.Text>
              <Typography.Text delete type="secondary">
                {valueText(c.field, c.before)}
              </Typography.Text>
              {' → '}
              <Typography.Text>{valueText(c.field, c.after)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      <CauseLink entry={entry} />
    </div>
  );
}

/** What happened to the customer, newest first, from the audit trail (R2.3.2). */
export function TimelineTab({ customer }: { customer: CustomerView }) {
  const { t } = useTranslation();
  const query = useInfiniteQuery({
    queryKey: [CUSTOMERS, 'timeline', customer.id],
    queryFn: ({ pageParam }) => listTimeline(customer.id, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  if (query.isError && !query.data)
    return <LoadFailed message={query.error.message} onRetry={() => void query.refetch()} />;
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  const entries = query.data.pages.flatMap((p) => p.items);
  if (entries.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('customers.timeline.empty')} />;

  return (
    <div style={{ paddingTop: 8, maxWidth: 900 }}>
      <Timeline
        items={entries.map((entry) => ({
          key: entry.id,
          color: COLORS[entry.action] ?? 'blue',
          content: <Entry entry={entry} />,
        }))}
      />
      {query.hasNextPage && (
        <Button loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
          {t('customers.timeline.more')}
        </Button>
      )}
    </div>
  );
}
