import { eq, type SQL, sql } from 'drizzle-orm';
import { customerContacts, customerDocuments, customers } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { escapeLike, plannedRows, rows } from '../../platform/db/database.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type ContactRow = typeof customerContacts.$inferSelect;
export type DocumentRow = typeof customerDocuments.$inferSelect;

export async function insertCustomer(tx: Tx, v: typeof customers.$inferInsert) {
  return (await tx.insert(customers).values(v).returning())[0]!;
}
export async function updateCustomerRow(tx: Tx, id: string, v: Partial<typeof customers.$inferInsert>) {
  return (
    (
      await tx
        .update(customers)
        .set({ ...v, updatedAt: sql`now()` })
        .where(eq(customers.id, id))
        .returning()
    )[0] ?? null
  );
}
/** The row, locked for the rest of the transaction: status changes and edits of one customer queue up. */
export async function lockCustomer(tx: Tx, id: string): Promise<CustomerRow | null> {
  return (await tx.select().from(customers).where(eq(customers.id, id)).for('update'))[0] ?? null;
}
export async function findCustomerByUscc(tx: Tx, uscc: string) {
  return (
    (
      await tx
        .select({ id: customers.id, name: customers.name })
        .from(customers)
        .where(eq(customers.uscc, uscc))
    )[0] ?? null
  );
}

/** Suffixes that say nothing about which company it is, taken off before names are compared. */
const LEGAL_SUFFIXES = /(股份有限公司|有限责任公司|有限公司|集团|分公司|公司|工作室|个体工商户)$/;

/**
 * Customers whose names look like the same company: trigram-similar to the whole name, or containing
 * its distinctive part (the name without the legal-form suffix).
 */
export async function similarCustomers(tx: Tx, name: string, exceptId: string | null) {
  const core = name
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(LEGAL_SUFFIXES, '')
    .trim();
  await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', '0.5', true)`);
  // On the search view: `%` and LIKE are not leakproof, so on the table itself RLS would read every row.
  return rows<{ id: string; name: string; uscc: string }>(
    tx,
    sql`select c.id, c.name, k.uscc from customer_search c join customers k on k.id = c.id
         where (c.name % ${name} ${core.length >= 3 ? sql`or c.name like ${`%${escapeLike(core)}%`}` : sql``})
           and ${exceptId ? sql`c.id <> ${exceptId}` : sql`true`}
         order by similarity(c.name, ${name}) desc, c.name collate "C"
         limit 5`,
  );
}

/**
 * An instant as text with all six decimals, for cursors: rows written in one transaction share their
 * timestamp to the microsecond, and a cursor rounded to milliseconds would skip or repeat them.
 */
const instantKey = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export interface CustomerListRow extends CustomerRow {
  /** created_at to the microsecond, for the newest-first cursor. */
  createdKey: string;
  accountManagerName: string | null;
  primaryContactName: string | null;
  primaryContactMobile: string | null;
}

/** What a list shows of a customer: the summary, with the timestamp already as ISO text. */
export interface CustomerSummaryRow {
  id: string;
  name: string;
  uscc: string;
  status: CustomerRow['status'];
  industry: string | null;
  accountManagerId: string | null;
  tags: string[];
  /** ISO 8601 to the millisecond, as the API shows it. */
  createdAt: string;
  /** created_at to the microsecond, for the newest-first cursor. */
  createdKey: string;
  accountManagerName: string | null;
  primaryContactName: string | null;
  primaryContactMobile: string | null;
}

export interface CustomerFilter {
  id?: string;
  /** Already classified by the caller (see searchTerm in queries.ts). */
  term?: { kind: 'uscc' | 'phone' | 'substring' | 'prefix'; value: string };
  status?: string;
  industry?: string;
  accountManagerId?: string;
  tag?: string;
  sort: 'name' | 'newest';
  after?: [string, string];
  limit: number;
}

/** Exact USCC or phone: equality is leakproof, so these use their indexes under row-level security. */
function exactCondition(term: { kind: 'uscc' | 'phone'; value: string }): SQL {
  return term.kind === 'uscc'
    ? sql`c.uscc = ${term.value}`
    : sql`c.id in (select customer_id from customer_contacts where mobile = ${term.value})`;
}

