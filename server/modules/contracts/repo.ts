import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  contractEvents,
  contractFiles,
  contractPaymentDemands,
  contracts,
  contractTemplates,
  contractVersions,
  contractViolations,
} from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { escapeLike, rows } from '../../platform/db/database.ts';

export type ContractRow = typeof contracts.$inferSelect;
export type VersionRow = typeof contractVersions.$inferSelect;
export type EventRow = typeof contractEvents.$inferSelect;
export type FileRow = typeof contractFiles.$inferSelect;
export type ViolationRow = typeof contractViolations.$inferSelect;
export type DemandRow = typeof contractPaymentDemands.$inferSelect;
export type TemplateRow = typeof contractTemplates.$inferSelect;

// ---- contracts -----------------------------------------------------------------------------------

export async function insertContract(tx: Tx, v: typeof contracts.$inferInsert) {
  return (await tx.insert(contracts).values(v).returning())[0]!;
}
export async function updateContractRow(tx: Tx, id: string, v: Partial<typeof contracts.$inferInsert>) {
  return (
    await tx
      .update(contracts)
      .set({ ...v, updatedAt: sql`now()` })
      .where(eq(contracts.id, id))
      .returning()
  )[0]!;
}
/** The row, locked: two people acting on one contract at once queue up. */
export async function lockContract(tx: Tx, id: string): Promise<ContractRow | null> {
  return (await tx.select().from(contracts).where(eq(contracts.id, id)).for('update'))[0] ?? null;
}
/** Contracts of an application that still count (not cancelled). */
export async function liveContractOfApplication(tx: Tx, applicationId: string, exceptId?: string) {
  return (
    (
      await tx
        .select({ id: contracts.id, number: contracts.number })
        .from(contracts)
        .where(
          and(
            eq(contracts.applicationId, applicationId),
            sql`${contracts.status} <> 'cancelled'`,
            exceptId ? sql`${contracts.id} <> ${exceptId}` : undefined,
          ),
        )
    )[0] ?? null
  );
}
export async function renewalsOf(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return [];
  return tx
    .select({
      id: contracts.id,
      number: contracts.number,
      status: contracts.status,
      renewalOf: contracts.renewalOf,
    })
    .from(contracts)
    .where(and(inArray(contracts.renewalOf, [...ids]), sql`${contracts.status} <> 'cancelled'`));
}
export async function contractNumbers(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: contracts.id, number: contracts.number })
    .from(contracts)
    .where(inArray(contracts.id, [...ids]));
}

// ---- versions ------------------------------------------------------------------------------------

export async function insertVersion(tx: Tx, v: typeof contractVersions.$inferInsert) {
  return (await tx.insert(contractVersions).values(v).returning())[0]!;
}
export async function updateVersionRow(
  tx: Tx,
  contractId: string,
  version: number,
  v: Partial<typeof contractVersions.$inferInsert>,
) {
  return (
    await tx
      .update(contractVersions)
      .set(v)
      .where(and(eq(contractVersions.contractId, contractId), eq(contractVersions.version, version)))
      .returning()
  )[0]!;
}
export async function versionsOf(tx: Tx, contractIds: readonly string[]): Promise<VersionRow[]> {
  if (!contractIds.length) return [];
  return tx
    .select()
    .from(contractVersions)
    .where(inArray(contractVersions.contractId, [...contractIds]))
    .orderBy(contractVersions.contractId, contractVersions.version);
}

// ---- events, files, violations, demands ----------------------------------------------------------

