import { type SQL, sql } from 'drizzle-orm';
import type { ImportKind } from '../../../common/schemas/imports.ts';
import { importBatches } from '../../db/schema/index.ts';
import type { Ctx } from '../../platform/context.ts';
import { rows, type Tx } from '../../platform/db/database.ts';
import type { RowError } from './reasons.ts';

export interface BatchRow {
  id: string;
  kind: ImportKind;
  fileName: string;
  status: 'previewed' | 'committed' | 'discarded';
  totalRows: number;
  errorRows: number;
  importedRows: number | null;
  createdAt: Date | string;
  createdByName: string | null;
  committedAt: Date | string | null;
}

export interface StagingRow {
  rowNo: number;
  data: Record<string, unknown>;
  errors: RowError[];
}

type BatchInsert = typeof importBatches.$inferInsert;

// The schema's kind enum (a TypeScript type only, the column is text) predates contract imports.
export async function insertBatch(tx: Tx, v: Omit<BatchInsert, 'kind'> & { kind: ImportKind }) {
  await tx.insert(importBatches).values(v as BatchInsert);
}

/** One INSERT ... SELECT per call: the rows travel as one JSON parameter, not as thousands of them. */
export async function insertRows(tx: Tx, orgId: string, batchId: string, list: StagingRow[]) {
  await tx.execute(sql`
    insert into import_rows (org_id, batch_id, row_no, data, errors)
    select ${orgId}::uuid, ${batchId}::uuid, x.row_no, x.data, x.errors
      from jsonb_to_recordset(${JSON.stringify(list.map((r) => ({ row_no: r.rowNo, data: r.data, errors: r.errors })))}::jsonb)
        as x(row_no int, data jsonb, errors jsonb)`);
}

const batchColumns = sql`b.id, b.kind, b.file_name as "fileName", b.status, b.total_rows as "totalRows",
  b.error_rows as "errorRows", b.imported_rows as "importedRows", b.created_at as "createdAt",
  u.display_name as "createdByName", b.committed_at as "committedAt"`;

export async function findBatch(tx: Tx, id: string, lock = false): Promise<BatchRow | null> {
  const [b] = await rows<BatchRow>(
    tx,
    sql`select ${batchColumns} from import_batches b left join users u on u.id = b.created_by
         where b.id = ${id} ${lock ? sql`for update of b` : sql``}`,
  );
  return b ?? null;
}

/** Newest first; ids are time-ordered (UUIDv7), so the id alone is the cursor. */
export async function listBatches(tx: Tx, f: { before?: string; limit: number }) {
  return rows<BatchRow>(
    tx,
    sql`select ${batchColumns} from import_batches b left join users u on u.id = b.created_by
         where ${f.before ? sql`b.id < ${f.before}::uuid` : sql`true`}
         order by b.id desc limit ${f.limit}`,
  );
}

export async function listRows(
  tx: Tx,
  batchId: string,
  f: { onlyErrors: boolean; afterRowNo?: number; limit: number },
) {
  return rows<StagingRow>(
    tx,
    sql`select row_no as "rowNo", data, errors from import_rows
         where batch_id = ${batchId}
           and ${f.onlyErrors ? sql`errors <> '[]'::jsonb` : sql`true`}
           and ${f.afterRowNo !== undefined ? sql`row_no > ${f.afterRowNo}` : sql`true`}
         order by row_no limit ${f.limit}`,
  );
}

export async function updateBatch(
  tx: Tx,
  id: string,
  v: { status?: BatchRow['status']; importedRows?: number; committed?: boolean; recount?: boolean },
) {
  await tx.execute(sql`
    update import_batches set
      status = coalesce(${v.status ?? null}, status),
      imported_rows = coalesce(${v.importedRows ?? null}::int, imported_rows),
      committed_at = ${v.committed ? sql`now()` : sql`committed_at`},
      error_rows = ${v.recount ? sql`(select count(*)::int from import_rows r where r.batch_id = ${id} and r.errors <> '[]'::jsonb)` : sql`error_rows`}
    where id = ${id}`);
}