const likePattern = (term: string) => `%${escapeLike(term)}%`;

/**
 * A term of one or two characters makes no trigram: a prefix of the customer's name or a contact's exact
 * name. The prefix is a range of the byte-order index (names starting with `ab` are those from `ab` up to,
 * not including, `ac`: UTF-8 bytes sort as code points), so it needs no LIKE, and its plan is the same for
 * every prefix. LIKE is not leakproof either: under row-level security PostgreSQL may not use an index for
 * it. These run on the search views (owner's rights, the organization filter written into the view).
 */
function prefixConditions(value: string, v: (x: unknown) => SQL): [SQL, SQL] {
  const next = nextPrefix(value);
  return [
    sql`(c.name collate "C") >= ${v(value)}${next === null ? sql`` : sql` and (c.name collate "C") < ${v(next)}`}`,
    sql`c.id in (select customer_id from customer_contact_search where name = ${v(value)})`,
  ];
}

/** The first string after every string that starts with `prefix`, in code point order; none past U+10FFFF. */
export function nextPrefix(prefix: string): string | null {
  const chars = [...prefix];
  while (chars.length) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) return chars.join('') + String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
  }
  return null;
}

/**
 * For a page of L rows among N names of which m match, spread evenly, a walk in list order passes L·N/m
 * names and reading the matches through the trigram index reads m, so walking is the cheaper way above
 * m = √(L·N/k), k being how many names a walk passes in the time one match is read. Walks that give up
 * (matches bunched late in the order) and the ceiling overstating m (it is the rarest trigram's count)
 * pull k down from the bare 20 (0.2 µs a name against 4 µs a match): over 850 bench terms at 1M
 * customers, k = 6 to 10 did best (k = 3 and 20 cost 15 % more, and doubled the slowest terms). With 8,
 * a page of 51 walks from 2,500 matches of a million, 800 of 100,000.
 */
const READ_PER_WALKED = 8;

/**
 * How far the walks go. The first passes `first` names (about 4 ms) before it gives up and the matches are
 * read instead. One that found at least half a page goes on for up to `more` names: matches that dense
 * finish the page within about as many names again (a term such as 储有限责任公, 2,600 names of a million,
 * finds 48 in the first 20,000), sooner than reading them all (about 10 ms) would. Tests shorten both to
 * cross every path on a short list.
 */
export const walkLimits = { first: 20_000, more: 40_000 };

/** The distinct trigrams of a term of three or more characters. */
function trigramsOf(term: string): string[] {
  const chars = [...term];
  return [...new Set(chars.slice(2).map((_, i) => chars.slice(i, i + 3).join('')))];
}

/** One page of customers, filtered and sorted on the server, with the few joined names the list shows. */
export function listCustomers(tx: Tx, f: CustomerFilter): Promise<CustomerSummaryRow[]> {
  return pickCustomers(tx, f, SUMMARY_COLUMNS);
}

/** One customer with every column, for its page. */
export async function customerById(tx: Tx, id: string): Promise<CustomerListRow | null> {
  const [c] = await pickCustomers<CustomerListRow>(tx, { id, sort: 'name', limit: 1 }, FULL_COLUMNS);
  return c ?? null;
}

async function pickCustomers<T>(tx: Tx, f: CustomerFilter, columns: SQL): Promise<T[]> {
  const { query, planned } = customerPageQuery(f, columns);
  return (planned ? plannedRows<T> : rows<T>)(tx, query);
}

