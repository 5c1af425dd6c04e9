import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, startOfMonth, todayIn } from '../../../common/dates.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { completeUscc } from '../../../common/validators/uscc.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { newId } from '../../platform/ids.ts';
import type { CustomerReport } from './customerReport.ts';

let h: Harness;
let biz: Session;
let before: CustomerReport;
let seq = 0;

const TZ = 'Asia/Shanghai';
const thisMonth = startOfMonth(todayIn(TZ));
const month = (back: number) => addMonths(thisMonth, -back).slice(0, 7);

interface Row {
  status?: string;
  industry?: string | null;
  manager?: string | null;
  /** An instant, as PostgreSQL reads it (offset included). */
  at?: string;
}

/** Customers written straight into the table, with the status and creation time a test needs. */
async function insert(orgId: string, list: Row[]) {
  await h.db.inOrg(orgId, async (tx) => {
    for (const r of list) {
      const status = r.status ?? 'prospect';
      const uscc = completeUscc(`91310115MA1K${String(7000 + seq++).padStart(4, '0')}`);
      await tx.execute(
        sql`insert into customers (id, org_id, name, uscc, industry, account_manager_id, status, blacklist_reason, created_at)
            values (${newId()}, ${orgId}, ${`报表测试客户${seq}有限公司`}, ${uscc}, ${r.industry ?? null},
                    ${r.manager ?? null}, ${status}, ${status === 'blacklisted' ? '多次拖欠租金' : null},
                    ${r.at ?? new Date().toISOString()}::timestamptz)`,
      );
    }
  });
}

const report = async (s: Session) => {
  const r = await h.call(s, 'GET', '/api/v1/reports/customers');
  expect(r.statusCode).toBe(200);
  return r.json() as CustomerReport;
};
const statusCount = (r: CustomerReport, s: string) => r.byStatus.find((x) => x.status === s)!.count;
const industryCount = (r: CustomerReport, i: string | null) =>
  r.byIndustry.find((x) => x.industry === i)?.count ?? 0;
const monthCount = (r: CustomerReport, m: string) => r.newPerMonth.find((x) => x.month === m)?.count;

beforeAll(async () => {
  h = await testApp();
  biz = await h.login('business');
  before = await report(biz);
  // Three months back, half an hour into the first day in Shanghai: the day before in UTC and in the
  // process's zone (America/Los_Angeles), so only a month taken in the organization's zone counts it there.
  const firstDay = `${month(3)}-01T00:30:00+08:00`;
  await insert(h.orgs.demo, [
    { status: 'tenant', industry: 'logistics', manager: biz.userId },
    { status: 'tenant', industry: 'logistics', manager: biz.userId, at: firstDay },
    { status: 'tenant', industry: 'biotech', at: firstDay },
    { status: 'former', industry: 'biotech', at: `${month(5)}-15T10:00:00+08:00` },
    { status: 'blacklisted', industry: null },
    { status: 'applicant', industry: 'biotech', at: `${month(13)}-10T10:00:00+08:00` },
  ]);
  await insert(h.orgs.other, [
    { status: 'tenant', industry: 'logistics' },
    { status: 'blacklisted', industry: 'finance' },
  ]);
});
afterAll(() => h?.close());

