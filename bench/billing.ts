import { sql } from 'drizzle-orm';
import pg from 'pg';
import { billingJob } from '../server/modules/billing/index.ts';
import { createOrganization } from '../server/modules/orgs/createOrganization.ts';
import { rows } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { openPostgres } from '../server/platform/db/postgres.ts';
import { runJobNow } from '../server/platform/jobs/runner.ts';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const AS_OF = '2026-12-20';

/**
 * The billing run over `size` active contracts on PostgreSQL (DESIGN: within 3x of the raw limit). Each
 * contract is monthly from 2027-01-01 with rent, property fee and parking planned for a year, as signing
 * writes them; the run for 2026-12-20 issues January: one bill and three lines per contract. The limit
 * is, in the same run, `INSERT INTO <copy> SELECT * FROM <table>` of exactly the rows the run wrote into
 * empty copies with the same indexes. Its own database, dropped at the end.
 */
export async function billingBench(size: number): Promise<{ ok: boolean; lines: string[] }> {
  const base = process.env.DATABASE_URL ?? DEFAULT_URL;
  const name = `tenantry_bench_billing_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  try {
    await admin.connect();
  } catch (e) {
    return { ok: false, lines: [`billing: needs PostgreSQL at ${base} (set DATABASE_URL): ${e}`] };
  }
  await admin.query(`create database ${name}`);
  const u = new URL(base);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 4);
  try {
    await migrate(db);
    const org = await db.asSystem((tx) =>
      createOrganization(tx, { name: '出账基准租赁有限公司', uscc: '91310000MA1FL0R09G' }),
    );
    const t0 = performance.now();
    await db.asSystem(async (tx) => {
      await tx.execute(sql`insert into contract_templates (id, org_id, kind, version, title, clauses)
        values (gen_random_uuid(), ${org.id}, 'office', 1, '房屋租赁合同', '')`);
      await tx.execute(sql`insert into customers (id, org_id, name, uscc, status)
        select tenantry_uuid7(), ${org.id}, '出账基准客户' || i, 'BENCH' || lpad(i::text, 13, '0'), 'tenant'
        from generate_series(1, ${size}) i`);
      await tx.execute(sql`insert into contracts (id, org_id, number, customer_id, template_id, status,
                                                  start_date, end_date, signed_on)
        select tenantry_uuid7(), ${org.id}, 'HT-2026-' || lpad(row_number() over (order by c.id)::text, 6, '0'),
               c.id, (select id from contract_templates limit 1), 'active', '2027-01-01', '2027-12-31', '2026-12-01'
        from customers c`);
      await tx.execute(sql`insert into charge_plan (id, org_id, contract_id, customer_id, kind, charge_type,
                                                    name, period_start, period_end, due_date, issue_date,
                                                    net_fen, tax_fen, total_fen, vat_rate)
        select tenantry_uuid7(), ${org.id}, c.id, c.customer_id, 'charge', x.charge_type, x.name, p.s,
               (p.s + interval '1 month' - interval '1 day')::date, p.s - 5, p.s - 20,
               x.net, x.total - x.net, x.total, x.rate
        from contracts c
        cross join (select ('2027-01-01'::date + make_interval(months => k))::date as s
                    from generate_series(0, 11) k) p
        cross join (values ('rent', '', 880734, 960000, 0.09), ('property_fee', '', 64151, 68000, 0.06),
                           ('other', '停车费', 55046, 60000, 0.09)) x(charge_type, name, net, total, rate)`);
      await tx.execute(sql`analyze`);
    });
    const generated = (performance.now() - t0) / 1000;

    const t1 = performance.now();
    const run = await runJobNow(db, billingJob, org.id, AS_OF, null);
    const seconds = (performance.now() - t1) / 1000;
    if (run.status !== 'succeeded') return { ok: false, lines: [`billing: run failed: ${run.error}`] };
    const counts = run.counts as { bills: number; lines: number };

    // The limit: the same rows, copied by one INSERT ... SELECT per table into copies with the same indexes.
    const limit = await db.asSystem(async (tx) => {
      await tx.execute(sql`create table bench_bills (like bills including all)`);
      await tx.execute(sql`create table bench_bill_lines (like bill_lines including all)`);
      const s0 = performance.now();
      await tx.execute(sql`insert into bench_bills select * from bills where run_id = ${run.id}`);
      await tx.execute(sql`insert into bench_bill_lines select l.* from bill_lines l
                           join bills b on b.id = l.bill_id where b.run_id = ${run.id}`);
      return (performance.now() - s0) / 1000;
    });
    const [check] = await db.asSystem((tx) =>
      rows<{ bills: number; lines: number }>(
        tx,
        sql`select (select count(*) from bills)::int as bills, (select count(*) from bill_lines)::int as lines`,
      ),
    );
    const right = Number(check!.bills) === size && Number(check!.lines) === size * 3;
    const ratio = seconds / limit;
    const ok = right && ratio <= 3;
    return {
      ok,
      lines: [
        `billing: ${size.toLocaleString('en')} contracts (${generated.toFixed(1)} s to generate), run for ${AS_OF} ` +
          `issued ${counts.bills.toLocaleString('en')} bills and ${counts.lines.toLocaleString('en')} lines in ` +
          `${seconds.toFixed(2)} s; the same rows copied raw in ${limit.toFixed(2)} s` +
          (right ? '' : ` — WRONG COUNT: ${check!.bills} bills, ${check!.lines} lines`),
        `RESULT billing_run contracts=${size} seconds=${seconds.toFixed(3)} limit_seconds=${limit.toFixed(3)} ratio=${ratio.toFixed(2)}`,
      ],
    };
  } finally {
    await db.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
