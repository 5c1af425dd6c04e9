import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeUscc } from '../../../common/validators/uscc.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { createUser } from '../users/createUser.ts';
import { refreshBills, refreshPayments } from './moneyRepo.ts';

/*
 * A receivables data set written straight into the second organization (which has no bills of its own), so
 * every figure below is worked out by hand from it; the demo organization's many bills are "another
 * organization" and must never show up.
 *
 * Customers: A and B (account manager M1), C (M2), E (none). Sites S1 (units U1, U3) and S2 (U2).
 * Contracts: KA (A: U1), KB (B: U2), KC (C: U3 first, then U2). E's bills have no contract.
 *
 * line  cust type         unit  due         posted      total    settled by
 * L1    A    rent         U1    2026-04-05  2026-03-20  100000
 * L2    A    rent         U1    2026-03-05  2026-02-18  100000   P1 30000 on 03-10
 * L3    A    property_fee U1    2026-01-15  2026-01-01   20000
 * L4    A    deposit      -(KA) 2025-12-01  2025-11-25   50000
 * L5    B    rent         U2    2026-02-10  2026-01-25   80000   P2 80000 on 02-05, reversed 03-15
 * L6    B    utility      U2    2026-03-20  2026-03-01   15000
 * L14   B    rent         U2    2026-03-10  2026-02-20   90000   P5 30000 on 03-12
 *       B    payment P3 10000 received 03-25, not applied
 * L7    C    rent         U2    2025-12-20  2025-12-01   60000   L9 2000 on 03-01, P4 58000 on 04-10
 * L8    C    penalty      -(KC) 2026-03-31  2026-03-31    5000
 * L9    C    rent credit  U2    2026-03-01  2026-03-01  -12000   (10000 left unapplied)
 * L10   E    one_off      -     2026-02-20  2026-02-10   30000   P6 6000 on 03-20
 * L11   E    property_fee -     2026-03-01  2026-02-15   10000
 * L12   E    other        -     2025-12-31  2025-12-20    4000
 * L13   A    rent         U1    2026-04-20  2026-04-05  100000
 */
const D = '2026-03-31';
const D0 = '2026-02-28';
const LATER = '2026-04-30';

let h: Harness;
const who: Record<'finance' | 'management' | 'admin' | 'business' | 'demoFinance', Session> = {} as never;
const ids: Record<string, string> = {};
let seq = 0;

const id = (name: string) => {
  ids[name] ??= newId();
  return ids[name]!;
};

