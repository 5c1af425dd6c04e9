import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validationMessage } from '../../../common/validators/messages.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { CUSTOMER_HEADERS, customerRow, multipart, sheet, uscc } from '../../../test/sheets.ts';
import { OTHER_ADMIN } from '../../../test/template.ts';
import { rows } from '../../platform/db/database.ts';

let h: Harness;
let biz: Session;
let legal: Session;

const upload = (s: Session, kind: string, name: string, bytes: Buffer, lang = 'zh-CN') => {
  const m = multipart({ kind }, { name, bytes });
  return h.call(s, 'POST', '/api/v1/imports', m.payload, { ...m.headers, 'accept-language': lang });
};
const problems = async (id: string, lang = 'zh-CN') =>
  (
    await h.call(biz, 'GET', `/api/v1/imports/${id}/rows?onlyErrors=true`, undefined, {
      'accept-language': lang,
    })
  ).json().items;
const commit = (id: string, mode: string) => h.call(biz, 'POST', `/api/v1/imports/${id}/commit`, { mode });

/** Five customers; the second has a wrong USCC check character, the fourth an impossible mobile. */
function fiveRows(base: number) {
  const list = [0, 1, 2, 3, 4].map((i) => customerRow(base + i));
  const bad = uscc(base + 1);
  list[1]![1] = bad.slice(0, 17) + (bad[17] === 'A' ? 'B' : 'A');
  list[3]![11] = '1380013800';
  return list;
}

beforeAll(async () => {
  h = await testApp();
  biz = await h.login('business');
  legal = await h.login('legal');
});
afterAll(() => h.close());