export async function insertEvent(tx: Tx, v: typeof contractEvents.$inferInsert) {
  return (await tx.insert(contractEvents).values(v).returning())[0]!;
}
export interface EventListRow extends EventRow {
  actorName: string | null;
}
export async function eventsOf(tx: Tx, contractIds: readonly string[]): Promise<EventListRow[]> {
  if (!contractIds.length) return [];
  return rows<EventListRow>(
    tx,
    sql`select e.id, e.org_id as "orgId", e.contract_id as "contractId", e.kind, e.on_date::text as "onDate", e.data,
               e.actor_id as "actorId", e.at, u.display_name as "actorName"
          from contract_events e left join users u on u.id = e.actor_id
         where e.contract_id in (${sql.join(
           contractIds.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
         order by e.contract_id, e.at, e.id`,
  );
}
export async function insertFile(tx: Tx, v: typeof contractFiles.$inferInsert) {
  return (await tx.insert(contractFiles).values(v).returning())[0]!;
}
export async function filesOf(tx: Tx, contractId: string): Promise<FileRow[]> {
  return tx
    .select()
    .from(contractFiles)
    .where(eq(contractFiles.contractId, contractId))
    .orderBy(contractFiles.uploadedAt);
}
export async function insertViolation(tx: Tx, v: typeof contractViolations.$inferInsert) {
  return (await tx.insert(contractViolations).values(v).returning())[0]!;
}
export async function lockViolation(tx: Tx, contractId: string, id: string) {
  return (
    (
      await tx
        .select()
        .from(contractViolations)
        .where(and(eq(contractViolations.id, id), eq(contractViolations.contractId, contractId)))
        .for('update')
    )[0] ?? null
  );
}
export async function updateViolationRow(
  tx: Tx,
  id: string,
  v: Partial<typeof contractViolations.$inferInsert>,
) {
  return (await tx.update(contractViolations).set(v).where(eq(contractViolations.id, id)).returning())[0]!;
}
export async function violationsOf(tx: Tx, contractId: string): Promise<ViolationRow[]> {
  return tx
    .select()
    .from(contractViolations)
    .where(eq(contractViolations.contractId, contractId))
    .orderBy(desc(contractViolations.foundOn), contractViolations.id);
}
/** Sublets nobody has acted on whose art. 718 window ends by `deadlineBy`, not yet warned about. */
export async function subletsToWarn(tx: Tx, deadlineBy: string) {
  return rows<{
    id: string;
    contractId: string;
    foundOn: string;
    kind: string;
    recordedBy: string | null;
    contractNumber: string;
    customerId: string;
    customerName: string;
    accountManagerId: string | null;
  }>(
    tx,
    sql`select v.id, v.contract_id as "contractId", v.found_on::text as "foundOn", v.kind, v.recorded_by as "recordedBy",
               c.number as "contractNumber", c.customer_id as "customerId", cu.name as "customerName",
               cu.account_manager_id as "accountManagerId"
          from contract_violations v
          join contracts c on c.id = v.contract_id
          join customers cu on cu.id = c.customer_id
         where v.kind = 'sublet' and v.action is null and v.warned_on is null
           and (v.found_on + interval '6 months')::date <= ${deadlineBy}::date
         order by v.found_on, v.id`,
  );
}
export async function insertDemand(tx: Tx, v: typeof contractPaymentDemands.$inferInsert) {
  return (await tx.insert(contractPaymentDemands).values(v).returning())[0]!;
}
export async function demandsOf(tx: Tx, contractId: string): Promise<DemandRow[]> {
  return tx
    .select()
    .from(contractPaymentDemands)
    .where(eq(contractPaymentDemands.contractId, contractId))
    .orderBy(desc(contractPaymentDemands.demandedOn), contractPaymentDemands.id);
}
/** A formal demand whose deadline passed before `day`: art. 722's condition for terminating. */
export async function lapsedDemandExists(tx: Tx, contractId: string, day: string): Promise<boolean> {
  const [r] = await rows<{ found: boolean }>(
    tx,
    sql`select exists (select 1 from contract_payment_demands
                        where contract_id = ${contractId} and deadline < ${day}::date) as found`,
  );
  return Boolean(r?.found);
}

// ---- templates -----------------------------------------------------------------------------------