async function writeDataSet(tx: Tx, orgId: string) {
  const ctx = systemCtx(tx, orgId);
  for (const [key, name, roles] of [
    ['M1', '经理一', ['business']],
    ['M2', '经理二', ['business']],
    ['fin', '财务甲', ['finance']],
    ['mgmt', '管理甲', ['management']],
    ['biz', '业务甲', ['business']],
  ] as const) {
    const u = await createUser(ctx, {
      username: `aging-${key.toLowerCase()}`,
      displayName: name,
      roles: [...roles],
      password: 'aging-password-1',
    });
    ids[key] = u.id;
  }
  const x = (q: ReturnType<typeof sql>) => tx.execute(q);
  for (const [key, name, manager] of [
    ['A', '账龄甲有限公司', 'M1'],
    ['B', '账龄乙有限公司', 'M1'],
    ['C', '账龄丙有限公司', 'M2'],
    ['E', '账龄戊有限公司', null],
  ] as const) {
    const uscc = completeUscc(`91440300MA5G${String(7100 + ++seq)}`);
    await x(sql`insert into customers (id, org_id, name, uscc, account_manager_id, status)
                values (${id(key)}, ${orgId}, ${name}, ${uscc}, ${manager ? ids[manager]! : null}, 'tenant')`);
  }
  for (const [site, name] of [
    ['S1', '北园'],
    ['S2', '南园'],
  ] as const) {
    await x(
      sql`insert into sites (id, org_id, name, city, address) values (${id(site)}, ${orgId}, ${name}, '深圳', '深南大道1号')`,
    );
    await x(sql`insert into buildings (id, org_id, site_id, name, floors_above)
                values (${id(`${site}b`)}, ${orgId}, ${id(site)}, '1栋', 10)`);
  }
  for (const [unit, site] of [
    ['U1', 'S1'],
    ['U2', 'S2'],
    ['U3', 'S1'],
  ] as const) {
    await x(sql`insert into units (id, org_id, building_id, code, type, floor, gross_area, inside_area, usable_area,
                                   list_price, price_basis)
                values (${id(unit)}, ${orgId}, ${id(`${site}b`)}, ${unit}, 'office', 1, 100, 90, 80, 120, 'per_sqm_month')`);
  }
  await x(sql`insert into contract_templates (id, org_id, kind, version, title, clauses)
              values (${id('T')}, ${orgId}, 'office', 1, '租赁合同', '')`);
  for (const [k, customer, units] of [
    ['KA', 'A', ['U1']],
    ['KB', 'B', ['U2']],
    ['KC', 'C', ['U3', 'U2']],
  ] as const) {
    await x(sql`insert into contracts (id, org_id, number, customer_id, template_id, status, start_date, end_date)
                values (${id(k)}, ${orgId}, ${`HT-AGING-${k}`}, ${id(customer)}, ${id('T')}, 'active', '2025-11-01', '2027-10-31')`);
    const terms = { units: units.map((u) => ({ unitId: id(u) })) };
    await x(sql`insert into contract_versions (id, org_id, contract_id, version, status, effective_from, terms)
                values (${newId()}, ${orgId}, ${id(k)}, 1, 'in_force', '2025-11-01', ${JSON.stringify(terms)}::jsonb)`);
  }
  const lines: [string, string, string, string | null, string | null, string, string, number][] = [
    ['L1', 'A', 'rent', 'U1', 'KA', '2026-04-05', '2026-03-20', 100000],
    ['L2', 'A', 'rent', 'U1', 'KA', '2026-03-05', '2026-02-18', 100000],
    ['L3', 'A', 'property_fee', 'U1', 'KA', '2026-01-15', '2026-01-01', 20000],
    ['L4', 'A', 'deposit', null, 'KA', '2025-12-01', '2025-11-25', 50000],
    ['L5', 'B', 'rent', 'U2', 'KB', '2026-02-10', '2026-01-25', 80000],
    ['L6', 'B', 'utility', 'U2', 'KB', '2026-03-20', '2026-03-01', 15000],
    ['L14', 'B', 'rent', 'U2', 'KB', '2026-03-10', '2026-02-20', 90000],
    ['L7', 'C', 'rent', 'U2', 'KC', '2025-12-20', '2025-12-01', 60000],
    ['L8', 'C', 'penalty', null, 'KC', '2026-03-31', '2026-03-31', 5000],
    ['L9', 'C', 'rent', 'U2', 'KC', '2026-03-01', '2026-03-01', -12000],
    ['L10', 'E', 'one_off', null, null, '2026-02-20', '2026-02-10', 30000],
    ['L11', 'E', 'property_fee', null, null, '2026-03-01', '2026-02-15', 10000],
    ['L12', 'E', 'other', null, null, '2025-12-31', '2025-12-20', 4000],
    ['L13', 'A', 'rent', 'U1', 'KA', '2026-04-20', '2026-04-05', 100000],
  ];
  for (const [line, customer, type, unit, contract, due, posted, total] of lines) {
    const bill = id(`bill-${line}`);
    await x(sql`insert into bills (id, org_id, number, contract_id, customer_id, due_date, issued_on, net_fen, tax_fen,
                                   total_fen, charges_fen, status)
                values (${bill}, ${orgId}, ${`ZD-AGING-${line}`}, ${contract ? id(contract) : null}, ${id(customer)},
                        ${due}, ${posted}, ${total}, 0, ${total}, ${Math.max(total, 0)}, 'open')`);
    await x(sql`insert into bill_lines (id, org_id, bill_id, contract_id, customer_id, kind, charge_type, unit_id, name,
                                        period_start, period_end, due_date, posting_date, net_fen, tax_fen, total_fen,
                                        vat_rate)
                values (${id(line)}, ${orgId}, ${bill}, ${contract ? id(contract) : null}, ${id(customer)},
                        ${total < 0 ? 'adjustment' : 'charge'}, ${type}, ${unit ? id(unit) : null}, ${line},
                        ${due}, ${due}, ${due}, ${posted}, ${total}, 0, ${total}, 0)`);
  }
  const payments: [string, string, number, string, string | null][] = [
    ['P1', 'A', 30000, '2026-03-10', null],
    ['P2', 'B', 80000, '2026-02-05', '2026-03-15'],
    ['P3', 'B', 10000, '2026-03-25', null],
    ['P4', 'C', 58000, '2026-04-10', null],
    ['P5', 'B', 30000, '2026-03-12', null],
    ['P6', 'E', 6000, '2026-03-20', null],
  ];
  for (const [p, customer, amount, received, reversed] of payments) {
    await x(sql`insert into payments (id, org_id, number, customer_id, amount_fen, received_on, method, idempotency_key,
                                      status, reversed_on, reversal_reason)
                values (${id(p)}, ${orgId}, ${`SK-AGING-${p}`}, ${id(customer)}, ${amount}, ${received}, 'bank_transfer',
                        ${`aging-${p}`}, ${reversed ? 'reversed' : 'received'}, ${reversed}, ${reversed ? '退票' : null})`);
  }
  const allocations: [string, string | null, string | null, string, number, string, string | null][] = [
    ['a1', 'P1', null, 'L2', 30000, '2026-03-10', null],
    ['a2', 'P2', null, 'L5', 80000, '2026-02-05', null],
    ['a3', 'P2', null, 'L5', -80000, '2026-03-15', 'a2'],
    ['a4', null, 'L9', 'L7', 2000, '2026-03-01', null],
    ['a5', 'P4', null, 'L7', 58000, '2026-04-10', null],
    ['a6', 'P5', null, 'L14', 30000, '2026-03-12', null],
    ['a7', 'P6', null, 'L10', 6000, '2026-03-20', null],
  ];
  const customerOf = Object.fromEntries(lines.map((l) => [l[0], l[1]]));
  for (const [a, payment, credit, line, amount, posted, reverses] of allocations) {
    await x(sql`insert into allocations (id, org_id, customer_id, payment_id, credit_line_id, bill_line_id, bill_id,
                                         amount_fen, reverses, posting_date)
                values (${id(a)}, ${orgId}, ${id(customerOf[line]!)}, ${payment ? id(payment) : null},
                        ${credit ? id(credit) : null}, ${id(line)}, ${id(`bill-${line}`)}, ${amount},
                        ${reverses ? id(reverses) : null}, ${posted})`);
  }
  await refreshBills(
    tx,
    lines.map((l) => id(`bill-${l[0]}`)),
  );
  await refreshPayments(
    tx,
    payments.map((p) => id(p[0])),
  );
}

