import { eq, type SQL, sql } from 'drizzle-orm';
import type { InvoicingLine } from '../../../common/schemas/invoices.ts';
import { invoiceLines, invoices } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';
import { rows } from '../../platform/db/database.ts';
import { uuids } from './moneyRepo.ts';

/**
 * Bill lines as an invoice carries them (DOMAIN.md "Tax and invoices"): the buyer, and the property as the
 * signed terms in force for the line's period froze it (address, building and unit, certificate, billing
 * area); a line of no unit (a deposit, parking) names every unit of the lease and their area together.
 */
const LINES = sql`
  select l.id as "lineId", b.id as "billId", b.number as "billNumber", l.customer_id as "customerId",
    cu.name as "buyerName", cu.uscc as "buyerTaxId", l.kind, l.charge_type as "chargeType", l.name,
    l.posting_date::text as "postingDate", l.period_start::text as "periodStart",
    l.period_end::text as "periodEnd", p.address as "propertyAddress", p.cert as "certificateNo",
    p.area as "areaSqm", c.start_date::text as "leaseStart", c.end_date::text as "leaseEnd",
    c.number as "contractNumber", l.net_fen::int8 as "netFen", l.tax_fen::int8 as "taxFen",
    l.total_fen::int8 as "totalFen", l.vat_rate::text as "vatRate", il.invoice_id as "invoiceId",
    i.number as "invoiceNumber"
  from bill_lines l
  join bills b on b.id = l.bill_id
  join customers cu on cu.id = l.customer_id
  left join contracts c on c.id = l.contract_id
  left join lateral (
    select v.snapshot from contract_versions v
    where v.contract_id = l.contract_id and v.snapshot is not null and v.effective_from <= l.period_start
    order by v.version desc limit 1) v on true
  left join lateral (
    select string_agg(concat_ws(' ', nullif(x ->> 'address', ''), x ->> 'buildingName', x ->> 'code'), '；')
             as address,
           string_agg(x ->> 'certificateNo', '；') as cert,
           sum((x ->> 'billingArea')::numeric)::text as area
    from jsonb_array_elements(v.snapshot -> 'units') x
    where l.unit_id is null or x ->> 'unitId' = l.unit_id::text) p on true
  left join invoice_lines il on il.bill_line_id = l.id and il.active
  left join invoices i on i.id = il.invoice_id`;

export async function invoicingLines(
  tx: Tx,
  f: {
    customerId?: string;
    billId?: string;
    from?: string;
    to?: string;
    invoiced: 'true' | 'false' | 'all';
    after?: [string, string];
    limit: number;
  },
) {
  const where: SQL[] = [sql`l.total_fen <> 0`];
  if (f.customerId) where.push(sql`l.customer_id = ${f.customerId}`);
  if (f.billId) where.push(sql`l.bill_id = ${f.billId}`);
  if (f.from) where.push(sql`l.posting_date >= ${f.from}`);
  if (f.to) where.push(sql`l.posting_date <= ${f.to}`);
  if (f.invoiced === 'false') where.push(sql`il.id is null`);
  if (f.invoiced === 'true') where.push(sql`il.id is not null`);
  if (f.after) where.push(sql`(l.posting_date, l.id) > (${f.after[0]}::date, ${f.after[1]}::uuid)`);
  return rows<InvoicingLine>(
    tx,
    sql`${LINES} where ${sql.join(where, sql` and `)} order by l.posting_date, l.id limit ${f.limit}`,
  );
}

/**
 * The chosen lines. Recording invoices is serialized per organization (a transaction-scoped advisory lock),
 * so a line or a number cannot be taken twice between the checks and the insert.
 */
export async function linesToInvoice(tx: Tx, orgId: string, lineIds: readonly string[]) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`invoices:${orgId}`}, 0))`);
  return rows<InvoicingLine>(
    tx,
    sql`${LINES} where l.id = any(${uuids(lineIds)}) order by l.posting_date, l.id`,
  );
}

export async function linesOfInvoice(tx: Tx, invoiceId: string) {
  return rows<InvoicingLine>(
    tx,
    sql`${LINES} where l.id in (select bill_line_id from invoice_lines where invoice_id = ${invoiceId})
        order by l.posting_date, l.id`,
  );
}

export async function insertInvoice(
  tx: Tx,
  invoice: typeof invoices.$inferInsert,
  lines: (typeof invoiceLines.$inferInsert)[],
) {
  await tx.insert(invoices).values(invoice);
  await tx.insert(invoiceLines).values(lines);
}

export async function voidInvoiceRows(
  tx: Tx,
  id: string,
  o: { reason: string; by: string | null; at: Date },
) {
  await tx
    .update(invoices)
    .set({ status: 'void', voidReason: o.reason, voidedBy: o.by, voidedAt: o.at })
    .where(eq(invoices.id, id));
  await tx.update(invoiceLines).set({ active: false }).where(eq(invoiceLines.invoiceId, id));
}

export interface InvoiceRow {
  id: string;
  customerId: string;
  customerName: string;
  type: 'special' | 'ordinary';
  number: string;
  issuedOn: string;
  buyerName: string;
  buyerTaxId: string | null;
  netFen: number;
  taxFen: number;
  totalFen: number;
  status: 'issued' | 'void';
  lineCount: number;
  note: string | null;
  voidReason: string | null;
  voidedAt: string | Date | null;
  createdBy: string | null;
  createdAt: string | Date;
}

const SUMMARY = sql`
  select i.id, i.customer_id as "customerId", cu.name as "customerName", i.type, i.number,
    i.issued_on::text as "issuedOn", i.buyer_name as "buyerName", i.buyer_tax_id as "buyerTaxId",
    i.net_fen::int8 as "netFen", i.tax_fen::int8 as "taxFen", i.total_fen::int8 as "totalFen", i.status,
    (select count(*) from invoice_lines x where x.invoice_id = i.id)::int as "lineCount", i.note,
    i.void_reason as "voidReason", i.voided_at as "voidedAt", u.display_name as "createdBy",
    i.created_at as "createdAt"
  from invoices i join customers cu on cu.id = i.customer_id left join users u on u.id = i.created_by`;

export async function invoiceById(tx: Tx, id: string, lock = false) {
  const [r] = await rows<InvoiceRow>(
    tx,
    sql`${SUMMARY} where i.id = ${id} ${lock ? sql`for update of i` : sql``}`,
  );
  return r ?? null;
}

export async function invoiceByNumber(tx: Tx, number: string) {
  const [r] = await rows<{ id: string }>(tx, sql`select id from invoices where number = ${number}`);
  return r ?? null;
}

/** Newest issue date first. */
export async function listInvoices(
  tx: Tx,
  f: {
    customerId?: string;
    status?: string;
    from?: string;
    to?: string;
    after?: [string, string];
    limit: number;
  },
) {
  const where: SQL[] = [sql`true`];
  if (f.customerId) where.push(sql`i.customer_id = ${f.customerId}`);
  if (f.status) where.push(sql`i.status = ${f.status}`);
  if (f.from) where.push(sql`i.issued_on >= ${f.from}`);
  if (f.to) where.push(sql`i.issued_on <= ${f.to}`);
  if (f.after) where.push(sql`(i.issued_on, i.id) < (${f.after[0]}::date, ${f.after[1]}::uuid)`);
  return rows<InvoiceRow>(
    tx,
    sql`${SUMMARY} where ${sql.join(where, sql` and `)} order by i.issued_on desc, i.id desc limit ${f.limit}`,
  );
}
