import { eq, type SQL, sql } from 'drizzle-orm';
import { applicationReviews, applications } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { escapeLike, rows } from '../../platform/db/database.ts';

export type ApplicationRow = typeof applications.$inferSelect;
export type ReviewRow = typeof applicationReviews.$inferSelect;

export async function insertApplication(tx: Tx, v: typeof applications.$inferInsert) {
  return (await tx.insert(applications).values(v).returning())[0]!;
}
export async function updateApplicationRow(tx: Tx, id: string, v: Partial<typeof applications.$inferInsert>) {
  return (
    (
      await tx
        .update(applications)
        .set({ ...v, updatedAt: sql`now()` })
        .where(eq(applications.id, id))
        .returning()
    )[0] ?? null
  );
}
/** The row, locked: two reviewers deciding at once queue up, and the second sees the first's result. */
export async function lockApplication(tx: Tx, id: string): Promise<ApplicationRow | null> {
  return (await tx.select().from(applications).where(eq(applications.id, id)).for('update'))[0] ?? null;
}
export async function insertReview(tx: Tx, v: typeof applicationReviews.$inferInsert) {
  return (await tx.insert(applicationReviews).values(v).returning())[0]!;
}

export interface ReviewListRow extends ReviewRow {
  decidedByName: string | null;
}
export async function listReviews(tx: Tx, applicationId: string): Promise<ReviewListRow[]> {
  return rows<ReviewListRow>(
    tx,
    sql`select r.id, r.org_id as "orgId", r.application_id as "applicationId", r.stage, r.decision, r.comment,
               r.reject_reason as "rejectReason", r.checklist, r.stage_started_at as "stageStartedAt", r.due_on::text as "dueOn",
               r.decided_by as "decidedBy", r.decided_at as "decidedAt", u.display_name as "decidedByName"
          from application_reviews r left join users u on u.id = r.decided_by
         where r.application_id = ${applicationId}
         order by r.decided_at, r.id`,
  );
}

export interface ApplicationListRow extends ApplicationRow {
  customerName: string;
  customerUscc: string;
  customerStatus: string;
  createdByName: string | null;
  siteName: string | null;
  buildingName: string | null;
  /** created_at to the microsecond, for the cursor. */
  createdKey: string;
}

export interface ApplicationFilter {
  id?: string;
  status?: string;
  /** Any of these statuses (the "waiting for me" inbox). */
  statuses?: string[];
  customerId?: string;
  q?: string;
  /** Due before this business date: the stage is overdue. */
  dueBefore?: string;
  /** Leave out applications in which this user already decided a stage (segregation of duties). */
  notDecidedBy?: string;
  after?: [string, string];
  limit: number;
}

