import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, maxDate, todayIn } from '../../../common/dates.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { multipart } from '../../../test/multipart.ts';
import { sheet } from '../../../test/sheets.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { rows } from '../../platform/db/database.ts';

/*
 * Meters, readings and utility charges (R5.2.1). Every amount below is worked out by hand:
 * total = round half up(consumption x price x 100) fen, net = round(total / (1 + rate)), tax = total - net.
 * Organization prices: electricity 1.2345 元/kWh at 13%, water 5.6 元/t at 9%; contract B has its own
 * electricity price, 1.0000 元/kWh at 13%.
 */
let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const monthAgo = addDays(today, -30);
const t = contractHelpers(() => h, s, today);

type Unit = { id: string; code: string };
const u: Unit[] = [];
const meter: Record<string, string> = {};
let A: { id: string; customerId: string };
let B: { id: string; customerId: string };
let C: { id: string; customerId: string };

type Charge = {
  unitId: string;
  contractId: string;
  totalFen: number;
  netFen: number;
  taxFen: number;
  dueDate: string;
  issueDate: string;
  quantity: string;
  billId: string | null;
};
type Reading = {
  id: string;
  meterId: string;
  consumption: string;
  baseline: boolean;
  charges: Charge[];
  unbilled: { unitId: string; quantity: string }[];
};

const post = (body: unknown, who = s.finance) => h.call(who, 'POST', '/api/v1/meter-readings', body);
async function readings(readOn: string, rs: Record<string, unknown>[]): Promise<Reading[]> {
  const r = await post({ readOn, rows: rs });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().readings;
}
const row = (code: string, value: string, extra: Record<string, unknown> = {}) => ({
  meterId: meter[code],
  value,
  ...extra,
});
async function newMeter(body: Record<string, unknown>) {
  const r = await h.call(s.finance, 'POST', '/api/v1/meters', {
    type: 'electricity',
    buildingId: buildingId,
    ...body,
  });
  expect(r.statusCode, r.body).toBe(201);
  meter[body.code as string] = r.json().id;
  return r.json();
}
const run = async (asOf: string) => {
  const r = await h.call(s.finance, 'POST', '/api/v1/billing/runs', { asOf });
  expect(r.statusCode, r.body).toBe(201);
  expect(r.json().status, r.body).toBe('succeeded');
};
const billsOf = async (contractId: string) =>
  (await h.call(s.finance, 'GET', `/api/v1/bills?contractId=${contractId}`)).json().items as {
    id: string;
    dueDate: string;
  }[];
const utilityLinesOf = async (billId: string) =>
  (
    (await h.call(s.finance, 'GET', `/api/v1/bills/${billId}`)).json().lines as {
      chargeType: string;
      name: string;
      unitId: string;
      totalFen: number;
      netFen: number;
      taxFen: number;
      periodStart: string;
      periodEnd: string;
    }[]
  ).filter((l) => l.chargeType === 'utility');
const planned = (name: string) =>
  h.db.inOrg(h.orgs.demo, (tx) =>
    rows<{ unitId: string; totalFen: number; dueDate: string; issueDate: string }>(
      tx,
      sql`select unit_id as "unitId", total_fen::int8 as "totalFen", due_date::text as "dueDate",
            issue_date::text as "issueDate"
          from charge_plan where charge_type = 'utility' and name = ${name} order by unit_id`,
    ),
  );
let buildingId = '';

/** A monthly contract for one unit from today with a fixed deposit. */
async function signed(name: string, unitId: string, months = 12) {
  const a = await t.admitted(name, [unitId], today, months);
  const r = await h.call(s.business, 'POST', '/api/v1/contracts', {
    customerId: a.customerId,
    applicationId: a.applicationId,
    terms: t.terms([unitId], today, months, {
      billingCycleMonths: 1,
      rentFree: [],
      escalations: [],
      deposit: { amountFen: 1_000_000 },
    }),
  });
  expect(r.statusCode, r.body).toBe(201);
  await t.sign(r.json().id);
  return { id: r.json().id as string, customerId: a.customerId };
}