/** Serialises template writes of an organization (lazy creation, new versions) for this transaction. */
export async function lockTemplates(tx: Tx, orgId: string) {
  await rows(tx, sql`select pg_advisory_xact_lock(hashtext(${`contract_templates:${orgId}`}))`);
}
export async function latestTemplate(tx: Tx, kind: string): Promise<TemplateRow | null> {
  return (
    (
      await tx
        .select()
        .from(contractTemplates)
        .where(eq(contractTemplates.kind, kind))
        .orderBy(desc(contractTemplates.version))
        .limit(1)
    )[0] ?? null
  );
}
export async function templateById(tx: Tx, id: string): Promise<TemplateRow | null> {
  return (await tx.select().from(contractTemplates).where(eq(contractTemplates.id, id)))[0] ?? null;
}
export async function insertTemplate(tx: Tx, v: typeof contractTemplates.$inferInsert) {
  return (await tx.insert(contractTemplates).values(v).returning())[0]!;
}
export async function listTemplates(tx: Tx) {
  return rows<TemplateRow & { createdByName: string | null }>(
    tx,
    sql`select t.id, t.kind, t.version, t.title, t.clauses, t.created_by as "createdBy", t.created_at as "createdAt",
               u.display_name as "createdByName"
          from contract_templates t left join users u on u.id = t.created_by
         order by t.kind, t.version desc`,
  );
}

// ---- lists ---------------------------------------------------------------------------------------

export interface ContractListRow extends ContractRow {
  customerName: string;
  customerUscc: string;
  customerStatus: string;
  accountManagerId: string | null;
  accountManagerName: string | null;
  custodianName: string | null;
  createdKey: string;
}

export interface ContractFilter {
  id?: string;
  status?: string;
  customerId?: string;
  expiringBefore?: string;
  holdingOver?: boolean;
  q?: string;
  after?: [string, string];
  limit: number;
}

function conditions(f: ContractFilter): SQL {
  const c: SQL[] = [sql`true`];
  if (f.id) c.push(sql`c.id = ${f.id}`);
  if (f.status) c.push(sql`c.status = ${f.status}`);
  if (f.customerId) c.push(sql`c.customer_id = ${f.customerId}`);
  if (f.expiringBefore)
    c.push(sql`c.status in ('signed', 'active') and c.end_date <= ${f.expiringBefore}::date`);
  if (f.holdingOver !== undefined) c.push(sql`c.holding_over = ${f.holdingOver}`);
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    c.push(sql`(c.number ilike ${like} or cu.name ilike ${like} or exists (
      select 1 from contract_versions v, jsonb_array_elements(v.terms->'units') x
        join units un on un.id = (x->>'unitId')::uuid
       where v.contract_id = c.id and un.code ilike ${like}))`);
  }
  if (f.after) c.push(sql`(c.created_at, c.id) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`);
  return sql.join(c, sql` and `);
}

/** Newest first, keyset-paged on (created_at, id). */
export async function listContracts(tx: Tx, f: ContractFilter): Promise<ContractListRow[]> {
  return rows<ContractListRow>(
    tx,
    sql`select c.id, c.org_id as "orgId", c.number, c.customer_id as "customerId", c.application_id as "applicationId",
               c.no_application_reason as "noApplicationReason", c.renewal_of as "renewalOf", c.template_id as "templateId",
               c.status, c.start_date::text as "startDate", c.end_date::text as "endDate", c.notes, c.explanation,
               c.signed_on::text as "signedOn", c.lessor_signatory as "lessorSignatory",
               c.customer_signatory as "customerSignatory", c.signed_copy_file_id as "signedCopyFileId",
               c.custodian_id as "custodianId", c.archive_location as "archiveLocation",
               c.handed_over_on::text as "handedOverOn", c.handover, c.terminated_on::text as "terminatedOn",
               c.termination, c.moved_out_on::text as "movedOutOn", c.move_out as "moveOut",
               c.cancel_reason as "cancelReason", c.holding_over as "holdingOver",
               c.billed_through::text as "billedThrough", c.import_id as "importId",
               c.reminded_days_before as "remindedDaysBefore", c.created_by as "createdBy",
               c.created_at as "createdAt", c.updated_at as "updatedAt",
               to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdKey",
               cu.name as "customerName", cu.uscc as "customerUscc", cu.status as "customerStatus",
               cu.account_manager_id as "accountManagerId", am.display_name as "accountManagerName",
               cd.display_name as "custodianName"
          from contracts c
          join customers cu on cu.id = c.customer_id
          left join users am on am.id = cu.account_manager_id
          left join users cd on cd.id = c.custodian_id
         where ${conditions(f)}
         order by c.created_at desc, c.id desc
         limit ${f.limit}`,
  );
}

