import { sql } from 'drizzle-orm';
import type { BillStatus, CHARGE_TYPES } from '../../../common/schemas/billing.ts';
import type { Tx } from '../../platform/db/database.ts';
import { escapeLike, rows } from '../../platform/db/database.ts';

export interface BillListRow {
  id: string;
  number: string;
  customerId: string;
  customerName: string;
  contractId: string | null;
  contractNumber: string | null;
  dueDate: string;
  issuedOn: string;
  netFen: number;
  taxFen: number;
  totalFen: number;
  chargesFen: number;
  paidFen: number;
  creditedFen: number;
  status: BillStatus;
  sentAt: Date | string | null;
  sentTo: string | null;
}

/** Bills by due date, newest first, keyset-paged on (due_date, id). */
export async function listBills(
  tx: Tx,
  o: {
    id?: string;
    customerId?: string;
    contractId?: string;
    status?: BillStatus;
    unpaid?: boolean;
    dueBefore?: string;
    q?: string;
    after?: [string, string];
    limit: number;
  },
): Promise<BillListRow[]> {
  const like = o.q ? `%${escapeLike(o.q)}%` : null;
  return rows<BillListRow>(
    tx,
    sql`select b.id, b.number, b.customer_id as "customerId", cu.name as "customerName",
          b.contract_id as "contractId", c.number as "contractNumber", b.due_date::text as "dueDate",
          b.issued_on::text as "issuedOn", b.net_fen::int8 as "netFen", b.tax_fen::int8 as "taxFen",
          b.total_fen::int8 as "totalFen", b.charges_fen::int8 as "chargesFen", b.paid_fen::int8 as "paidFen",
          b.credited_fen::int8 as "creditedFen", b.status, b.sent_at as "sentAt", b.sent_to as "sentTo"
        from bills b join customers cu on cu.id = b.customer_id left join contracts c on c.id = b.contract_id
        where true
          ${o.id ? sql`and b.id = ${o.id}` : sql``}
          ${o.customerId ? sql`and b.customer_id = ${o.customerId}` : sql``}
          ${o.contractId ? sql`and b.contract_id = ${o.contractId}` : sql``}
          ${o.status ? sql`and b.status = ${o.status}` : sql``}
          ${o.unpaid ? sql`and b.status in ('open', 'partially_paid')` : sql``}
          ${o.dueBefore ? sql`and b.due_date < ${o.dueBefore}` : sql``}
          ${like ? sql`and (b.number ilike ${like} or cu.name ilike ${like} or c.number ilike ${like})` : sql``}
          ${o.after ? sql`and (b.due_date, b.id) < (${o.after[0]}::date, ${o.after[1]}::uuid)` : sql``}
        order by b.due_date desc, b.id desc
        limit ${o.limit}`,
  );
}

export interface LineRow {
  id: string;
  kind: 'charge' | 'adjustment';
  chargeType: (typeof CHARGE_TYPES)[number];
  unitId: string | null;
  unitCode: string | null;
  name: string;
  seq: number;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  postingDate: string;
  netFen: number;
  taxFen: number;
  totalFen: number;
  vatRate: string;
  reason: string | null;
  settledFen: number;
}

export async function linesOfBill(tx: Tx, billId: string): Promise<LineRow[]> {
  return rows<LineRow>(
    tx,
    sql`select l.id, l.kind, l.charge_type as "chargeType", l.unit_id as "unitId", u.code as "unitCode",
          l.name, l.seq, l.period_start::text as "periodStart", l.period_end::text as "periodEnd",
          l.due_date::text as "dueDate", l.posting_date::text as "postingDate", l.net_fen::int8 as "netFen",
          l.tax_fen::int8 as "taxFen", l.total_fen::int8 as "totalFen", l.vat_rate::text as "vatRate", l.reason,
          coalesce((select sum(a.amount_fen) from allocations a
                    where a.bill_line_id = l.id or a.credit_line_id = l.id), 0)::int8 as "settledFen"
        from bill_lines l left join units u on u.id = l.unit_id
        where l.bill_id = ${billId}
        order by l.period_start, l.charge_type, u.code nulls last, l.name, l.seq`,
  );
}

/** A customer's balance: open charges, of which overdue, and money not yet applied. */
export async function balanceOf(tx: Tx, customerId: string, today: string) {
  const [r] = await rows<{ outstanding: number; overdue: number; credit: number }>(
    tx,
    sql`select
          coalesce((select sum(b.charges_fen - b.paid_fen - b.credited_fen) from bills b
                    where b.customer_id = ${customerId}), 0)::int8 as outstanding,
          coalesce((select sum(b.charges_fen - b.paid_fen - b.credited_fen) from bills b
                    where b.customer_id = ${customerId} and b.due_date < ${today}), 0)::int8 as overdue,
          (coalesce((select sum(p.amount_fen - p.allocated_fen) from payments p
                     where p.customer_id = ${customerId} and p.status = 'received'), 0)
           + coalesce((select sum(-l.total_fen) from bill_lines l
                       where l.customer_id = ${customerId} and l.total_fen < 0), 0)
           - coalesce((select sum(a.amount_fen) from allocations a
                       where a.customer_id = ${customerId} and a.credit_line_id is not null), 0))::int8 as credit`,
  );
  return r!;
}