const get = async (s: Session | null, url: string, status = 200) => {
  const r = await h.call(s, 'GET', url);
  expect(r.statusCode, r.body).toBe(status);
  return r.json();
};
const zero = {
  currentFen: 0,
  days1to30Fen: 0,
  days31to60Fen: 0,
  days61to90Fen: 0,
  over90Fen: 0,
  creditFen: 0,
};
const amounts = (o: Partial<typeof zero>, totalFen: number) => ({ ...zero, ...o, totalFen });

beforeAll(async () => {
  h = await testApp();
  await h.db.inOrg(h.orgs.other, (tx) => writeDataSet(tx, h.orgs.other));
  who.finance = await h.login('aging-fin', 'aging-password-1');
  who.management = await h.login('aging-mgmt', 'aging-password-1');
  who.business = await h.login('aging-biz', 'aging-password-1');
  who.admin = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
  who.demoFinance = await h.login('finance');
});
afterAll(() => h?.close());

describe('aging (R5.2.3)', () => {
  const A = amounts(
    { currentFen: 100000, days1to30Fen: 70000, days61to90Fen: 20000, over90Fen: 50000 },
    240000,
  );
  const B = amounts({ days1to30Fen: 75000, days31to60Fen: 80000, creditFen: -10000 }, 145000);
  const C = amounts({ currentFen: 5000, over90Fen: 58000, creditFen: -10000 }, 53000);
  const E = amounts({ days1to30Fen: 10000, days31to60Fen: 24000, days61to90Fen: 4000 }, 38000);
  const TOTAL = amounts(
    {
      currentFen: 105000,
      days1to30Fen: 155000,
      days31to60Fen: 104000,
      days61to90Fen: 24000,
      over90Fen: 108000,
      creditFen: -20000,
    },
    476000,
  );

  it('buckets each line by days past due, credit and unapplied payments apart, by customer with totals', async () => {
    const r = await get(who.finance, `/api/v1/reports/aging?asOf=${D}&groupBy=customer`);
    expect(r.asOf).toBe(D);
    expect(r.items).toEqual([
      { key: ids.A, name: '账龄甲有限公司', managerName: '经理一', customers: 1, ...A },
      { key: ids.B, name: '账龄乙有限公司', managerName: '经理一', customers: 1, ...B },
      { key: ids.C, name: '账龄丙有限公司', managerName: '经理二', customers: 1, ...C },
      { key: ids.E, name: '账龄戊有限公司', managerName: null, customers: 1, ...E },
    ]);
    expect(r.totals).toEqual({ ...TOTAL, customers: 4, groups: 4 });
    expect(r.nextCursor).toBeNull();
    // The same total from the other side: lines posted by D (552000) less payments in force then (76000).
    expect(TOTAL.totalFen).toBe(552000 - 76000);
  });

  it('pages customers by cursor, sorted by total or by over 90 days, the totals always over all', async () => {
    const first = await get(who.finance, `/api/v1/reports/aging?asOf=${D}&limit=3`);
    expect(first.items.map((x: { key: string }) => x.key)).toEqual([ids.A, ids.B, ids.C]);
    expect(first.totals.totalFen).toBe(476000);
    const second = await get(
      who.finance,
      `/api/v1/reports/aging?asOf=${D}&limit=3&cursor=${first.nextCursor}`,
    );
    expect(second.items.map((x: { key: string }) => x.key)).toEqual([ids.E]);
    expect(second.nextCursor).toBeNull();
    expect(second.totals.totalFen).toBe(476000);

    // Over 90: C 58000, A 50000, then B and E at 0 (ties by id, descending).
    const [bOrE1, bOrE2] = [ids.B!, ids.E!].sort().reverse();
    const o1 = await get(who.finance, `/api/v1/reports/aging?asOf=${D}&sort=over90&limit=3`);
    expect(o1.items.map((x: { key: string }) => x.key)).toEqual([ids.C, ids.A, bOrE1]);
    const o2 = await get(
      who.finance,
      `/api/v1/reports/aging?asOf=${D}&sort=over90&limit=3&cursor=${o1.nextCursor}`,
    );
    expect(o2.items.map((x: { key: string }) => x.key)).toEqual([bOrE2]);
    const asc = await get(who.finance, `/api/v1/reports/aging?asOf=${D}&order=asc&limit=2`);
    expect(asc.items.map((x: { key: string }) => x.key)).toEqual([ids.E, ids.C]);
    const asc2 = await get(
      who.finance,
      `/api/v1/reports/aging?asOf=${D}&order=asc&limit=2&cursor=${asc.nextCursor}`,
    );
    expect(asc2.items.map((x: { key: string }) => x.key)).toEqual([ids.B, ids.A]);

    const m1 = await get(who.finance, `/api/v1/reports/aging?asOf=${D}&managerId=${ids.M1}`);
    expect(m1.items.map((x: { key: string }) => x.key)).toEqual([ids.A, ids.B]);
    expect(m1.totals.totalFen).toBe(385000);
    expect((await h.call(who.finance, 'GET', '/api/v1/reports/aging?cursor=bad')).statusCode).toBe(400);
  });

  it('groups by account manager and by site (a line without a unit takes its contract’s first unit)', async () => {
    const m = await get(who.finance, `/api/v1/reports/aging?asOf=${D}&groupBy=manager`);
    expect(m.items).toEqual([
      {
        key: ids.M1,
        name: '经理一',
        managerName: null,
        customers: 2,
        ...amounts(
          {
            currentFen: 100000,
            days1to30Fen: 145000,
            days31to60Fen: 80000,
            days61to90Fen: 20000,
            over90Fen: 50000,
            creditFen: -10000,
          },
          385000,
        ),
      },
      { key: ids.M2, name: '经理二', managerName: null, customers: 1, ...C },
      { key: null, name: null, managerName: null, customers: 1, ...E },
    ]);
    expect(m.totals).toEqual({ ...TOTAL, customers: 4, groups: 3 });

    const s = await get(who.finance, `/api/v1/reports/aging?asOf=${D}&groupBy=site`);
    expect(s.items).toEqual([
      {
        key: ids.S1,
        name: '北园',
        managerName: null,
        customers: 2,
        // A's lines on U1 and its deposit (KA → U1); C's penalty (KC's first unit U3).
        ...amounts(
          { currentFen: 105000, days1to30Fen: 70000, days61to90Fen: 20000, over90Fen: 50000 },
          245000,
        ),
      },
      {
        key: ids.S2,
        name: '南园',
        managerName: null,
        customers: 2,
        ...amounts(
          { days1to30Fen: 75000, days31to60Fen: 80000, over90Fen: 58000, creditFen: -10000 },
          203000,
        ),
      },
      {
        // E's lines have neither unit nor contract; B's unapplied payment has no site.
        key: null,
        name: null,
        managerName: null,
        customers: 2,
        ...amounts(
          { days1to30Fen: 10000, days31to60Fen: 24000, days61to90Fen: 4000, creditFen: -10000 },
          28000,
        ),
      },
    ]);
    expect(s.totals).toEqual({ ...TOTAL, customers: 4, groups: 3 });
  });

  it('gives the figures as they stood on a past date: later lines, payments, credits and reversals do not count', async () => {
    const r = await get(who.finance, `/api/v1/reports/aging?asOf=${D0}`);
    expect(r.items).toEqual([
      {
        key: ids.A,
        name: '账龄甲有限公司',
        managerName: '经理一',
        customers: 1,
        ...amounts({ currentFen: 100000, days31to60Fen: 20000, days61to90Fen: 50000 }, 170000),
      },
      // B: L5 was still paid by P2 (reversed later); L14 not yet due; P3 and P5 not yet received.
      {
        key: ids.B,
        name: '账龄乙有限公司',
        managerName: '经理一',
        customers: 1,
        ...amounts({ currentFen: 90000 }, 90000),
      },
      {
        key: ids.C,
        name: '账龄丙有限公司',
        managerName: '经理二',
        customers: 1,
        ...amounts({ days61to90Fen: 60000 }, 60000),
      },
      {
        key: ids.E,
        name: '账龄戊有限公司',
        managerName: null,
        customers: 1,
        ...amounts({ currentFen: 10000, days1to30Fen: 30000, days31to60Fen: 4000 }, 44000),
      },
    ]);
    expect(r.totals).toEqual({
      ...amounts(
        { currentFen: 200000, days1to30Fen: 30000, days31to60Fen: 24000, days61to90Fen: 110000 },
        364000,
      ),
      customers: 4,
      groups: 4,
    });
    // After P4 (04-10) C's old rent is settled; L13 is posted and current.
    const later = await get(who.finance, `/api/v1/reports/aging?asOf=${LATER}&groupBy=customer`);
    const c = later.items.find((x: { key: string }) => x.key === ids.C);
    expect(c).toMatchObject({ over90Fen: 0, creditFen: -10000, days1to30Fen: 5000, totalFen: -5000 });
  });
});

