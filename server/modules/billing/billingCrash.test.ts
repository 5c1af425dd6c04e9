import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../common/dates.ts';
import { type Harness, openTestDb, testApp } from '../../../test/harness.ts';
import { spawnTenantry } from '../../../test/spawnServer.ts';
import { rows } from '../../platform/db/database.ts';
import type { OpenDatabase } from '../../platform/db/open.ts';
import { runJobNow } from '../../platform/jobs/runner.ts';
import { billingJob, checkIntegrity } from './index.ts';

// The crash test needs a server database a second process can open: it runs on PostgreSQL (DATABASE_URL).
let h: Harness;
let finance: Awaited<ReturnType<Harness['login']>>;
const today = todayIn('Asia/Shanghai');
const onPostgres = Boolean(process.env.DATABASE_URL);
const AS_OF = '2031-01-15';
const CONTRACTS = 3000;

beforeAll(async () => {
  h = await testApp();
  finance = await h.login('finance');
});
afterAll(() => h?.close());

/** Contracts from 2031 with a year of planned charges, ids made from their number so two databases match. */
async function plant(db: OpenDatabase, orgId: string) {
  await db.inOrg(orgId, async (tx) => {
    await tx.execute(sql`insert into contract_templates (id, org_id, kind, version, title, clauses)
      values (md5('crash-template')::uuid, ${orgId}, 'warehouse', 99, '房屋租赁合同', '')`);
    await tx.execute(sql`insert into customers (id, org_id, name, uscc, status)
      select md5('crash-customer' || i)::uuid, ${orgId}, '断电测试客户' || i, 'CRASH' || lpad(i::text, 12, '0'), 'tenant'
      from generate_series(1, ${CONTRACTS}) i`);
    await tx.execute(sql`insert into contracts (id, org_id, number, customer_id, template_id, status, start_date,
                                                end_date, signed_on)
      select md5('crash-contract' || i)::uuid, ${orgId}, 'HT-2030-' || lpad(i::text, 6, '0'),
             md5('crash-customer' || i)::uuid, md5('crash-template')::uuid, 'signed',
             '2031-02-01', '2032-01-31', '2030-12-01'
      from generate_series(1, ${CONTRACTS}) i`);
    await tx.execute(sql`insert into charge_plan (id, org_id, contract_id, customer_id, kind, charge_type, name,
                                                  period_start, period_end, due_date, issue_date, net_fen,
                                                  tax_fen, total_fen, vat_rate)
      select md5('crash-plan' || i || t || k)::uuid, ${orgId}, md5('crash-contract' || i)::uuid,
             md5('crash-customer' || i)::uuid, 'charge', t, '', s, (s + interval '1 month' - interval '1 day')::date,
             s - 5, s - 20, 880734 + i, 79266, 960000 + i, 0.09
      from generate_series(1, ${CONTRACTS}) i, (values ('rent'), ('property_fee')) x(t),
           lateral (select k, ('2031-02-01'::date + make_interval(months => k))::date as s
                    from generate_series(0, 11) k) p`);
  });
}

const issued = (db: OpenDatabase, orgId: string) =>
  db.inOrg(orgId, (tx) =>
    rows<{ number: string; contract: string; due: string; total: number; lines: number }>(
      tx,
      sql`select b.number, c.number as contract, b.due_date::text as due, b.total_fen::int8 as total,
            (select count(*) from bill_lines l where l.bill_id = b.id)::int as lines
          from bills b join contracts c on c.id = b.contract_id
          where b.issued_on = ${AS_OF} order by b.number`,
    ),
  );

describe('a billing run killed half-way (issue 7)', () => {
  it.runIf(onPostgres)(
    'ends, once re-run, with exactly the bills of an uninterrupted run',
    { timeout: 120_000 },
    async () => {
      const org = h.orgs.demo;
      await plant(h.db, org);
      const url = (h.db as unknown as { url: string }).url;
      const env = { DATABASE_URL: url, TENANTRY_SCHEDULER: 'off', TENANTRY_BILLING_CHUNK: '100' };
      const args = ['jobs', 'run', 'billing', '--as-of', AS_OF, '--org', org];

      const first = spawnTenantry(args, env);
      let partial = 0;
      for (;;) {
        const [r] = await h.db.inOrg(org, (tx) =>
          rows<{ n: number }>(tx, sql`select count(*)::int as n from bills where issued_on = ${AS_OF}`),
        );
        partial = Number(r!.n);
        if (partial > 0 || first.proc.exitCode !== null) break;
        await new Promise((res) => setTimeout(res, 5));
      }
      first.proc.kill('SIGKILL');
      await first.exited;
      expect(partial, first.output()).toBeGreaterThan(0);
      const afterKill = (await issued(h.db, org)).length;
      expect(afterKill).toBeLessThan(CONTRACTS);

      const second = spawnTenantry(args, env);
      expect(await second.exited, second.output()).toBe(0);

      // The same data, billed in one uninterrupted run in another copy of the database.
      const other = await openTestDb();
      try {
        await plant(other, org);
        const run = await runJobNow(other, billingJob, org, AS_OF, null);
        expect(run.status).toBe('succeeded');
        const want = await issued(other, org);
        const got = await issued(h.db, org);
        expect(want.length).toBeGreaterThanOrEqual(CONTRACTS);
        expect(got).toEqual(want);
        expect(await other.inOrg(org, (tx) => checkIntegrity({ tx }))).toEqual([]);
      } finally {
        await other.drop();
      }
    },
  );
});

describe('one idempotency key under 20 concurrent requests (issue 7)', () => {
  it('records one payment; every request answers with it', async () => {
    const [customer] = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ id: string }>(
        tx,
        sql`select id from customers where uscc not like 'CRASH%' order by created_at limit 1`,
      ),
    );
    const body = {
      customerId: customer!.id,
      amountFen: 123_456,
      receivedOn: today,
      method: 'bank_transfer',
      reference: 'CONCURRENT-1',
      idempotencyKey: `concurrent-${Math.random()}`,
    };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => h.call(finance, 'POST', '/api/v1/payments', body)),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(
      codes.filter((c) => c === 201),
      answers.map((a) => a.body).join('\n'),
    ).toHaveLength(1);
    expect(codes.filter((c) => c === 200)).toHaveLength(19);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const [n] = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from payments where idempotency_key = ${body.idempotencyKey}`,
      ),
    );
    expect(Number(n!.n)).toBe(1);
  });
});