describe('customer import (R9.7)', () => {
  it('serves the templates with Chinese headers, an example row and a 说明 sheet', async () => {
    const r = await h.call(biz, 'GET', '/api/v1/imports/templates/customers.xlsx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('客户导入模板.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ExcelJS.Buffer);
    const headers = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['客户名称*', '统一社会信用代码*', '类型']);
    expect(headers).toContain('注册资本(万元)');
    expect(headers.slice(-4)).toEqual(['联系人', '职务', '手机', '邮箱']);
    expect(wb.getWorksheet('说明')!.getCell('A2').value).toBe('客户名称');
    // The example row is not imported if left in: the template as it comes has nothing to import.
    const empty = await upload(biz, 'customers', '模板.xlsx', r.rawPayload);
    expect(empty.json().error.code).toBe('IMPORT_EMPTY');

    const units = await h.call(biz, 'GET', '/api/v1/imports/templates/units.xlsx');
    const uwb = new ExcelJS.Workbook();
    await uwb.xlsx.load(units.rawPayload as unknown as ExcelJS.Buffer);
    expect((uwb.worksheets[0]!.getRow(1).values as string[]).slice(1, 6)).toEqual([
      '园区*',
      '楼栋*',
      '单元编号*',
      '类型*',
      '楼层*',
    ]);
  });

  let batchId: string;

  it('previews exactly the bad rows with row number, column and reason, in both languages', async () => {
    const r = await upload(biz, 'customers', '客户清单.xlsx', await sheet(CUSTOMER_HEADERS, fiveRows(100)));
    expect(r.statusCode, r.body).toBe(201);
    batchId = r.json().id;
    expect(r.json()).toMatchObject({
      kind: 'customers',
      fileName: '客户清单.xlsx',
      status: 'previewed',
      totalRows: 5,
      errorRows: 2,
    });
    const zh = await problems(batchId);
    expect(zh.map((p: { rowNo: number }) => p.rowNo)).toEqual([3, 5]);
    expect(zh[0].errors).toEqual([
      {
        field: 'uscc',
        column: '统一社会信用代码',
        code: 'uscc.check_character',
        reason: validationMessage('uscc.check_character', 'zh-CN'),
        value: expect.stringMatching(/^91310115/),
      },
    ]);
    expect(zh[1]).toMatchObject({
      label: '测试导入科技有限公司103',
      errors: [{ field: 'mobile', column: '手机', value: '1380013800' }],
    });
    expect(zh[1].errors[0].reason).toBe(validationMessage('phone.phone_format', 'zh-CN'));
    const en = await problems(batchId, 'en');
    expect(en[1].errors[0]).toMatchObject({
      column: 'Mobile',
      reason: validationMessage('phone.phone_format', 'en'),
    });
    const all = (await h.call(biz, 'GET', `/api/v1/imports/${batchId}/rows?limit=2`)).json();
    expect(all.items.map((x: { rowNo: number }) => x.rowNo)).toEqual([2, 3]);
    const next = (
      await h.call(biz, 'GET', `/api/v1/imports/${batchId}/rows?limit=2&cursor=${all.nextCursor}`)
    ).json();
    expect(next.items.map((x: { rowNo: number }) => x.rowNo)).toEqual([4, 5]);
    // The staged data is exact: 500 万元 is 500,000,000 fen; the ids made for the insert are not shown.
    expect(all.items[0].data).toMatchObject({
      registeredCapital: 500_000_000,
      industry: 'it',
      scale: 'small',
      kind: 'company',
    });
    expect(all.items[0].data.id).toBeUndefined();
  });

  it('refuses all-or-nothing while rows have problems, and imports only the valid rows on request', async () => {
    const refused = await commit(batchId, 'all_or_nothing');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    expect((await h.call(biz, 'GET', '/api/v1/customers?q=测试导入科技')).json().items).toEqual([]);

    const done = await commit(batchId, 'valid_only');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'committed', importedRows: 3, skippedRows: 2 });
    const list = (await h.call(biz, 'GET', '/api/v1/customers?q=测试导入科技')).json().items;
    expect(list.map((c: { name: string }) => c.name).sort()).toEqual([
      '测试导入科技有限公司100',
      '测试导入科技有限公司102',
      '测试导入科技有限公司104',
    ]);
    expect(list[0]).toMatchObject({
      status: 'prospect',
      accountManagerId: biz.userId,
      tags: ['高新企业', '重点客户'],
    });
    const c100 = list.find((c: { name: string }) => c.name.endsWith('100'));
    expect(c100.primaryContact).toEqual({ name: '联系人100', mobile: '13800000100' });
    const detail = (await h.call(biz, 'GET', `/api/v1/customers/${c100.id}`)).json();
    expect(detail).toMatchObject({
      registeredCapital: 500_000_000,
      establishedOn: '2018-06-01',
      uscc: uscc(100),
    });
    const contacts = (await h.call(biz, 'GET', `/api/v1/customers/${c100.id}/contacts`)).json();
    expect(contacts).toMatchObject([
      { name: '联系人100', title: '行政经理', email: 'contact100@example.com', isPrimary: true },
    ]);

    const audit = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ action: string; entity_id: string; customer_id: string | null; actor_id: string }>(
        tx,
        sql`select action, entity_id, customer_id, actor_id from audit_log
             where action in ('import.commit', 'customer.import') order by action, entity_id`,
      ),
    );
    expect(audit.filter((a) => a.action === 'import.commit')).toEqual([
      { action: 'import.commit', entity_id: batchId, customer_id: null, actor_id: biz.userId },
    ]);
    const perCustomer = audit.filter((a) => a.action === 'customer.import');
    expect(perCustomer).toHaveLength(3);
    expect(perCustomer.map((a) => a.customer_id).sort()).toEqual(
      list.map((c: { id: string }) => c.id).sort(),
    );
    const [batchRow] = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from customers where import_batch_id = ${batchId}`,
      ),
    );
    expect(batchRow!.n).toBe(3);
  });

  it('does not commit or discard a batch twice', async () => {
    for (const mode of ['valid_only', 'all_or_nothing']) {
      const again = await commit(batchId, mode);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('IMPORT_NOT_PREVIEWED');
    }
    expect((await h.call(biz, 'POST', `/api/v1/imports/${batchId}/discard`)).json().error.code).toBe(
      'IMPORT_NOT_PREVIEWED',
    );
  });

  it('reports USCCs already in the organization and repeated in the file, naming the customer or row', async () => {
    const r = await upload(
      biz,
      'customers',
      'dup.xlsx',
      await sheet(CUSTOMER_HEADERS, [
        customerRow(100, '重复的公司'),
        customerRow(200),
        customerRow(200, '同一代码的另一家'),
      ]),
    );
    const p = await problems(r.json().id);
    expect(p.map((x: { rowNo: number }) => x.rowNo)).toEqual([2, 4]);
    expect(p[0].errors[0]).toMatchObject({
      code: 'uscc_taken',
      reason: '已有客户“测试导入科技有限公司100”使用该统一社会信用代码',
    });
    expect(p[1].errors[0]).toMatchObject({
      code: 'uscc_duplicate_in_file',
      reason: '与第 3 行的统一社会信用代码重复',
    });
    const discarded = await h.call(biz, 'POST', `/api/v1/imports/${r.json().id}/discard`);
    expect(discarded.json().status).toBe('discarded');
    expect((await commit(r.json().id, 'valid_only')).json().error.code).toBe('IMPORT_NOT_PREVIEWED');
  });

  it('finds at commit a customer created since the preview, and reports it rather than skipping silently', async () => {
    const r = await upload(
      biz,
      'customers',
      'race.xlsx',
      await sheet(CUSTOMER_HEADERS, [customerRow(300), customerRow(301)]),
    );
    expect(r.json().errorRows).toBe(0);
    const created = await h.call(biz, 'POST', '/api/v1/customers', {
      name: '抢先登记的公司',
      uscc: uscc(301),
    });
    expect(created.statusCode, created.body).toBe(201);
    const refused = await commit(r.json().id, 'all_or_nothing');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('IMPORT_HAS_ERRORS');
    const p = await problems(r.json().id);
    expect(p).toMatchObject([
      {
        rowNo: 3,
        errors: [{ code: 'uscc_taken', reason: '已有客户“抢先登记的公司”使用该统一社会信用代码' }],
      },
    ]);
    const done = await commit(r.json().id, 'valid_only');
    expect(done.json()).toMatchObject({ importedRows: 1, skippedRows: 1, errorRows: 1 });
  });

  it('reads CSV as well as xlsx (UTF-8 with a byte-order mark)', async () => {
    const csv = await sheet(CUSTOMER_HEADERS, fiveRows(400), 'csv');
    const r = await upload(
      biz,
      'customers',
      '客户.csv',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]),
    );
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ totalRows: 5, errorRows: 2 });
    const p = await problems(r.json().id);
    expect(p.map((x: { rowNo: number; errors: { code: string }[] }) => [x.rowNo, x.errors[0]!.code])).toEqual(
      [
        [3, 'uscc.check_character'],
        [5, 'phone.phone_format'],
      ],
    );
    expect((await commit(r.json().id, 'valid_only')).json().importedRows).toBe(3);
  });

  it('refuses files it cannot import, with the reason', async () => {
    const good = await sheet(CUSTOMER_HEADERS, [customerRow(500)]);
    const cases: [Record<string, string>, { name: string; bytes: Buffer } | null, string][] = [
      [{ kind: 'customers' }, null, 'IMPORT_FILE_MISSING'],
      [{ kind: 'tenants' }, { name: 'a.xlsx', bytes: good }, 'VALIDATION_FAILED'],
      [{ kind: 'customers' }, { name: 'a.pdf', bytes: Buffer.from('%PDF-1.4') }, 'IMPORT_FILE_TYPE'],
      [
        { kind: 'customers' },
        { name: 'old.xls', bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]) },
        'IMPORT_FILE_TYPE',
      ],
      [{ kind: 'units' }, { name: 'a.xlsx', bytes: good }, 'IMPORT_MISSING_COLUMNS'],
    ];
    for (const [fields, file, code] of cases) {
      const m = multipart(fields, file);
      const r = await h.call(biz, 'POST', '/api/v1/imports', m.payload, m.headers);
      expect(r.json().error.code, JSON.stringify(fields)).toBe(code);
    }
  });

  it('lets only admin and business import; another organization sees none of it', async () => {
    const bytes = await sheet(CUSTOMER_HEADERS, [customerRow(600)]);
    expect((await upload(legal, 'customers', 'a.xlsx', bytes)).statusCode).toBe(403);
    expect((await h.call(legal, 'GET', '/api/v1/imports/templates/customers.xlsx')).statusCode).toBe(403);
    expect((await h.call(legal, 'GET', `/api/v1/imports/${batchId}`)).statusCode).toBe(403);
    const admin = await h.login('admin');
    expect((await upload(admin, 'customers', 'a.xlsx', bytes)).statusCode).toBe(201);

    const other = await h.login(OTHER_ADMIN.username, OTHER_ADMIN.password);
    expect((await h.call(other, 'GET', `/api/v1/imports/${batchId}`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', `/api/v1/imports/${batchId}/rows`)).statusCode).toBe(404);
    expect((await h.call(other, 'POST', `/api/v1/imports/${batchId}/discard`)).statusCode).toBe(404);
    expect((await h.call(other, 'GET', '/api/v1/imports')).json().items).toEqual([]);
    const mine = (await h.call(biz, 'GET', '/api/v1/imports?limit=3')).json();
    expect(mine.items).toHaveLength(3);
    expect(mine.items[0].fileName).toBe('a.xlsx');
    expect(mine.nextCursor).not.toBeNull();
  });
});