describe('rent collection (R5.2.2)', () => {
  it('gives billed, collected, outstanding and the rate per month and site, rates exact to four places', async () => {
    const r = await get(who.finance, `/api/v1/reports/collection?month=2026-03&asOf=${D}`);
    expect(r).toMatchObject({ asOf: D, from: '2026-03-01', to: '2026-03-31' });
    expect(r.items).toEqual([
      {
        month: '2026-03',
        siteId: ids.S1,
        siteName: '北园',
        lines: 1,
        billedFen: 100000,
        collectedFen: 30000,
        creditedFen: 0,
        outstandingFen: 70000,
        rate: '0.3000',
      },
      {
        month: '2026-03',
        siteId: ids.S2,
        siteName: '南园',
        lines: 1,
        billedFen: 90000,
        collectedFen: 30000,
        creditedFen: 0,
        outstandingFen: 60000,
        rate: '0.3333',
      },
    ]);
    // 60000 / 190000 = 0.315789… → 31.58 %
    expect(r.totals).toEqual({
      lines: 2,
      billedFen: 190000,
      collectedFen: 60000,
      creditedFen: 0,
      outstandingFen: 130000,
      rate: '0.3158',
    });
  });

  it('covers a range of dates, counts only what had happened by the as-of date, and filters by site', async () => {
    const url = (asOf: string) => `/api/v1/reports/collection?from=2025-12-01&to=2026-04-30&asOf=${asOf}`;
    const r = await get(who.finance, url(D));
    const brief = (x: {
      month: string;
      siteName: string;
      billedFen: number;
      collectedFen: number;
      rate: string;
    }) => [x.month, x.siteName, x.billedFen, x.collectedFen, x.rate];
    // L7's 2,000 came from the credit L9: credited, not collected, and off what is owed for the rate.
    expect(r.items.map(brief)).toEqual([
      ['2025-12', '南园', 60000, 0, '0.0000'],
      ['2026-02', '南园', 80000, 0, '0.0000'],
      ['2026-03', '北园', 100000, 30000, '0.3000'],
      ['2026-03', '南园', 90000, 30000, '0.3333'],
      ['2026-04', '北园', 100000, 0, '0.0000'],
    ]);
    expect(r.totals).toEqual({
      lines: 5,
      billedFen: 430000,
      collectedFen: 60000,
      creditedFen: 2000,
      outstandingFen: 368000,
      rate: '0.1402',
    });
    // On 02-28: L1 not posted, P2 not yet reversed, the credit and P1, P5 not yet applied.
    const past = await get(who.finance, url(D0));
    expect(past.items.map(brief)).toEqual([
      ['2025-12', '南园', 60000, 0, '0.0000'],
      ['2026-02', '南园', 80000, 80000, '1.0000'],
      ['2026-03', '北园', 100000, 0, '0.0000'],
      ['2026-03', '南园', 90000, 0, '0.0000'],
    ]);
    expect(past.totals).toMatchObject({ billedFen: 330000, collectedFen: 80000, rate: '0.2424' });
    const s1 = await get(who.finance, `${url(LATER)}&siteId=${ids.S1}`);
    expect(s1.items.map(brief)).toEqual([
      ['2026-03', '北园', 100000, 30000, '0.3000'],
      ['2026-04', '北园', 200000, 0, '0.0000'],
    ]);
    const none = await get(who.finance, '/api/v1/reports/collection?month=2024-01&asOf=2024-02-01');
    expect(none.items).toEqual([]);
    expect(none.totals).toEqual({
      lines: 0,
      billedFen: 0,
      collectedFen: 0,
      creditedFen: 0,
      outstandingFen: 0,
      rate: null,
    });
  });

  it('refuses a period that ends before it starts or spans more than three years', async () => {
    for (const q of ['from=2026-03-02&to=2026-03-01', 'from=2023-01-01&to=2026-01-31']) {
      const r = await h.call(who.finance, 'GET', `/api/v1/reports/collection?${q}`);
      expect(r.statusCode).toBe(400);
      expect(r.json().error).toMatchObject({ code: 'REPORT_PERIOD_INVALID', field: 'to' });
    }
    const bad = await h.call(who.finance, 'GET', '/api/v1/reports/collection?month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('other fees ledger (R5.1.3)', () => {
  it('lists incurred, collected and outstanding by fee type and month as of a date', async () => {
    const r = await get(who.finance, `/api/v1/reports/fees?from=2025-11&to=2026-03&asOf=${D}`);
    expect(r).toMatchObject({ asOf: D, from: '2025-11', to: '2026-03' });
    const fee = (chargeType: string, month: string, incurredFen: number, collectedFen = 0) => ({
      chargeType,
      month,
      lines: 1,
      incurredFen,
      collectedFen,
      creditedFen: 0,
      outstandingFen: incurredFen - collectedFen,
    });
    expect(r.items).toEqual([
      fee('property_fee', '2026-01', 20000),
      fee('property_fee', '2026-03', 10000),
      fee('other', '2025-12', 4000),
      fee('deposit', '2025-12', 50000),
      fee('utility', '2026-03', 15000),
      fee('one_off', '2026-02', 30000, 6000),
      fee('penalty', '2026-03', 5000),
    ]);
    expect(
      r.byType.map((x: { chargeType: string; incurredFen: number }) => [x.chargeType, x.incurredFen]),
    ).toEqual([
      ['property_fee', 30000],
      ['other', 4000],
      ['deposit', 50000],
      ['utility', 15000],
      ['one_off', 30000],
      ['penalty', 5000],
    ]);
    expect(r.totals).toEqual({
      lines: 7,
      incurredFen: 134000,
      collectedFen: 6000,
      creditedFen: 0,
      outstandingFen: 128000,
    });

    const past = await get(who.finance, `/api/v1/reports/fees?from=2025-11&to=2026-03&asOf=${D0}`);
    expect(past.totals).toEqual({
      lines: 5,
      incurredFen: 114000,
      collectedFen: 0,
      creditedFen: 0,
      outstandingFen: 114000,
    });
    const one = await get(
      who.finance,
      `/api/v1/reports/fees?from=2025-11&to=2026-03&asOf=${D}&chargeType=one_off`,
    );
    expect(one.items).toEqual([fee('one_off', '2026-02', 30000, 6000)]);
    // Without months: the twelve up to the as-of date's month.
    expect(await get(who.finance, `/api/v1/reports/fees?asOf=${D}`)).toMatchObject({
      from: '2025-04',
      to: '2026-03',
    });
    const rent = await h.call(who.finance, 'GET', '/api/v1/reports/fees?chargeType=rent');
    expect(rent.statusCode).toBe(400);
  });
});

describe('exports', () => {
  const sheet = async (url: string, headers: Record<string, string> = {}) => {
    const r = await h.call(who.management, 'GET', url, undefined, headers);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    const out: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return { rows: out, name: wb.worksheets[0]!.name, disposition: String(r.headers['content-disposition']) };
  };

  it('exports the aging report with Chinese headers and the totals row, English when asked', async () => {
    const zh = await sheet(`/api/v1/reports/aging.xlsx?asOf=${D}&groupBy=customer`, {
      'accept-language': 'zh-CN',
    });
    expect(zh.name).toBe('应收账龄');
    expect(zh.disposition).toContain(encodeURIComponent(`应收账龄-${D}.xlsx`));
    expect(zh.rows[0]).toEqual([
      '客户',
      '客户经理',
      '未到期',
      '逾期1-30天',
      '逾期31-60天',
      '逾期61-90天',
      '逾期90天以上',
      '预收/未核销',
      '合计',
    ]);
    expect(zh.rows[1]).toEqual(['账龄甲有限公司', '经理一', 1000, 700, 0, 200, 500, 0, 2400]);
    expect(zh.rows[4]).toEqual(['账龄戊有限公司', '未分配', 0, 100, 240, 40, 0, 0, 380]);
    expect(zh.rows.at(-1)).toEqual(
      ['合计', null, 1050, 1550, 1040, 240, 1080, -200, 4760].map((v) => v ?? undefined),
    );
    expect(zh.rows).toHaveLength(6);

    const en = await sheet(`/api/v1/reports/aging.xlsx?asOf=${D}&groupBy=site&lang=en`);
    expect(en.name).toBe('Aging');
    expect(en.disposition).toContain(`aging-${D}.xlsx`);
    expect(en.rows[0]!.slice(0, 3)).toEqual(['Site', 'Customers', 'Current']);
    expect(en.rows.map((x) => x[0])).toEqual(['Site', '北园', '南园', 'None', 'Total']);
    expect(en.rows.at(-1)).toEqual(['Total', 4, 1050, 1550, 1040, 240, 1080, -200, 4760]);
  });

  it('exports rent collection and the fees ledger', async () => {
    const c = await sheet(`/api/v1/reports/collection.xlsx?month=2026-03&asOf=${D}&lang=zh-CN`);
    expect(c.rows[0]).toEqual(['月份', '园区', '明细数', '应收租金', '已收', '减免/调整', '未收', '收缴率']);
    expect(c.rows[1]).toEqual(['2026-03', '北园', 1, 1000, 300, 0, 700, 0.3]);
    expect(c.rows[2]).toEqual(['2026-03', '南园', 1, 900, 300, 0, 600, 0.3333]);
    expect(c.rows.at(-1)).toEqual(['合计', undefined, 2, 1900, 600, 0, 1300, 0.3158]);
    const f = await sheet(`/api/v1/reports/fees.xlsx?from=2025-11&to=2026-03&asOf=${D}&lang=en`);
    expect(f.name).toBe('Other fees');
    expect(f.rows[0]).toEqual([
      'Fee type',
      'Month',
      'Lines',
      'Incurred',
      'Collected',
      'Waived/adjusted',
      'Outstanding',
    ]);
    expect(f.rows[1]).toEqual(['Property fee', '2026-01', 1, 200, 0, 0, 200]);
    expect(f.rows.at(-1)).toEqual(['Total', undefined, 7, 1340, 60, 0, 1280]);
  });
});

describe('access', () => {
  const urls = [
    `/api/v1/reports/aging?asOf=${D}`,
    `/api/v1/reports/aging.xlsx?asOf=${D}`,
    `/api/v1/reports/collection?month=2026-03`,
    `/api/v1/reports/collection.xlsx?month=2026-03`,
    `/api/v1/reports/fees`,
    `/api/v1/reports/fees.xlsx`,
  ];

  it('is for finance, management and administrators only', async () => {
    for (const url of urls) {
      for (const s of [who.finance, who.management, who.admin])
        expect((await h.call(s, 'GET', url)).statusCode, url).toBe(200);
      expect((await h.call(who.business, 'GET', url)).statusCode, url).toBe(403);
      expect((await h.call(null, 'GET', url)).statusCode, url).toBe(401);
    }
    for (const role of ['legal', 'service'])
      expect((await h.call(await h.login(role), 'GET', urls[0]!)).statusCode, role).toBe(403);
  });

  it('never shows another organization’s receivables', async () => {
    // The demo organization has bills of its own, but none of the data set above.
    const demo = await get(who.demoFinance, `/api/v1/reports/aging?asOf=${D}&limit=500`);
    const mine = new Set([ids.A, ids.B, ids.C, ids.E]);
    expect(demo.items.some((x: { key: string }) => mine.has(x.key))).toBe(false);
    const sites = await get(who.demoFinance, `/api/v1/reports/aging?asOf=${LATER}&groupBy=site`);
    expect(sites.items.some((x: { key: string }) => x.key === ids.S1 || x.key === ids.S2)).toBe(false);
    const c = await get(
      who.demoFinance,
      `/api/v1/reports/collection?from=2025-12-01&to=2026-04-30&asOf=${LATER}`,
    );
    expect(c.items.some((x: { siteId: string }) => x.siteId === ids.S1 || x.siteId === ids.S2)).toBe(false);
    // And the second organization's figures above are exactly its own: its totals match the hand count.
    const today = await get(who.demoFinance, '/api/v1/reports/aging?groupBy=customer&limit=500');
    expect(today.totals.customers).toBe(today.items.length);
  });
});