beforeAll(async () => {
  h = await testApp();
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
  const b = (await h.call(s.business, 'GET', '/api/v1/buildings?limit=1')).json().items[0];
  buildingId = b.id;
  // Units of known gross areas: 100, 150, 250 (the area split) and 80 m².
  for (const [i, gross] of ['100', '150', '250', '80'].entries()) {
    const r = await h.call(s.business, 'POST', '/api/v1/units', {
      buildingId,
      code: `UT-${i + 1}`,
      type: 'office',
      floor: 1,
      grossArea: gross,
      insideArea: gross,
      usableArea: gross,
      listPrice: '100',
      priceBasis: 'per_sqm_month',
    });
    expect(r.statusCode, r.body).toBe(201);
    u.push({ id: r.json().id, code: r.json().code });
  }
  A = await signed('水电测试甲有限公司', u[0]!.id);
  B = await signed('水电测试乙有限公司', u[1]!.id);
  C = await signed('水电测试丙有限公司', u[3]!.id, 1);
});
afterAll(() => h?.close());

describe('prices', () => {
  it('sets the organization defaults and a contract’s own price; finance only', async () => {
    const rate = (body: Record<string, unknown>, who = s.finance) =>
      h.call(who, 'POST', '/api/v1/utility-rates', { effectiveFrom: addDays(today, -365), ...body });
    expect((await rate({ meterType: 'electricity', price: '1.2345', vatRate: '0.13' })).statusCode).toBe(201);
    expect((await rate({ meterType: 'water', price: '5.6', vatRate: '0.09' })).statusCode).toBe(201);
    const own = await rate({ contractId: B.id, meterType: 'electricity', price: '1.0000', vatRate: '0.13' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ contractId: B.id, price: '1', vatRate: '0.13' });
    const again = await rate({ meterType: 'water', price: '6', vatRate: '0.09' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'UTILITY_RATE_EXISTS', field: 'effectiveFrom' });
    expect((await rate({ meterType: 'water', price: '1.23456', vatRate: '0.09' })).json().error.field).toBe(
      'price',
    );
    expect((await rate({ meterType: 'gas', price: '3', vatRate: '0.09' }, s.business)).statusCode).toBe(403);
    // The demo's own prices (from two years back) are older: these win from a year ago.
    const list = (await h.call(s.legal, 'GET', '/api/v1/utility-rates')).json().items;
    const mine = (x: { effectiveFrom: string }) => x.effectiveFrom === addDays(today, -365);
    expect(
      list
        .filter(mine)
        .map((r: { meterType: string }) => r.meterType)
        .sort(),
    ).toEqual(['electricity', 'water']);
    const ofB = (await h.call(s.legal, 'GET', `/api/v1/utility-rates?contractId=${B.id}`)).json().items;
    expect(ofB).toHaveLength(1);
  });
});