// ---- lookups for the checks ----------------------------------------------------------------------

export async function takenUsccs(tx: Tx, orgId: string, usccs: string[]) {
  if (usccs.length === 0) return [];
  return rows<{ uscc: string; name: string }>(
    tx,
    sql`select c.uscc, c.name from customers c
         where c.org_id = ${orgId} and c.uscc in (select jsonb_array_elements_text(${JSON.stringify(usccs)}::jsonb))`,
  );
}

export async function activeBusinessUsers(tx: Tx) {
  return rows<{ id: string; username: string; displayName: string }>(
    tx,
    sql`select id, username, display_name as "displayName" from users
         where active and 'business' = any(roles)`,
  );
}

export async function takenUnitCodes(tx: Tx, pairs: { buildingId: string; code: string }[]) {
  if (pairs.length === 0) return [];
  return rows<{ buildingId: string; code: string }>(
    tx,
    sql`select u.building_id as "buildingId", u.code from units u
          join jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p("buildingId" uuid, code text)
            on u.building_id = p."buildingId" and u.code = p.code`,
  );
}

/** The rows without problems, in sheet order: those a commit writes one by one (contracts). */
export async function goodRows(tx: Tx, batchId: string) {
  return rows<StagingRow>(
    tx,
    sql`select row_no as "rowNo", data, errors from import_rows
         where batch_id = ${batchId} and errors = '[]'::jsonb order by row_no`,
  );
}

/** Gives rows found wrong at commit their problems; the preview then lists them. */
export async function markRowErrors(tx: Tx, batchId: string, list: { rowNo: number; errors: RowError[] }[]) {
  if (!list.length) return;
  await tx.execute(sql`
    update import_rows r set errors = x.errors
      from jsonb_to_recordset(${JSON.stringify(list.map((l) => ({ row_no: l.rowNo, errors: l.errors })))}::jsonb)
        as x(row_no int, errors jsonb)
     where r.batch_id = ${batchId} and r.row_no = x.row_no`);
}

/** Marks the rows that someone else's customer or unit now conflicts with; returns how many. */
export async function markConflicts(
  tx: Tx,
  batchId: string,
  kind: Exclude<ImportKind, 'contracts'>,
): Promise<number> {
  const r =
    kind === 'customers'
      ? await rows<{ rowNo: number }>(
          tx,
          sql`update import_rows r
                 set errors = jsonb_build_array(jsonb_build_object('column', 'uscc', 'reason', 'uscc_taken',
                       'params', jsonb_build_object('name', c.name), 'value', c.uscc))
                from customers c
               where r.batch_id = ${batchId} and r.errors = '[]'::jsonb
                 and c.org_id = r.org_id and c.uscc = r.data->>'uscc'
           returning r.row_no as "rowNo"`,
        )
      : await rows<{ rowNo: number }>(
          tx,
          sql`update import_rows r
                 set errors = jsonb_build_array(jsonb_build_object('column', 'code', 'reason', 'code_taken',
                       'params', jsonb_build_object('code', u.code), 'value', u.code))
                from units u
               where r.batch_id = ${batchId} and r.errors = '[]'::jsonb
                 and u.building_id = (r.data->>'buildingId')::uuid and u.code = r.data->>'code'
           returning r.row_no as "rowNo"`,
        );
  return r.length;
}

// ---- commit: set-based writes from the staging rows ------------------------------------------------

const valid = (batchId: string) => sql`r.batch_id = ${batchId} and r.errors = '[]'::jsonb`;
const textArray = (path: 'tags' | 'facilities') =>
  sql`array(select jsonb_array_elements_text(r.data->${sql.raw(`'${path}'`)}))`;