function conditions(f: ApplicationFilter): SQL {
  const c: SQL[] = [sql`true`];
  if (f.id) c.push(sql`a.id = ${f.id}`);
  if (f.status) c.push(sql`a.status = ${f.status}`);
  if (f.statuses) {
    c.push(
      f.statuses.length
        ? sql`a.status in (${sql.join(
            f.statuses.map((s) => sql`${s}`),
            sql`, `,
          )})`
        : sql`false`,
    );
  }
  if (f.customerId) c.push(sql`a.customer_id = ${f.customerId}`);
  if (f.q) {
    const p = `%${escapeLike(f.q)}%`;
    c.push(sql`(a.number like ${p} or c.name like ${p})`);
  }
  if (f.dueBefore) c.push(sql`a.stage_due_on < ${f.dueBefore}`);
  if (f.notDecidedBy) {
    c.push(
      sql`not exists (select 1 from application_reviews r
                   where r.application_id = a.id and r.decided_by = ${f.notDecidedBy} and r.stage <> a.status)`,
    );
  }
  if (f.after) {
    c.push(sql`(a.created_at, a.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  }
  return sql.join(c, sql` and `);
}

/** Newest first, with the names the list shows joined once per page. */
export async function listApplications(tx: Tx, f: ApplicationFilter): Promise<ApplicationListRow[]> {
  return rows<ApplicationListRow>(
    tx,
    sql`select a.id, a.org_id as "orgId", a.number, a.customer_id as "customerId", a.status,
               a.space_type as "spaceType", a.area_min::text as "areaMin", a.area_max::text as "areaMax",
               a.site_id as "siteId", a.building_id as "buildingId", a.unit_ids as "unitIds",
               a.start_date::text as "startDate", a.term_months as "termMonths", a.occupants,
               a.intended_use as "intendedUse", a.use_description as "useDescription", a.terms, a.notes,
               a.returned_from as "returnedFrom", a.stage_started_at as "stageStartedAt",
               a.stage_due_on::text as "stageDueOn", a.reminded_on::text as "remindedOn",
               a.notice_number as "noticeNumber", a.notice_issued_on::text as "noticeIssuedOn",
               a.notice_sign_by::text as "noticeSignBy", a.withdraw_reason as "withdrawReason",
               a.created_by as "createdBy", a.submitted_at as "submittedAt", a.closed_at as "closedAt",
               a.created_at as "createdAt", a.updated_at as "updatedAt",
               to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdKey",
               c.name as "customerName", c.uscc as "customerUscc", c.status as "customerStatus",
               u.display_name as "createdByName", s.name as "siteName", b.name as "buildingName"
          from applications a
          join customers c on c.id = a.customer_id
          left join users u on u.id = a.created_by
          left join sites s on s.id = a.site_id
          left join buildings b on b.id = a.building_id
         where ${conditions(f)}
         order by a.created_at desc, a.id desc
         limit ${f.limit}`,
  );
}

/** How many applications wait at these statuses, and how many of them are overdue. */
export async function countWaiting(
  tx: Tx,
  f: { statuses: string[]; notDecidedBy?: string; today: string },
): Promise<{ waiting: number; overdue: number }> {
  const [r] = await rows<{ waiting: number; overdue: number }>(
    tx,
    sql`select count(*)::int as waiting, count(*) filter (where a.stage_due_on < ${f.today})::int as overdue
          from applications a join customers c on c.id = a.customer_id
         where ${conditions({ statuses: f.statuses, notDecidedBy: f.notDecidedBy, limit: 0 })}`,
  );
  return r ?? { waiting: 0, overdue: 0 };
}

export interface ApplicationUnitRow {
  id: string;
  code: string;
  type: 'office' | 'warehouse' | 'other';
  floor: number;
  grossArea: string;
  insideArea: string;
  usableArea: string;
  siteName: string;
  buildingName: string;
  siteId: string;
  buildingId: string;
}
export async function unitsByIds(tx: Tx, ids: readonly string[]): Promise<ApplicationUnitRow[]> {
  if (!ids.length) return [];
  return rows<ApplicationUnitRow>(
    tx,
    sql`select u.id, u.code, u.type, u.floor, u.gross_area::text as "grossArea", u.inside_area::text as "insideArea",
               u.usable_area::text as "usableArea", s.name as "siteName", b.name as "buildingName",
               b.id as "buildingId", s.id as "siteId"
          from units u join buildings b on b.id = u.building_id join sites s on s.id = b.site_id
         where u.id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         order by b.name collate "C", u.code collate "C"`,
  );
}

/** The site and the building's site, as this organization sees them (row-level security). */
export async function findPlace(tx: Tx, siteId: string | null, buildingId: string | null) {
  const [r] = await rows<{ siteFound: boolean; buildingSiteId: string | null }>(
    tx,
    sql`select exists (select 1 from sites where id = ${siteId}) as "siteFound",
               (select site_id from buildings where id = ${buildingId}) as "buildingSiteId"`,
  );
  return r!;
}

/** The customer's applications still in progress: approved (notice out) and under review or returned. */
export async function openApplicationsOf(
  tx: Tx,
  customerId: string,
): Promise<{ approved: number; pending: number }> {
  const [r] = await rows<{ approved: number; pending: number }>(
    tx,
    sql`select count(*) filter (where status = 'approved')::int as approved,
               count(*) filter (where status in ('business_review', 'legal_review', 'finance_review',
                                                 'management_approval', 'returned'))::int as pending
          from applications where customer_id = ${customerId}`,
  );
  return r ?? { approved: 0, pending: 0 };
}

// ---- daily jobs ----------------------------------------------------------------------------------

/** Approved applications whose notice was not signed by its deadline, locked for the expiry job. */
export async function takeExpiredNotices(tx: Tx, today: string): Promise<ApplicationRow[]> {
  return tx
    .select()
    .from(applications)
    .where(sql`${applications.status} = 'approved' and ${applications.noticeSignBy} < ${today}`)
    .for('update', { skipLocked: true });
}

export interface OverdueStageRow {
  id: string;
  number: string;
  status: string;
  stageDueOn: string;
  customerName: string;
  /** Users who decided an earlier stage: segregation of duties keeps them off this one. */
  excludedUserIds: string[];
}
/**
 * Stages past their due date not yet reminded about today; marks them reminded in the same statement,
 * so a re-run for the same date finds nothing.
 */
export async function takeOverdueStages(tx: Tx, today: string): Promise<OverdueStageRow[]> {
  return rows<OverdueStageRow>(
    tx,
    sql`with due as (
          update applications a set reminded_on = ${today}
           where a.status in ('business_review', 'legal_review', 'finance_review', 'management_approval')
             and a.stage_due_on < ${today} and (a.reminded_on is null or a.reminded_on < ${today})
          returning a.id, a.number, a.status, a.stage_due_on, a.customer_id)
        select d.id, d.number, d.status, d.stage_due_on::text as "stageDueOn", c.name as "customerName",
               coalesce((select array_agg(distinct r.decided_by) from application_reviews r
                    where r.application_id = d.id and r.stage <> d.status),
                        '{}') as "excludedUserIds"
          from due d join customers c on c.id = d.customer_id
         order by d.number`,
  );
}

// ---- statistics ----------------------------------------------------------------------------------

/** The instants that bound the organization's days `from` to `to`, so the range can use an index. */
const dayRange = (column: SQL, from: string, to: string, timeZone: string) =>
  sql`${column} >= (${from}::date::timestamp at time zone ${timeZone})
      and ${column} < ((${to}::date + 1)::timestamp at time zone ${timeZone})`;

export interface StageStatRow {
  stage: string;
  decided: number;
  averageHours: number | null;
  medianHours: number | null;
  overdue: number;
}
/** Time each stage took, from its start to its decision, for decisions in the date range (org's days). */
export async function stageStats(
  tx: Tx,
  from: string,
  to: string,
  timeZone: string,
): Promise<StageStatRow[]> {
  return rows<StageStatRow>(
    tx,
    sql`select r.stage, count(*)::int as decided,
               round((avg(extract(epoch from r.decided_at - r.stage_started_at)) / 3600)::numeric, 1)::float8 as "averageHours",
               round((percentile_cont(0.5) within group (order by extract(epoch from r.decided_at - r.stage_started_at)) / 3600)::numeric, 1)::float8 as "medianHours",
               count(*) filter (where (r.decided_at at time zone ${timeZone})::date > r.due_on)::int as overdue
          from application_reviews r
         where ${dayRange(sql`r.decided_at`, from, to, timeZone)}
         group by r.stage`,
  );
}

export interface OutcomeRow {
  approved: number;
  rejected: number;
  withdrawn: number;
}
/**
 * Applications that reached an outcome in the range, each counted once by its last one there: approved
 * by management, rejected at any stage, or withdrawn (an approval later withdrawn counts as withdrawn).
 */
export async function outcomeStats(tx: Tx, from: string, to: string, timeZone: string): Promise<OutcomeRow> {
  const [r] = await rows<OutcomeRow>(
    tx,
    sql`with events as (
          select r.application_id, r.decided_at as at,
                 case when r.decision = 'reject' then 'rejected' else 'approved' end as kind
            from application_reviews r
           where (r.decision = 'reject' or (r.stage = 'management_approval' and r.decision = 'approve'))
             and ${dayRange(sql`r.decided_at`, from, to, timeZone)}
          union all
          select a.id, a.closed_at, 'withdrawn' from applications a
           where a.status = 'withdrawn' and ${dayRange(sql`a.closed_at`, from, to, timeZone)}),
        last as (select distinct on (application_id) kind from events order by application_id, at desc)
        select count(*) filter (where kind = 'approved')::int as approved,
               count(*) filter (where kind = 'rejected')::int as rejected,
               count(*) filter (where kind = 'withdrawn')::int as withdrawn
          from last`,
  );
  return r ?? { approved: 0, rejected: 0, withdrawn: 0 };
}

export async function rejectionsByMonth(tx: Tx, from: string, to: string, timeZone: string) {
  return rows<{ month: string; reason: string; count: number }>(
    tx,
    sql`select to_char(r.decided_at at time zone ${timeZone}, 'YYYY-MM') as month,
               coalesce(r.reject_reason, 'other') as reason, count(*)::int as count
          from application_reviews r
         where r.decision = 'reject' and ${dayRange(sql`r.decided_at`, from, to, timeZone)}
         group by 1, 2 order by 1, 2`,
  );
}