describe('meters', () => {
  it('creates unit meters and shared ones; codes are unique; percentages must add up to 100', async () => {
    await newMeter({ code: 'UT-E1', unitId: u[0]!.id });
    await newMeter({ code: 'UT-EM', unitId: u[0]!.id, multiplier: '40' });
    await newMeter({ code: 'UT-ER', unitId: u[0]!.id });
    await newMeter({ code: 'UT-E2', unitId: u[1]!.id });
    await newMeter({ code: 'UT-E3', unitId: u[2]!.id });
    await newMeter({ code: 'UT-E4', unitId: u[3]!.id });
    const water = await newMeter({
      code: 'UT-WS',
      type: 'water',
      shared: true,
      splitRule: 'area',
      shares: [0, 1, 2].map((i) => ({ unitId: u[i]!.id })),
    });
    expect(water.shares.map((x: { grossArea: string }) => x.grossArea)).toEqual([
      '100.00',
      '150.00',
      '250.00',
    ]);
    const pct = await newMeter({
      code: 'UT-ES',
      shared: true,
      splitRule: 'percent',
      shares: [
        { unitId: u[0]!.id, percent: '62.5' },
        { unitId: u[1]!.id, percent: '37.5' },
      ],
    });
    expect(pct).toMatchObject({ shared: true, splitRule: 'percent', unitId: null });

    const bad = await h.call(s.finance, 'POST', '/api/v1/meters', {
      code: 'UT-BAD',
      type: 'electricity',
      buildingId,
      shared: true,
      splitRule: 'percent',
      shares: [
        { unitId: u[0]!.id, percent: '60' },
        { unitId: u[1]!.id, percent: '30' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'UTILITY_PERCENT_NOT_100', field: 'shares' });
    const taken = await h.call(s.finance, 'POST', '/api/v1/meters', {
      code: 'UT-E1',
      type: 'water',
      buildingId,
      unitId: u[1]!.id,
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'UTILITY_METER_CODE_TAKEN', field: 'code' });
    const noUnit = await h.call(s.finance, 'POST', '/api/v1/meters', {
      code: 'UT-X',
      type: 'gas',
      buildingId,
    });
    expect(noUnit.json().error).toMatchObject({ code: 'UTILITY_METER_UNIT_REQUIRED', field: 'unitId' });
  });

  it('lists with filters and cursor paging; edits and retires', async () => {
    const list = (q: string) => h.call(s.legal, 'GET', `/api/v1/meters?${q}`);
    const p1 = (await list(`buildingId=${buildingId}&code=UT-&limit=3`)).json();
    expect(p1.items).toHaveLength(3);
    const p2 = (await list(`buildingId=${buildingId}&code=UT-&limit=50&cursor=${p1.nextCursor}`)).json();
    expect([...p1.items, ...p2.items].map((m: { code: string }) => m.code)).toEqual([
      'UT-E1',
      'UT-E2',
      'UT-E3',
      'UT-E4',
      'UT-EM',
      'UT-ER',
      'UT-ES',
      'UT-WS',
    ]);
    const water = (await list('type=water&code=UT-')).json().items;
    expect(water.map((m: { code: string }) => m.code)).toEqual(['UT-WS']);
    const ofUnit = (await list(`unitId=${u[1]!.id}`)).json().items.map((m: { code: string }) => m.code);
    expect(ofUnit.sort()).toEqual(['UT-E2', 'UT-ES', 'UT-WS']);

    const extra = await newMeter({ code: 'UT-TMP', unitId: u[2]!.id });
    const edit = await h.call(s.finance, 'PATCH', `/api/v1/meters/${extra.id}`, {
      code: 'UT-TMP2',
      type: 'gas',
      buildingId,
      unitId: u[2]!.id,
      multiplier: '2.5',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ code: 'UT-TMP2', type: 'gas', multiplier: '2.5' });
    const retired = await h.call(s.finance, 'POST', `/api/v1/meters/${extra.id}/retire`);
    expect(retired.json().retiredAt).not.toBeNull();
    expect((await list('code=UT-TMP')).json().items).toEqual([]);
    expect((await list('code=UT-TMP&includeRetired=true')).json().items).toHaveLength(1);
    const late = await post({ readOn: today, rows: [{ meterId: extra.id, value: '1' }] });
    expect(late.json().error).toMatchObject({ code: 'UTILITY_METER_RETIRED', field: 'rows.0.value' });
  });
});

describe('readings and charges', () => {
  it('takes the first reading of a meter as its baseline only', async () => {
    const base = await readings(monthAgo, [
      row('UT-E1', '1000'),
      row('UT-EM', '100'),
      row('UT-E2', '2000'),
      row('UT-E4', '1000'),
      row('UT-WS', '0'),
      row('UT-ES', '500'),
    ]);
    expect(base.every((r) => r.baseline && r.consumption === '0' && r.charges.length === 0)).toBe(true);
    // The replaced meter: two readings before the leases began. Nobody leased UT-1 then: not billed.
    await readings(addDays(today, -60), [row('UT-ER', '900')]);
    const [vacant] = await readings(monthAgo, [row('UT-ER', '1234.5')]);
    expect(vacant).toMatchObject({ consumption: '334.5', charges: [] });
    expect(vacant!.unbilled).toEqual([{ unitId: u[0]!.id, unitCode: 'UT-1', quantity: '334.5' }]);
  });

  it('refuses a reading lower than the last, naming the row’s value, and writes none of the batch', async () => {
    const r = await post({ readOn: today, rows: [row('UT-E2', '2100'), row('UT-E1', '999.99')] });
    expect(r.statusCode).toBe(400);
    expect(r.json().error).toMatchObject({ code: 'UTILITY_READING_LOWER', field: 'rows.1.value' });
    expect(r.json().error.details.problems).toHaveLength(1);
    const replaced = await post({ readOn: today, rows: [row('UT-E1', '5', { replacement: true })] });
    expect(replaced.json().error).toMatchObject({
      code: 'UTILITY_START_VALUE_REQUIRED',
      field: 'rows.0.startValue',
    });
    const before = await post({ readOn: addDays(monthAgo, -1), rows: [row('UT-E2', '2100')] });
    expect(before.json().error).toMatchObject({ code: 'UTILITY_READING_NOT_AFTER', field: 'rows.0.readOn' });
    const future = await post({ readOn: addDays(today, 1), rows: [row('UT-E2', '2100')] });
    expect(future.json().error).toMatchObject({ code: 'UTILITY_READING_FUTURE', field: 'rows.0.readOn' });
    const grid = (
      await h.call(s.legal, 'GET', `/api/v1/meter-readings/grid?buildingId=${buildingId}&readOn=${today}`)
    ).json();
    const e2 = grid.rows.find((x: { code: string }) => x.code === 'UT-E2');
    expect(e2).toMatchObject({ last: { readOn: monthAgo, value: '2000' }, current: null });
  });

  it('bills a one-month lease with nothing left to bill: due the reading date + 7 days', async () => {
    // The first bills of A, B and C: C has nothing left in the plan. Its bill due today + 7 was issued
    // today, so the utility line is issued tomorrow (one bill per contract, due date and issue day).
    await run(today);
    const [r] = await readings(today, [row('UT-E4', '1100')]);
    // 100 kWh x 1.2345 = 123.45 元 = 12345 fen; net = round(12345 / 1.13) = 10925; tax 1420.
    expect(r!.charges).toEqual([
      expect.objectContaining({
        contractId: C.id,
        totalFen: 12345,
        netFen: 10925,
        taxFen: 1420,
        dueDate: addDays(today, 7),
        issueDate: addDays(today, 1),
        billId: null,
      }),
    ]);
    await run(today);
    expect((await planned('UT-E4')).map((p) => p.totalFen)).toEqual([12345]);
    await run(addDays(today, 1));
    const bill = (await billsOf(C.id)).find(
      (b) => b.dueDate === addDays(today, 7) && (b as { issuedOn?: string }).issuedOn === addDays(today, 1),
    )!;
    const [line] = await utilityLinesOf(bill.id);
    expect(line).toMatchObject({
      name: 'UT-E4',
      unitId: u[3]!.id,
      totalFen: 12345,
      netFen: 10925,
      taxFen: 1420,
      periodStart: addDays(monthAgo, 1),
      periodEnd: today,
    });
  });

  it('prices own meters, multipliers, replacements and shared meters, on each contract’s next bill', async () => {
    const secondDue = addDays(addMonths(today, 1), -5);
    const next = { dueDate: secondDue, issueDate: addDays(secondDue, -15), billId: null };
    const rs = await readings(today, [
      row('UT-E1', '1234.5'),
      row('UT-EM', '112.35'),
      row('UT-ER', '50', { replacement: true, startValue: '0' }),
      row('UT-E2', '2100'),
      row('UT-WS', '123.45'),
      row('UT-ES', '580'),
    ]);
    const [e1, em, er, e2, ws, es] = rs;
    // 234.5 kWh x 1.2345 = 289.49025 元 -> 28949 fen; net round(28949 / 1.13) = 25619; tax 3330.
    expect(e1!.charges).toEqual([
      expect.objectContaining({ contractId: A.id, totalFen: 28949, netFen: 25619, taxFen: 3330, ...next }),
    ]);
    // (112.35 - 100) x 40 = 494 kWh x 1.2345 = 609.843 元 -> 60984; net 53968; tax 7016.
    expect(em!.consumption).toBe('494');
    expect(em!.charges[0]).toMatchObject({ totalFen: 60984, netFen: 53968, taxFen: 7016 });
    // Replacement: 50 - 0 = 50 kWh x 1.2345 = 61.725 元 -> 6173 (half up); net 5463; tax 710.
    expect(er!.consumption).toBe('50');
    expect(er!.charges[0]).toMatchObject({ totalFen: 6173, netFen: 5463, taxFen: 710 });
    // Contract B's own price: 100 kWh x 1.0000 = 10000 fen; net round(10000 / 1.13) = 8850; tax 1150.
    expect(e2!.charges).toEqual([
      expect.objectContaining({ contractId: B.id, totalFen: 10000, netFen: 8850, taxFen: 1150, ...next }),
    ]);
    // Shared water by gross area 100 : 150 : 250 of 123.45 t at 5.6 元, 9%:
    // UT-1 24.69 t = 138.264 元 -> 13826, net round(13826 / 1.09) = 12684, tax 1142;
    // UT-2 37.035 t = 207.396 元 -> 20740, net 19028, tax 1712; UT-3 61.725 t vacant: not billed.
    const byUnit = (r: Reading) => Object.fromEntries(r.charges.map((c) => [c.unitId, c]));
    expect(byUnit(ws!)[u[0]!.id]).toMatchObject({
      quantity: '24.69',
      totalFen: 13826,
      netFen: 12684,
      taxFen: 1142,
    });
    expect(byUnit(ws!)[u[1]!.id]).toMatchObject({
      quantity: '37.035',
      totalFen: 20740,
      netFen: 19028,
      taxFen: 1712,
    });
    expect(ws!.charges).toHaveLength(2);
    expect(ws!.unbilled).toEqual([{ unitId: u[2]!.id, unitCode: 'UT-3', quantity: '61.725' }]);
    // Shared electricity 62.5% / 37.5% of 80 kWh: UT-1 50 kWh x 1.2345 -> 6173 (net 5463, tax 710);
    // UT-2 30 kWh at B's own 1.0000 -> 3000 (net round(3000 / 1.13) = 2655, tax 345).
    expect(byUnit(es!)[u[0]!.id]).toMatchObject({
      quantity: '50',
      totalFen: 6173,
      netFen: 5463,
      taxFen: 710,
    });
    expect(byUnit(es!)[u[1]!.id]).toMatchObject({
      quantity: '30',
      totalFen: 3000,
      netFen: 2655,
      taxFen: 345,
    });
    const second = await post({ readOn: today, rows: [row('UT-E2', '2200')] });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'UTILITY_READING_DUPLICATE', field: 'rows.0.readOn' });
    expect(await planned('UT-E2')).toEqual([
      { unitId: u[1]!.id, totalFen: 10000, dueDate: next.dueDate, issueDate: next.issueDate },
    ]);
  });

  it('corrects or deletes a reading while its charges are planned, replacing them', async () => {
    const list = (await h.call(s.finance, 'GET', `/api/v1/meter-readings?meterId=${meter['UT-E1']}`)).json();
    const latest = list.items[0];
    expect(latest.readOn).toBe(today);
    const notLatest = await h.call(s.finance, 'PATCH', `/api/v1/meter-readings/${list.items[1].id}`, {
      value: '1001',
    });
    expect(notLatest.json().error.code).toBe('UTILITY_READING_NOT_LATEST');
    const fixed = await h.call(s.finance, 'PATCH', `/api/v1/meter-readings/${latest.id}`, { value: '1300' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    // 300 kWh x 1.2345 = 370.35 元 -> 37035; net round(37035 / 1.13) = 32774; tax 4261.
    expect(fixed.json().charges).toEqual([
      expect.objectContaining({ totalFen: 37035, netFen: 32774, taxFen: 4261 }),
    ]);
    expect((await planned('UT-E1')).map((p) => p.totalFen)).toEqual([37035]);
    const lower = await h.call(s.finance, 'PATCH', `/api/v1/meter-readings/${latest.id}`, { value: '10' });
    expect(lower.json().error).toMatchObject({ code: 'UTILITY_READING_LOWER', field: 'value' });

    const em = (await h.call(s.finance, 'GET', `/api/v1/meter-readings?meterId=${meter['UT-EM']}`)).json()
      .items[0];
    const del = await h.call(s.finance, 'DELETE', `/api/v1/meter-readings/${em.id}`);
    expect(del.statusCode).toBe(204);
    expect(await planned('UT-EM')).toEqual([]);
    await readings(today, [row('UT-EM', '112.35')]);
    expect((await planned('UT-EM')).map((p) => p.totalFen)).toEqual([60984]);
    const audit = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ action: string }>(
        tx,
        sql`select action from audit_log where entity_type = 'meter_reading' and entity_id = ${latest.id}
            order by at, id`,
      ),
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'correct']);
  });

  it('the billing run puts the utility lines on the next bill with exact fen; then they stand', async () => {
    const secondDue = addDays(addMonths(today, 1), -5);
    await run(maxDate(addDays(secondDue, -15), today));
    const billA = (await billsOf(A.id)).find((b) => b.dueDate === secondDue)!;
    const linesA = await utilityLinesOf(billA.id);
    expect(Object.fromEntries(linesA.map((l) => [l.name, l.totalFen]))).toEqual({
      'UT-E1': 37035,
      'UT-EM': 60984,
      'UT-ER': 6173,
      'UT-WS': 13826,
      'UT-ES': 6173,
    });
    expect(linesA.every((l) => l.netFen + l.taxFen === l.totalFen && l.periodEnd === today)).toBe(true);
    const billB = (await billsOf(B.id)).find((b) => b.dueDate === secondDue)!;
    const linesB = await utilityLinesOf(billB.id);
    expect(linesB.map((l) => [l.name, l.totalFen]).sort()).toEqual([
      ['UT-E2', 10000],
      ['UT-ES', 3000],
      ['UT-WS', 20740],
    ]);
    expect(await planned('UT-E1')).toEqual([]);

    const e1 = (await h.call(s.finance, 'GET', `/api/v1/meter-readings?meterId=${meter['UT-E1']}`)).json()
      .items[0];
    expect(e1.charges[0].billId).toBe(billA.id);
    const fix = await h.call(s.finance, 'PATCH', `/api/v1/meter-readings/${e1.id}`, { value: '1400' });
    expect(fix.statusCode).toBe(409);
    expect(fix.json().error.code).toBe('UTILITY_READING_BILLED');
    const del = await h.call(s.finance, 'DELETE', `/api/v1/meter-readings/${e1.id}`);
    expect(del.json().error.code).toBe('UTILITY_READING_BILLED');
  });
});