/** One audit row per good staging row, its id made at staging: PostgreSQL 15 cannot make a UUIDv7. */
function auditRows(
  ctx: Ctx,
  batchId: string,
  o: { entityType: string; action: string; after: SQL; onTimeline: boolean },
) {
  return sql`
    insert into audit_log (id, org_id, actor_id, actor_kind, entity_type, entity_id, action, before, after,
                           request_id, job_run_id, customer_id)
    select (r.data->>'auditId')::uuid, r.org_id, ${ctx.actor.id}::uuid, ${ctx.actor.kind}::text, ${o.entityType}::text,
           r.data->>'id', ${o.action}::text, null::jsonb, ${o.after}, ${ctx.requestId}::text, ${ctx.jobRunId}::uuid,
           ${o.onTimeline ? sql`(r.data->>'id')::uuid` : sql`null::uuid`}
      from import_rows r where ${valid(batchId)}`;
}

/** Customers as prospects, each row's contact as the primary one, and an audit row per customer. */
export async function insertCustomers(ctx: Ctx, batchId: string): Promise<number> {
  const { tx } = ctx;
  const [inserted] = await rows<{ n: number }>(
    tx,
    sql`with ins as (insert into customers (id, org_id, name, kind, uscc, legal_representative, registered_capital,
          established_on, industry, registered_address, scale, account_manager_id, tags, notes, status, import_batch_id,
          primary_contact_name, primary_contact_mobile)
        select (r.data->>'id')::uuid, r.org_id, r.data->>'name', r.data->>'kind', r.data->>'uscc',
               r.data->>'legalRepresentative', (r.data->>'registeredCapital')::bigint, (r.data->>'establishedOn')::date,
               r.data->>'industry', r.data->>'registeredAddress', r.data->>'scale', (r.data->>'accountManagerId')::uuid,
               ${textArray('tags')}, r.data->>'notes', 'prospect', r.batch_id,
               -- As the contact below makes them: the trigger on contacts then finds nothing to change.
               r.data->'contact'->>'name', r.data->'contact'->>'mobile'
          from import_rows r where ${valid(batchId)}
        returning 1) select count(*)::int as n from ins`,
  );
  await tx.execute(sql`
    insert into customer_contacts (id, org_id, customer_id, name, title, mobile, email, is_primary)
    select (r.data->'contact'->>'id')::uuid, r.org_id, (r.data->>'id')::uuid, r.data->'contact'->>'name',
           r.data->'contact'->>'title', r.data->'contact'->>'mobile', r.data->'contact'->>'email', true
      from import_rows r where ${valid(batchId)} and jsonb_typeof(r.data->'contact') = 'object'`);
  await tx.execute(
    auditRows(ctx, batchId, {
      entityType: 'customer',
      action: 'customer.import',
      after: sql`(r.data - 'id' - 'auditId' - 'accountManager')
                 || jsonb_build_object('status', 'prospect', 'importBatchId', r.batch_id, 'rowNo', r.row_no)`,
      onTimeline: true,
    }),
  );
  return inserted!.n;
}

export async function insertUnits(ctx: Ctx, batchId: string): Promise<number> {
  const { tx } = ctx;
  const [inserted] = await rows<{ n: number }>(
    tx,
    sql`with ins as (insert into units (id, org_id, building_id, code, type, floor, gross_area, inside_area, usable_area,
          list_price, price_basis, facilities, certificate_no, notes)
        select (r.data->>'id')::uuid, r.org_id, (r.data->>'buildingId')::uuid, r.data->>'code', r.data->>'type',
               (r.data->>'floor')::int, (r.data->>'grossArea')::numeric, (r.data->>'insideArea')::numeric,
               (r.data->>'usableArea')::numeric, (r.data->>'listPrice')::numeric, r.data->>'priceBasis',
               ${textArray('facilities')}, r.data->>'certificateNo', r.data->>'notes'
          from import_rows r where ${valid(batchId)}
        returning 1) select count(*)::int as n from ins`,
  );
  await tx.execute(
    auditRows(ctx, batchId, {
      entityType: 'unit',
      action: 'unit.import',
      after: sql`(r.data - 'id' - 'auditId') || jsonb_build_object('importBatchId', r.batch_id, 'rowNo', r.row_no)`,
      onTimeline: false,
    }),
  );
  return inserted!.n;
}
