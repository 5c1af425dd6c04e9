import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { multipart, sheet } from '../../../test/sheets.ts';
import { rows } from '../../platform/db/database.ts';

let h: Harness;
let biz: Session;

const HEADERS = [
  '园区',
  '楼栋',
  '单元编号',
  '类型',
  '楼层',
  '建筑面积',
  '套内面积',
  '使用面积',
  '挂牌价',
  '计价方式',
  '设施',
  '备注',
];
const unit = (
  site: string,
  building: string,
  code: string,
  floor: string | number,
  areas: [number | string, number | string, number | string],
  extra: (string | number)[] = [],
) => [site, building, code, '办公', floor, ...areas, 5.8, '元/平方米/天', '中央空调、光纤网络', ...extra];

beforeAll(async () => {
  h = await testApp();
  biz = await h.login('business');
});
afterAll(() => h.close());

describe('unit import (R9.7)', () => {
  it('checks site, building, floor, areas and codes, then imports the valid rows', async () => {
    const bytes = await sheet(HEADERS, [
      unit('浦东软件园', 'A座', '1605', 16, [200.5, 160, 150]), // 2 good
      unit('浦东软件园', 'Z座', '101', 1, [100, 90, 80]), // 3 unknown building
      unit('不存在园区', 'A座', '102', 1, [100, 90, 80]), // 4 unknown site
      unit('浦东软件园', 'A座', '1606', 16, [100, 120, 80]), // 5 inside > gross
      unit('浦东软件园', 'A座', '1605', 16, [100, 90, 80]), // 6 same code as row 2
      unit('浦东软件园', 'A座', '1202', 12, [100, 90, 80]), // 7 exists already
      unit('浦东软件园', 'A座', '2501', 25, [100, 90, 80]), // 8 above the 20th floor
      unit('浦东软件园', 'A座', 'B105', 'B1', ['300.25', '300.25', '300.25']), // 9 good, basement
      unit('浦东软件园', 'A座', '1607', 16, ['100.123', 90, 80]), // 10 three decimals
    ]);
    const m = multipart({ kind: 'units' }, { name: '单元.xlsx', bytes });
    const r = await h.call(biz, 'POST', '/api/v1/imports', m.payload, m.headers);
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'units', totalRows: 9, errorRows: 7 });
    const p = (await h.call(biz, 'GET', `/api/v1/imports/${r.json().id}/rows?onlyErrors=true`)).json().items;
    const seen = p.map((x: { rowNo: number; errors: { field: string; code: string; reason: string }[] }) => [
      x.rowNo,
      x.errors.map((e) => `${e.field}:${e.code}`).join(','),
    ]);
    expect(seen).toEqual([
      [3, 'building:building_unknown'],
      [4, 'site:site_unknown'],
      [5, 'usableArea:areas_order'],
      [6, 'code:code_duplicate_in_file'],
      [7, 'code:code_taken'],
      [8, 'floor:floor_out_of_range'],
      [10, 'grossArea:area_format'],
    ]);
    expect(p[0].errors[0].reason).toBe('园区“浦东软件园”中没有名为“Z座”的楼栋');
    expect(p[5].errors[0].reason).toBe('楼层应在 B2 至 20F 之间');

    const done = await h.call(biz, 'POST', `/api/v1/imports/${r.json().id}/commit`, { mode: 'valid_only' });
    expect(done.json()).toMatchObject({ importedRows: 2, skippedRows: 7 });
    const list = (await h.call(biz, 'GET', '/api/v1/units?q=16')).json().items;
    expect(list.find((u: { code: string }) => u.code === '1605')).toMatchObject({
      buildingName: 'A座',
      floor: 16,
      grossArea: '200.50',
      insideArea: '160.00',
      usableArea: '150.00',
      listPrice: '5.8000',
      priceBasis: 'per_sqm_day',
      facilities: ['中央空调', '光纤网络'],
      status: 'vacant',
    });
    const b105 = (await h.call(biz, 'GET', '/api/v1/units?q=B105')).json().items;
    expect(b105).toMatchObject([{ floor: -1, grossArea: '300.25' }]);
    const audit = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'unit.import'`),
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('is all or nothing when asked and the sheet is clean', async () => {
    const bytes = await sheet(HEADERS, [
      unit('嘉定物流园', '1号库', 'W-201', 2, [1000, 950, 900]),
      unit('嘉定物流园', '1号库', 'W-202', '2F', [1000, 950, 900]),
    ]);
    const m = multipart({ kind: 'units' }, { name: 'w.csv', bytes: await sheet(HEADERS, [], 'csv') });
    expect((await h.call(biz, 'POST', '/api/v1/imports', m.payload, m.headers)).json().error.code).toBe(
      'IMPORT_EMPTY',
    );
    const up = multipart({ kind: 'units' }, { name: 'w.xlsx', bytes });
    const r = await h.call(biz, 'POST', '/api/v1/imports', up.payload, up.headers);
    expect(r.json().errorRows).toBe(0);
    const done = await h.call(biz, 'POST', `/api/v1/imports/${r.json().id}/commit`, {
      mode: 'all_or_nothing',
    });
    expect(done.json()).toMatchObject({ status: 'committed', importedRows: 2, skippedRows: 0 });
  });
});