describe('import from a sheet', () => {
  const HEADERS = ['表计编号', '抄表日期', '本次读数', '换表', '新表起始读数'];
  const upload = async (bytes: Buffer, commit: boolean) => {
    const m = await multipart(
      { commit: String(commit) },
      { name: 'readings.xlsx', bytes, type: 'application/octet-stream' },
    );
    return h.call(s.finance, 'POST', '/api/v1/meter-readings/import', m.payload, {
      'content-type': m.type,
    });
  };

  it('previews every bad row (row, column, reason) and writes nothing', async () => {
    const bytes = await sheet(HEADERS, [
      ['UT-E3', monthAgo, '10', '否', null],
      ['UT-E3', today, '25.5', null, null],
      ['NO-SUCH', today, '1', null, null],
      ['UT-E2', today, '1', null, null],
      ['UT-E4', '2026-13-01', '1', null, null],
      ['UT-ES', today, 'abc', '是', null],
    ]);
    const r = await upload(bytes, false);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body).toMatchObject({ totalRows: 6, committed: false });
    expect(
      body.problems.map((p: { row: number; field: string; code: string }) => [p.row, p.field, p.code]),
    ).toEqual([
      [4, 'meterCode', 'UTILITY_METER_UNKNOWN'],
      [5, 'readOn', 'UTILITY_READING_DUPLICATE'],
      [6, 'readOn', 'date_format'],
      [7, 'value', 'UTILITY_READING_FORMAT'],
    ]);
    expect(body.problems[0]).toMatchObject({ column: '表计编号', value: 'NO-SUCH' });
    expect(body.rows[1]).toMatchObject({ meterCode: 'UT-E3', consumption: '15.5', totalFen: 0 });
    const none = await h.call(s.finance, 'GET', `/api/v1/meter-readings?meterId=${meter['UT-E3']}`);
    expect(none.json().items).toEqual([]);
    const refused = await upload(bytes, true);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('UTILITY_IMPORT_HAS_ERRORS');
  });

  it('imports a clean sheet: a baseline and a reading of a vacant unit (not billed)', async () => {
    const bytes = await sheet(HEADERS, [
      ['UT-E3', monthAgo, '10', '否', null],
      ['UT-E3', today, '25.5', null, null],
    ]);
    const r = await upload(bytes, true);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ committed: true, problems: [] });
    const list = (await h.call(s.finance, 'GET', `/api/v1/meter-readings?meterId=${meter['UT-E3']}`)).json();
    expect(list.items.map((x: Reading & { readOn: string }) => [x.readOn, x.consumption])).toEqual([
      [today, '15.5'],
      [monthAgo, '0'],
    ]);
    expect(list.items[0].unbilled).toEqual([{ unitId: u[2]!.id, unitCode: 'UT-3', quantity: '15.5' }]);
  });
});