describe('customer report (R2.3.3)', () => {
  it('counts the organization’s customers by status, industry and account manager', async () => {
    const after = await report(biz);
    const [row] = await h.db.asSystem(
      async (tx) =>
        (
          (await tx.execute(
            sql`select count(*)::int as n from customers where org_id = ${h.orgs.demo}`,
          )) as unknown as { rows: { n: number }[] }
        ).rows,
    );
    expect(after.total).toBe(row!.n);
    expect(after.total).toBe(before.total + 6);
    expect(after.byStatus.map((x) => x.status)).toEqual([
      'prospect',
      'applicant',
      'admitted',
      'tenant',
      'former',
      'blacklisted',
    ]);
    expect(after.byStatus.reduce((s, x) => s + x.count, 0)).toBe(after.total);
    expect(statusCount(after, 'tenant') - statusCount(before, 'tenant')).toBe(3);
    expect(statusCount(after, 'former') - statusCount(before, 'former')).toBe(1);
    expect(statusCount(after, 'blacklisted') - statusCount(before, 'blacklisted')).toBe(1);
    expect(statusCount(after, 'applicant') - statusCount(before, 'applicant')).toBe(1);
    expect(statusCount(after, 'prospect')).toBe(statusCount(before, 'prospect'));

    expect(industryCount(after, 'logistics') - industryCount(before, 'logistics')).toBe(2);
    expect(industryCount(after, 'biotech') - industryCount(before, 'biotech')).toBe(3);
    expect(industryCount(after, null) - industryCount(before, null)).toBe(1);
    expect(industryCount(after, 'finance')).toBe(industryCount(before, 'finance'));
    expect(after.byIndustry.reduce((s, x) => s + x.count, 0)).toBe(after.total);
    // Larger first, "not set" last.
    const counts = after.byIndustry.filter((x) => x.industry).map((x) => x.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(after.byIndustry.at(-1)!.industry).toBeNull();

    const mine = (r: CustomerReport) => r.byAccountManager.find((x) => x.accountManagerId === biz.userId);
    expect(mine(after)!.count - (mine(before)?.count ?? 0)).toBe(2);
    expect(mine(after)!.name).toBe('王业务');
    expect(after.byAccountManager.reduce((s, x) => s + x.count, 0)).toBe(after.total);
  });

  it('gives new customers for each of the last twelve months in the organization’s time zone, zeros included', async () => {
    const after = await report(biz);
    expect(after.newPerMonth.map((x) => x.month)).toEqual(
      Array.from({ length: 12 }, (_, i) => month(11 - i)),
    );
    expect(monthCount(after, month(3))! - monthCount(before, month(3))!).toBe(2);
    expect(monthCount(after, month(4))).toBe(monthCount(before, month(4)));
    expect(monthCount(after, month(5))! - monthCount(before, month(5))!).toBe(1);
    expect(monthCount(after, month(0))! - monthCount(before, month(0))!).toBe(2);
    // Nothing was made eleven months ago: the month is there with 0. Thirteen months back is not shown.
    expect(monthCount(after, month(11))).toBe(0);
    expect(monthCount(after, month(13))).toBeUndefined();
  });

  it('counts only the caller’s organization', async () => {
    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    const r = await report(other);
    expect(r.total).toBe(2);
    expect(statusCount(r, 'tenant')).toBe(1);
    expect(statusCount(r, 'blacklisted')).toBe(1);
    expect(r.byIndustry).toEqual([
      { industry: 'finance', count: 1 },
      { industry: 'logistics', count: 1 },
    ]);
    expect(r.byAccountManager).toEqual([{ accountManagerId: null, name: null, count: 2 }]);
  });

  it('is readable by every staff role and by no one signed out', async () => {
    for (const role of STAFF_ROLES) {
      const s = await h.login(role);
      expect((await h.call(s, 'GET', '/api/v1/reports/customers')).statusCode, role).toBe(200);
      expect((await h.call(s, 'GET', '/api/v1/reports/customers.xlsx')).statusCode, role).toBe(200);
    }
    expect((await h.call(null, 'GET', '/api/v1/reports/customers')).statusCode).toBe(401);
    expect((await h.call(null, 'GET', '/api/v1/reports/customers.xlsx')).statusCode).toBe(401);
  });

  it('exports the same figures as .xlsx, one sheet per table, in the caller’s language', async () => {
    const s = await h.login('management');
    const figures = await report(s);
    const occupancy = (await h.call(s, 'GET', '/api/v1/spaces/occupancy')).json();
    const r = await h.call(s, 'GET', '/api/v1/reports/customers.xlsx', undefined, {
      'accept-language': 'zh-CN',
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain(encodeURIComponent(`客户报表-${todayIn(TZ)}.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    const rows = (name: string) => {
      const out: unknown[][] = [];
      wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '客户状态',
      '行业分布',
      '客户经理',
      '每月新增客户',
      '各园区出租率',
    ]);
    const status = rows('客户状态');
    expect(status[0]).toEqual(['状态', '客户数', '占比']);
    expect(status.slice(1, -1).map((x) => x[1])).toEqual(figures.byStatus.map((x) => x.count));
    expect(status[4]![0]).toBe('在租客户');
    expect(status.at(-1)!.slice(0, 2)).toEqual(['合计', figures.total]);
    expect(status[4]![2]).toBeCloseTo(statusCount(figures, 'tenant') / figures.total, 10);
    const industries = rows('行业分布');
    expect(industries.slice(1, -1).map((x) => x[1])).toEqual(figures.byIndustry.map((x) => x.count));
    expect(industries.at(-2)![0]).toBe('未填写');
    const managers = rows('客户经理');
    expect(managers.slice(1, -1).map((x) => x.slice(0, 2))).toEqual(
      figures.byAccountManager.map((x) => [x.name ?? '未分配', x.count]),
    );
    expect(rows('每月新增客户').slice(1)).toEqual(figures.newPerMonth.map((x) => [x.month, x.count]));
    const sites = rows('各园区出租率');
    expect(sites[0]).toEqual(['园区', '可租面积（㎡）', '已租面积（㎡）', '出租率', '单元数', '已租单元数']);
    expect(sites.slice(1).map((x) => [x[0], x[1], x[2], x[4], x[5]])).toEqual(
      occupancy.sites.map(
        (x: {
          name: string;
          leasableArea: string;
          leasedArea: string;
          units: number;
          leasedUnits: number;
        }) => [x.name, Number(x.leasableArea), Number(x.leasedArea), x.units, x.leasedUnits],
      ),
    );

    const en = await h.call(s, 'GET', '/api/v1/reports/customers.xlsx', undefined, {
      'accept-language': 'en',
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ExcelJS.Buffer);
    expect(wbEn.worksheets.map((w) => w.name)).toEqual([
      'By status',
      'By industry',
      'By account manager',
      'New per month',
      'Occupancy by site',
    ]);
    expect((wbEn.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Status',
      'Customers',
      'Share',
    ]);
    expect(en.headers['content-disposition']).toContain(`customer-report-${todayIn(TZ)}.xlsx`);
    // The web app's download link says its language in the query.
    const byQuery = await h.call(s, 'GET', '/api/v1/reports/customers.xlsx?lang=en', undefined, {
      'accept-language': 'zh-CN',
    });
    const wbQuery = new ExcelJS.Workbook();
    await wbQuery.xlsx.load(byQuery.rawPayload as unknown as ExcelJS.Buffer);
    expect(wbQuery.worksheets[0]!.name).toBe('By status');
  });
});