/** The statement that reads one page, and whether it is planned once (exported for its plan's test). */
export function customerPageQuery(
  f: CustomerFilter,
  columns = SUMMARY_COLUMNS,
): { query: SQL; planned: boolean } {
  // Industry, account manager and tag are rare or common depending on the value: with one of them the
  // plan should be made for the value. Without, each query below has one right plan: plan it once, and
  // give it the values as sub-selects, which the planner cannot look into; else a plan made for the values
  // (a cursor, a prefix) looks cheaper than the generic one, and PostgreSQL plans at every run.
  // So is a prefix newest first: a rare prefix reads its range and sorts it, a common one walks the list.
  const planned =
    !f.industry && !f.accountManagerId && !f.tag && !(f.term?.kind === 'prefix' && f.sort === 'newest');
  // The cast goes inside the sub-select: a cast of it is no longer a value an index condition may use.
  const v = (x: unknown, type = sql`text`) => (planned ? sql`(select ${x}::${type})` : sql`${x}::${type}`);
  const conditions: SQL[] = [];
  if (f.id) conditions.push(sql`c.id = ${f.id}`);
  if (f.status) conditions.push(sql`c.status = ${f.status}`);
  if (f.industry) conditions.push(sql`c.industry = ${f.industry}`);
  if (f.accountManagerId) conditions.push(sql`c.account_manager_id = ${f.accountManagerId}`);
  if (f.tag) conditions.push(sql`${f.tag} = any(c.tags)`);
  // Rows after a position in the list's order; an index condition when both values are.
  const after = (sortValue: SQL, id: SQL) =>
    f.sort === 'name'
      ? sql`((c.name collate "C"), c.id) > (${sortValue} collate "C", ${id})`
      : sql`(c.created_at, c.id) < (${sortValue}, ${id})`;
  if (f.after) {
    const sortType = f.sort === 'name' ? sql`text` : sql`timestamptz`;
    conditions.push(after(v(f.after[0], sortType), v(f.after[1], sql`uuid`)));
  }
  const where = (extra: SQL[]) =>
    conditions.length + extra.length ? sql.join([...conditions, ...extra], sql` and `) : sql`true`;
  const order = f.sort === 'name' ? sql`(c.name collate "C"), c.id` : sql`c.created_at desc, c.id desc`;
  const reverse = f.sort === 'name' ? sql`(c.name collate "C") desc, c.id desc` : sql`c.created_at, c.id`;
  const term = f.term;
  const key = f.sort === 'name' ? sql`c.id, c.name` : sql`c.id, c.created_at`;
  const exact =
    term && (term.kind === 'uscc' || term.kind === 'phone')
      ? exactCondition({ kind: term.kind, value: term.value })
      : null;

  if (term?.kind === 'substring') {
    const walkColumns = f.sort === 'name' ? key : sql`${key}, c.name`;
    const sortColumn = sql.raw(f.sort === 'name' ? 'name' : 'created_at');
    const afterLast = after(sql`(select ${sortColumn} from last_walked)`, sql`(select id from last_walked)`);
    const pattern = likePattern(term.value);
    const search = { pattern, where, order, reverse, key, walkColumns, afterLast, limit: f.limit };
    // Every choice in it is fenced (see substringSearch): planning was four fifths of a rare term's search.
    return { query: pageQuery(substringSearch(search, trigramsOf(term.value)), order, columns), planned };
  }
  // A prefix search is two searches, each stopping at the page size in the list's order; the page is the
  // first rows of their union. Each selects only the sort key, so the name branch can read the byte-order
  // index alone (an index-only scan).
  const prefix = term?.kind === 'prefix' ? prefixConditions(term.value, v) : null;
  const picked = prefix
    ? pickNames(
        sql`select ${key} from customer_search c where ${where([prefix[0]])} order by ${order} limit ${literal(f.limit)}`,
        sql`select ${key} from customer_search c where ${where([prefix[1]])} order by ${order} limit ${literal(f.limit)}`,
        order,
        f.limit,
      )
    : sql`select c.* from customers c where ${where(exact ? [exact] : [])} order by ${order} limit ${literal(f.limit)}`;
  return { query: pageQuery(picked, order, columns), planned };
}

/** The page from the customers found by their own names and those found by a contact's name. */
const pickNames = (own: SQL, byContact: SQL, order: SQL, limit: number) =>
  sql`select c.* from customers c join (
        select id from ((${own}) union (${byContact})) c order by ${order} limit ${literal(limit)}
      ) h on h.id = c.id`;