/** Binding contracts whose end date is `within` days or fewer away, with the reminder not yet sent. */
export async function contractsToRemind(tx: Tx, today: string, maxDays: number) {
  return rows<ContractListRow & { daysLeft: number }>(
    tx,
    sql`select c.id, c.number, c.customer_id as "customerId", c.end_date::text as "endDate", c.created_by as "createdBy",
               c.reminded_days_before as "remindedDaysBefore", cu.name as "customerName",
               cu.account_manager_id as "accountManagerId", (c.end_date - ${today}::date) as "daysLeft"
          from contracts c join customers cu on cu.id = c.customer_id
         where c.status in ('signed', 'active') and c.end_date >= ${today}::date
           and c.end_date - ${today}::date <= ${maxDays}
         order by c.end_date, c.id`,
  );
}
/** Binding contracts whose term ended before `today`. */
export async function contractsEnded(tx: Tx, today: string) {
  return rows<{ id: string }>(
    tx,
    sql`select id from contracts where status in ('signed', 'active') and end_date < ${today}::date order by end_date, id`,
  );
}

/** Whether the customer still has a lease other than this one (signed, active, or not yet moved out). */
export async function customerHasOtherLease(tx: Tx, customerId: string, exceptId: string): Promise<boolean> {
  // A lease counts while binding, or ended with the space not yet given back, unless a renewal took over.
  const [r] = await rows<{ found: boolean }>(
    tx,
    sql`select exists (
          select 1 from contracts c where c.customer_id = ${customerId} and c.id <> ${exceptId}
             and (c.status in ('signed', 'active')
                  or (c.status in ('expired', 'terminated') and c.handed_over_on is not null and c.moved_out_on is null
                      and not exists (select 1 from contracts r where r.renewal_of = c.id
                                        and r.status in ('signed', 'active', 'expired', 'terminated'))))) as found`,
  );
  return Boolean(r?.found);
}

/** Display names of users, for the people a contract view shows. */
export async function userNames(
  tx: Tx,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  const want = [...new Set(ids.filter((x): x is string => Boolean(x)))];
  if (!want.length) return new Map();
  const found = await rows<{ id: string; name: string }>(
    tx,
    sql`select id, display_name as name from users where id in (${sql.join(
      want.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(found.map((u) => [u.id, u.name]));
}

/** The dashboard's figures in one query: contracts by state, what ends soon, who holds over, what waits. */
export async function overviewFigures(tx: Tx, today: string) {
  const [r] = await rows<{
    byStatus: Record<string, number> | null;
    expiring30: number;
    expiring90: number;
    holdingOver: number;
    pendingAmendments: number;
    openSublets: number;
    subletsNearDeadline: number;
  }>(
    tx,
    sql`select
          (select jsonb_object_agg(status, n) from (select status, count(*)::int as n from contracts group by status) s) as "byStatus",
          (select count(*)::int from contracts where status in ('signed', 'active')
              and end_date between ${today}::date and ${today}::date + 30) as "expiring30",
          (select count(*)::int from contracts where status in ('signed', 'active')
              and end_date between ${today}::date and ${today}::date + 90) as "expiring90",
          (select count(*)::int from contracts where holding_over) as "holdingOver",
          (select count(*)::int from contract_versions where status = 'pending') as "pendingAmendments",
          (select count(*)::int from contract_violations where kind = 'sublet' and action is null) as "openSublets",
          (select count(*)::int from contract_violations where kind = 'sublet' and action is null
              and (found_on + interval '6 months')::date <= ${today}::date + 30) as "subletsNearDeadline"`,
  );
  return { ...r!, byStatus: r!.byStatus ?? {} };
}
