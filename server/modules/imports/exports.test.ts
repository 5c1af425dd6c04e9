import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../common/dates.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { CUSTOMER_HEADERS, customerRow, multipart, sheet } from '../../../test/sheets.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';

let h: Harness;
let biz: Session;
let legal: Session;

async function readXlsx(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return { ws, rows: out };
}

beforeAll(async () => {
  h = await testApp();
  biz = await h.login('business');
  legal = await h.login('legal');
  // 620 customers: more than one page of the export's walk (500).
  const list = Array.from({ length: 620 }, (_, i) =>
    customerRow(10_000 + i, `导出测试公司${String(i).padStart(3, '0')}`),
  );
  const m = multipart(
    { kind: 'customers' },
    { name: 'many.xlsx', bytes: await sheet(CUSTOMER_HEADERS, list) },
  );
  const r = await h.call(biz, 'POST', '/api/v1/imports', m.payload, m.headers);
  expect(r.json().errorRows).toBe(0);
  await h.call(biz, 'POST', `/api/v1/imports/${r.json().id}/commit`, { mode: 'all_or_nothing' });
});
afterAll(() => h.close());

describe('exports (R9.7)', () => {
  it('exports the filtered units list, every role that may read it', async () => {
    const buildings = (await h.call(biz, 'GET', '/api/v1/buildings?limit=200')).json().items;
    const a = buildings.find(
      (b: { name: string; siteName: string }) => b.name === 'A座' && b.siteName === '浦东软件园',
    );
    const filter = `buildingId=${a.id}&status=vacant&minArea=150`;
    const list = (await h.call(biz, 'GET', `/api/v1/units?${filter}&limit=500`)).json().items;
    expect(list.length).toBeGreaterThan(10);
    const r = await h.call(legal, 'GET', `/api/v1/units/export.xlsx?${filter}`);
    expect(r.statusCode).toBe(200);
    const today = todayIn('Asia/Shanghai');
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="units-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`单元列表-${today}.xlsx`)}`,
    );
    const { ws, rows } = await readXlsx(r.rawPayload);
    expect(rows[0]!.slice(0, 5)).toEqual(['园区', '楼栋', '单元编号', '类型', '楼层']);
    expect(rows.slice(1).map((x) => x[2])).toEqual(list.map((u: { code: string }) => u.code));
    const first = list[0];
    expect(rows[1]!.slice(0, 11)).toEqual([
      '浦东软件园',
      'A座',
      first.code,
      '办公',
      String(first.floor),
      Number(first.grossArea),
      Number(first.insideArea),
      Number(first.usableArea),
      Number(first.listPrice),
      first.priceBasis === 'per_sqm_day' ? '元/平方米/天' : '元/平方米/月',
      '空置',
    ]);
    expect(ws.getCell('F2').numFmt).toBe('#,##0.00');
    const bad = await h.call(biz, 'GET', '/api/v1/units/export.xlsx?minArea=abc');
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'minArea' });
  });

  it('exports the filtered customers list in its order, over several pages', async () => {
    const all = await h.call(legal, 'GET', '/api/v1/customers/export.xlsx?q=导出测试公司&sort=name');
    expect(all.statusCode).toBe(200);
    const { rows } = await readXlsx(all.rawPayload);
    expect(rows[0]).toEqual([
      '客户名称',
      '统一社会信用代码',
      '状态',
      '行业',
      '客户经理',
      '标签',
      '联系人',
      '手机',
      '创建日期',
    ]);
    expect(rows).toHaveLength(621);
    const names = rows.slice(1).map((x) => x[0]);
    expect(names).toEqual(Array.from({ length: 620 }, (_, i) => `导出测试公司${String(i).padStart(3, '0')}`));
    expect(rows[1]!.slice(1, 8)).toEqual([
      customerRow(10_000)[1],
      '意向客户',
      '信息技术',
      '王业务',
      '高新企业、重点客户',
      '联系人10000',
      '13800010000',
    ]);

    const page = (await h.call(biz, 'GET', '/api/v1/customers?q=导出测试公司01&sort=newest&limit=200')).json()
      .items;
    const some = await readXlsx(
      (await h.call(biz, 'GET', '/api/v1/customers/export.xlsx?q=导出测试公司01&sort=newest')).rawPayload,
    );
    expect(some.rows.slice(1).map((x) => x[0])).toEqual(page.map((c: { name: string }) => c.name));
    expect(page).toHaveLength(10);

    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    const none = await readXlsx(
      (await h.call(other, 'GET', '/api/v1/customers/export.xlsx?q=导出测试公司')).rawPayload,
    );
    expect(none.rows).toHaveLength(1);
  });

  it("writes creation dates as the organization's calendar dates", async () => {
    // 07:30 on 1 March in Shanghai is still 28 February in UTC.
    await h.db.inOrg(h.orgs.demo, (tx) =>
      tx.execute(
        sql`update customers set created_at = '2026-02-28T23:30:00Z' where name = '导出测试公司000'`,
      ),
    );
    const one = await readXlsx(
      (await h.call(biz, 'GET', `/api/v1/customers/export.xlsx?q=${encodeURIComponent('导出测试公司000')}`))
        .rawPayload,
    );
    expect(one.rows[1]!.at(-1)).toBe('2026-03-01');
  });
});