/**
 * A substring of three or more characters, as one statement. PostgreSQL's guess at how many names hold
 * `%term%` depends only on the term's length, so it would often take the wrong one of the two ways to
 * find a page; the nightly trigram counts choose instead. The ceiling is the smallest count among the
 * term's trigrams (0 when one is unknown: names added since, the safe side); above √(L·N/8) (see
 * READ_PER_WALKED) the term walks. A common term walks the
 * names in list order and keeps those that match, going on from the last one found when the first walk
 * found half a page, and giving up after `walkLimits` names (matches fewer than the ceiling said, or
 * bunched together late in the order, such as one city's companies); a rare term, or a walk that gave
 * up, reads every match through the trigram index and sorts them. A first walk that fell short for a
 * term with more matches than it walks names counts whether the list ended within it (a last page, or a
 * filter that leaves few names): then its matches are all there are, and reading every match of such a
 * term (a quarter of a second for 有限公司 at 1M) would only find them again. The count costs about a
 * third of the walk, so rarer terms do without it (their reading costs less than 80 ms however it ends). Contacts' names give ids, looked up by
 * key.
 *
 * Nothing is left for the planner to choose by the pattern: the walk is an index walk with a written
 * limit, the matches are materialized, and the contacts' customers are `id = any(array(...))`, which it
 * never turns into a walk. So one plan serves every term and is made once per connection.
 */