describe('permissions and organizations', () => {
  it('lets other staff read but not write', async () => {
    expect((await h.call(s.legal, 'GET', '/api/v1/meters')).statusCode).toBe(200);
    expect(
      (await h.call(s.business, 'GET', `/api/v1/meter-readings?meterId=${meter['UT-E1']}`)).statusCode,
    ).toBe(200);
    const body = { code: 'UT-NOPE', type: 'gas', buildingId, unitId: u[0]!.id };
    expect((await h.call(s.business, 'POST', '/api/v1/meters', body)).statusCode).toBe(403);
    expect((await post({ readOn: today, rows: [row('UT-E2', '1')] }, s.management)).statusCode).toBe(403);
    expect((await h.call(s.admin, 'POST', '/api/v1/meters', body)).statusCode).toBe(201);
  });

  it('never shows another organization’s meters, readings or prices', async () => {
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', `/api/v1/meters/${meter['UT-E1']}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', '/api/v1/meters?code=UT-')).json().items).toEqual([]);
    expect(
      (await h.call(other, 'GET', `/api/v1/meter-readings?meterId=${meter['UT-E1']}`)).json().items,
    ).toEqual([]);
    expect((await h.call(other, 'GET', '/api/v1/utility-rates')).json().items).toEqual([]);
    const r = await h.call(other, 'POST', '/api/v1/meter-readings', {
      readOn: today,
      rows: [{ meterId: meter['UT-E2'], value: '99999' }],
    });
    expect(r.statusCode).toBe(404);
    expect(r.json().error.field).toBe('rows.0.meterId');
  });
});