function substringSearch(
  s: {
    pattern: string;
    where: (extra: SQL[]) => SQL;
    order: SQL;
    reverse: SQL;
    key: SQL;
    /** The key and the name, which the walk filters on. */
    walkColumns: SQL;
    /** Rows after the last one the first walk found. */
    afterLast: SQL;
    limit: number;
  },
  trigrams: string[],
): SQL {
  const { where, order, key } = s;
  // The values as sub-selects: the planner cannot look into them, so the plan made for a term costs what
  // the generic plan costs, and PostgreSQL keeps the generic one (it charges for planning) after five runs.
  const pattern = sql`(select ${s.pattern}::text)`;
  const limit = literal(s.limit);
  const tri = sql`${`{${trigrams.map((t) => `"${t.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;
  const walk = sql`(select n > walk_from from ceiling)`;
  const [first, half] = [literal(walkLimits.first), literal(Math.ceil(s.limit / 2))];
  // Up to a page of the names that match, from at most `names` names in list order.
  const walkNames = (conditions: SQL[], names: number) =>
    sql`select ${key} from (
          select ${s.walkColumns} from customer_search c
           where ${where(conditions)} order by ${order} limit ${literal(names)}) c
         where c.name like ${pattern}
         order by ${order} limit ${limit}`;
  return sql`with ceiling as materialized (
      select case when count(*) = cardinality(${tri}) then coalesce(min(customers), 0) else 0 end as n,
             coalesce((select sqrt(${limit}::float8 * s.customers / ${literal(READ_PER_WALKED)})
                         from customer_search_stats s), 0) as walk_from
        from customer_name_trigrams where trigram = any((select ${tri})::text[])),
    walked as materialized (${walkNames([walk], walkLimits.first)}),
    last_walked as materialized (select * from walked c order by ${s.reverse} limit 1),
    walked_on as materialized (${walkNames(
      [sql`(select count(*) from walked) between ${half} and ${literal(s.limit - 1)}`, s.afterLast],
      walkLimits.more,
    )}),
    found as materialized (select * from walked union all select * from walked_on),
    walks_ended as materialized (
      select (select n from ceiling) > ${first} and (select count(*) from (
                select 1 from customer_search c where ${where([])} order by ${order} limit ${first}) c) < ${first}
             as ended),
    matched as materialized (
      select ${key} from customer_search c
       where ${where([
         sql`c.name like ${pattern}`,
         sql`(not ${walk} or ((select count(*) from found) < ${limit} and not (select ended from walks_ended)))`,
       ])}),
    by_contact as materialized (
      select ${key} from customer_search c
       where ${where([sql`c.id = any(array(select customer_id from customer_contact_search where name like ${pattern}))`])}
       order by ${order} limit ${limit})
    ${pickNames(
      sql`select * from found
           where (select count(*) from found) >= ${limit} or (${walk} and (select ended from walks_ended))
          union all
          (select * from matched c order by ${order} limit ${limit})`,
      sql`select * from by_contact`,
      order,
      s.limit,
    )}`;
}

// A list reads only what it shows: each column more is parsed again for every row of every page.
const SUMMARY_COLUMNS = sql`c.id, c.name, c.uscc, c.status, c.industry, c.account_manager_id as "accountManagerId", c.tags,
  to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt"`;
const FULL_COLUMNS = sql`c.id, c.org_id as "orgId", c.name, c.kind, c.uscc, c.legal_representative as "legalRepresentative",
  c.registered_capital as "registeredCapital", c.established_on::text as "establishedOn",
  c.industry, c.registered_address as "registeredAddress", c.scale,
  c.account_manager_id as "accountManagerId", c.tags, c.notes, c.status,
  c.status_before_blacklist as "statusBeforeBlacklist", c.blacklist_reason as "blacklistReason",
  c.blacklisted_at as "blacklistedAt", c.blacklisted_by as "blacklistedBy",
  c.import_batch_id as "importBatchId", c.created_at as "createdAt", c.updated_at as "updatedAt"`;

/** An integer written into the statement: a plan made once must know its limit. */
function literal(n: number): SQL {
  if (!Number.isSafeInteger(n)) throw new Error(`not an integer: ${n}`);
  return sql.raw(String(n));
}

function pageQuery(picked: SQL, order: SQL, columns: SQL): SQL {
  return sql`with picked as (${picked})
        select ${columns}, ${instantKey(sql`c.created_at`)} as "createdKey", u.display_name as "accountManagerName",
               c.primary_contact_name as "primaryContactName", c.primary_contact_mobile as "primaryContactMobile"
          from picked c
          left join users u on u.id = c.account_manager_id
         order by ${order}`;
}

/** Active users of the business department: who may manage a customer. */
export async function accountManagers(tx: Tx, id?: string) {
  return rows<{ id: string; displayName: string }>(
    tx,
    sql`select id, display_name as "displayName" from users
         where active and 'business' = any(roles) and ${id ? sql`id = ${id}` : sql`true`}
         order by display_name collate "C", id`,
  );
}

// ---- contacts ------------------------------------------------------------------------------------

export async function listContacts(tx: Tx, customerId: string): Promise<ContactRow[]> {
  return rows<ContactRow>(
    tx,
    sql`select id, org_id as "orgId", customer_id as "customerId", name, title, mobile, email,
               is_primary as "isPrimary", roles, notes, created_at as "createdAt", updated_at as "updatedAt"
          from customer_contacts where customer_id = ${customerId}
         order by is_primary desc, created_at, id`,
  );
}
export async function findContact(tx: Tx, customerId: string, id: string): Promise<ContactRow | null> {
  return (await listContacts(tx, customerId)).find((c) => c.id === id) ?? null;
}
export async function insertContact(tx: Tx, v: typeof customerContacts.$inferInsert) {
  return (await tx.insert(customerContacts).values(v).returning())[0]!;
}
export async function updateContactRow(tx: Tx, id: string, v: Partial<typeof customerContacts.$inferInsert>) {
  return (
    (
      await tx
        .update(customerContacts)
        .set({ ...v, updatedAt: sql`now()` })
        .where(eq(customerContacts.id, id))
        .returning()
    )[0] ?? null
  );
}
/** Takes the primary flag off every contact of the customer but one (the unique index allows one). */
export async function clearPrimary(tx: Tx, customerId: string, exceptId: string | null) {
  await tx.execute(
    sql`update customer_contacts set is_primary = false, updated_at = now()
         where customer_id = ${customerId} and is_primary and ${exceptId ? sql`id <> ${exceptId}` : sql`true`}`,
  );
}
export async function deleteContactRow(tx: Tx, id: string) {
  await tx.delete(customerContacts).where(eq(customerContacts.id, id));
}

// ---- qualification documents ---------------------------------------------------------------------

export interface DocumentListRow extends DocumentRow {
  verifiedByName: string | null;
  uploadedByName: string | null;
}

export async function insertDocument(tx: Tx, v: typeof customerDocuments.$inferInsert) {
  return (await tx.insert(customerDocuments).values(v).returning())[0]!;
}
export async function updateDocumentRow(
  tx: Tx,
  id: string,
  v: Partial<typeof customerDocuments.$inferInsert>,
) {
  return (
    (await tx.update(customerDocuments).set(v).where(eq(customerDocuments.id, id)).returning())[0] ?? null
  );
}
/** The customer's documents on file (removed ones are kept for the record but not listed). */
export async function listDocuments(tx: Tx, customerId: string, id?: string): Promise<DocumentListRow[]> {
  return rows<DocumentListRow>(
    tx,
    sql`select d.id, d.org_id as "orgId", d.customer_id as "customerId", d.kind, d.title, d.document_no as "documentNo",
               d.file_name as "fileName", d.media_type as "mediaType", d.size, d.sha256, d.storage_path as "storagePath",
               d.issued_on::text as "issuedOn", d.expires_on::text as "expiresOn", d.verified_at as "verifiedAt",
               d.verified_by as "verifiedBy", d.expiry_warned_for::text as "expiryWarnedFor", d.uploaded_by as "uploadedBy",
               d.removed_at as "removedAt", d.removed_by as "removedBy", d.created_at as "createdAt",
               v.display_name as "verifiedByName", u.display_name as "uploadedByName"
          from customer_documents d
          left join users v on v.id = d.verified_by
          left join users u on u.id = d.uploaded_by
         where d.customer_id = ${customerId} and d.removed_at is null and ${id ? sql`d.id = ${id}` : sql`true`}
         order by d.created_at desc, d.id desc`,
  );
}

export interface ExpiringDocument {
  id: string;
  customerId: string;
  customerName: string;
  kind: string;
  title: string | null;
  expiresOn: string;
  accountManagerId: string;
}

/**
 * Documents that expire within the window and have not been warned about for this expiry date, with the
 * account manager to tell; marks them warned in the same statement, so a re-run finds nothing new.
 */
export async function takeExpiringDocuments(tx: Tx, from: string, to: string): Promise<ExpiringDocument[]> {
  return rows<ExpiringDocument>(
    tx,
    sql`update customer_documents d set expiry_warned_for = d.expires_on
          from customers c
         where c.id = d.customer_id and c.account_manager_id is not null and d.removed_at is null
           and d.expires_on between ${from}::date and ${to}::date
           and d.expiry_warned_for is distinct from d.expires_on
        returning d.id, d.customer_id as "customerId", c.name as "customerName", d.kind, d.title,
                  d.expires_on::text as "expiresOn", c.account_manager_id as "accountManagerId"`,
  );
}

// ---- timeline ------------------------------------------------------------------------------------

export interface TimelineRow {
  id: string;
  at: Date | string;
  /** at to the microsecond, for the cursor. */
  atKey: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  actorName: string | null;
  actorKind: string;
}

/** Everything recorded about the customer, newest first: the audit rows that name it. */
export async function timelineRows(
  tx: Tx,
  customerId: string,
  after: [string, string] | undefined,
  limit: number,
) {
  return rows<TimelineRow>(
    tx,
    sql`select a.id, a.at, ${instantKey(sql`a.at`)} as "atKey", a.action, a.entity_type as "entityType", a.entity_id as "entityId", a.before, a.after,
               u.display_name as "actorName", a.actor_kind as "actorKind"
          from audit_log a left join users u on u.id = a.actor_id
         where a.customer_id = ${customerId}
           and ${after ? sql`(a.at, a.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql`true`}
         order by a.at desc, a.id desc
         limit ${limit}`,
  );
}

// ---- search statistics ---------------------------------------------------------------------------

/**
 * Counts again, for the organization of the transaction, how often each three-character string occurs in
 * its customer names (a name that repeats one counts it twice; the figure is only a hint). Set-based: a
 * million names take about ten seconds.
 */
export async function refreshNameTrigrams(tx: Tx): Promise<{ trigrams: number; customers: number }> {
  await tx.execute(sql`delete from customer_name_trigrams`);
  await tx.execute(sql`delete from customer_search_stats`);
  const [r] = await rows<{ trigrams: number; customers: number }>(
    tx,
    sql`with counted as (
          insert into customer_name_trigrams (org_id, trigram, customers)
          select c.org_id, substr(c.name, i, 3), count(*)
            from customers c, generate_series(1, char_length(c.name) - 2) i
           group by 1, 2
          returning 1),
        total as (
          insert into customer_search_stats (org_id, customers)
          select org_id, count(*) from customers group by org_id
          returning customers)
        select (select count(*) from counted)::int as trigrams,
               coalesce((select sum(customers) from total), 0)::int as customers`,
  );
  return r ?? { trigrams: 0, customers: 0 };
}
