import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/dates.ts';
import { completeUscc } from '../../../common/validators/uscc.ts';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { multipart, TINY_PDF } from '../../../test/multipart.ts';
import { runJob } from '../../platform/jobs/runner.ts';

let h: Harness;
let biz: Session;
let customerId: string;
const PDF = TINY_PDF;

async function upload(fields: Record<string, string>, file?: { name: string; bytes: Buffer; type: string }) {
  const m = await multipart(fields, file);
  return h.call(biz, 'POST', `/api/v1/customers/${customerId}/documents`, m.payload, {
    'content-type': m.type,
  });
}

beforeAll(async () => {
  h = await testApp();
  biz = await h.login('business');
  const r = await h.call(biz, 'POST', '/api/v1/customers', {
    name: '厦门海沧联运仓储有限公司',
    uscc: completeUscc('91350205MA31XR8K'),
    accountManagerId: biz.userId,
  });
  customerId = r.json().id;
});
afterAll(() => h?.close());

describe('contacts', () => {
  const url = () => `/api/v1/customers/${customerId}/contacts`;

  it('makes the first contact primary, moves the flag, and needs a way to reach the person', async () => {
    const first = await h.call(biz, 'POST', url(), {
      name: '林晓',
      title: '行政经理',
      mobile: '13906001234',
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ isPrimary: true, mobile: '13906001234' });
    const second = await h.call(biz, 'POST', url(), {
      name: '陈锋',
      email: 'Chen.Feng@HaiCang.CN',
      roles: ['finance'],
      isPrimary: true,
    });
    expect(second.json()).toMatchObject({
      isPrimary: true,
      email: 'Chen.Feng@haicang.cn',
      roles: ['finance'],
    });
    const list = (await h.call(biz, 'GET', url())).json();
    expect(list.map((c: { name: string; isPrimary: boolean }) => [c.name, c.isPrimary])).toEqual([
      ['陈锋', true],
      ['林晓', false],
    ]);
    const summary = (await h.call(biz, 'GET', `/api/v1/customers/${customerId}`)).json();
    expect(summary.primaryContact).toEqual({ name: '陈锋', mobile: null });

    const none = await h.call(biz, 'POST', url(), { name: '无联系方式' });
    expect(none.json().error).toMatchObject({ code: 'CONTACT_NEEDS_WAY', field: 'mobile' });
    const badMobile = await h.call(biz, 'POST', url(), { name: '号码错', mobile: '1390600123' });
    expect(badMobile.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'mobile' });
    const badEmail = await h.call(biz, 'POST', url(), { name: '邮箱错', email: 'chen@' });
    expect(badEmail.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'email' });

    // Removing the primary contact hands the flag to the remaining one.
    const del = await h.call(biz, 'DELETE', `${url()}/${second.json().id}`);
    expect(del.statusCode).toBe(204);
    expect((await h.call(biz, 'GET', url())).json()).toMatchObject([{ name: '林晓', isPrimary: true }]);
    const withRoles = await h.call(biz, 'PATCH', `${url()}/${first.json().id}`, { roles: ['onsite'] });
    expect(withRoles.json().roles).toEqual(['onsite']);
    // A PATCH changes only what it sends: the roles stay.
    const edit = await h.call(biz, 'PATCH', `${url()}/${first.json().id}`, { title: '总经理' });
    expect(edit.json()).toMatchObject({ title: '总经理', isPrimary: true, roles: ['onsite'] });
  });
});

describe('the primary contact a list shows (R2.3.1)', () => {
  it('follows every change of the contacts, kept by the database', async () => {
    const uscc = completeUscc('91350206MA2YQ7C1');
    const c = await h.call(biz, 'POST', '/api/v1/customers', { name: '厦门湖里瑞丰贸易有限公司', uscc });
    const url = `/api/v1/customers/${c.json().id}/contacts`;
    const shown = async () => {
      const one = (await h.call(biz, 'GET', `/api/v1/customers/${c.json().id}`)).json().primaryContact;
      const page = (await h.call(biz, 'GET', `/api/v1/customers?q=${uscc}`)).json().items;
      expect(page).toHaveLength(1);
      expect(page[0].primaryContact).toEqual(one);
      return one;
    };
    expect(await shown()).toBeNull();
    const a = (await h.call(biz, 'POST', url, { name: '吴倩', mobile: '13906002001' })).json();
    expect(await shown()).toEqual({ name: '吴倩', mobile: '13906002001' });
    const b = (
      await h.call(biz, 'POST', url, { name: '郑涛', mobile: '13906002002', isPrimary: true })
    ).json();
    expect(await shown()).toEqual({ name: '郑涛', mobile: '13906002002' });
    await h.call(biz, 'PATCH', `${url}/${b.id}`, { mobile: '13906002003' });
    expect(await shown()).toEqual({ name: '郑涛', mobile: '13906002003' });
    // Another contact's edit leaves it; moving the flag back changes it.
    await h.call(biz, 'PATCH', `${url}/${a.id}`, { title: '出纳' });
    expect(await shown()).toEqual({ name: '郑涛', mobile: '13906002003' });
    await h.call(biz, 'PATCH', `${url}/${a.id}`, { isPrimary: true });
    expect(await shown()).toEqual({ name: '吴倩', mobile: '13906002001' });
    // Removing the primary contact hands the flag, and the list's contact, to the remaining one.
    expect((await h.call(biz, 'DELETE', `${url}/${a.id}`)).statusCode).toBe(204);
    expect(await shown()).toEqual({ name: '郑涛', mobile: '13906002003' });
    expect((await h.call(biz, 'DELETE', `${url}/${b.id}`)).statusCode).toBe(204);
    expect(await shown()).toBeNull();
  });
});

describe('qualification documents (R2.1)', () => {
  it('stores an uploaded PDF with its checksum, serves it back and lets staff verify it', async () => {
    const today = todayIn('Asia/Shanghai');
    const r = await upload(
      {
        kind: 'business_licence',
        documentNo: '91350205MA31XR8K',
        issuedOn: '2020-05-01',
        expiresOn: addDays(today, 20),
      },
      { name: '营业执照.pdf', bytes: PDF, type: 'application/pdf' },
    );
    expect(r.statusCode).toBe(201);
    const doc = r.json();
    expect(doc).toMatchObject({
      kind: 'business_licence',
      fileName: '营业执照.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      validity: 'expiring',
      verifiedAt: null,
      uploadedByName: expect.any(String),
    });
    const file = await h.call(biz, 'GET', `/api/v1/customers/${customerId}/documents/${doc.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);

    const verified = await h.call(
      biz,
      'POST',
      `/api/v1/customers/${customerId}/documents/${doc.id}/verification`,
      {
        verified: true,
      },
    );
    expect(verified.json()).toMatchObject({ verifiedById: biz.userId, verifiedByName: expect.any(String) });
    const legal = await h.login('legal');
    const list = (await h.call(legal, 'GET', `/api/v1/customers/${customerId}/documents`)).json();
    expect(list.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    const forbidden = await h.call(
      legal,
      'POST',
      `/api/v1/customers/${customerId}/documents/${doc.id}/verification`,
      {
        verified: false,
      },
    );
    expect(forbidden.statusCode).toBe(403);
  });

  it('checks the type by content, the size, the file and the dates', async () => {
    const disguised = await upload(
      { kind: 'other' },
      { name: 'licence.pdf', bytes: Buffer.from('MZ this is not a pdf at all'), type: 'application/pdf' },
    );
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error).toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', field: 'file' });
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload({ kind: 'other' }, { name: 'big.pdf', bytes: big, type: 'application/pdf' });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({ code: 'DOCUMENT_TOO_LARGE', field: 'file' });
    const missing = await upload({ kind: 'other' });
    expect(missing.json().error).toMatchObject({ code: 'DOCUMENT_FILE_MISSING', field: 'file' });
    const badKind = await upload(
      { kind: 'passport' },
      { name: 'a.pdf', bytes: PDF, type: 'application/pdf' },
    );
    expect(badKind.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'kind' });
    const backwards = await upload(
      { kind: 'tax_registration', issuedOn: '2024-01-01', expiresOn: '2023-01-01' },
      { name: 'a.pdf', bytes: PDF, type: 'application/pdf' },
    );
    expect(backwards.json().error).toMatchObject({ code: 'DATE_RANGE_INVALID', field: 'expiresOn' });
    // None of the refused uploads left a row.
    expect((await h.call(biz, 'GET', `/api/v1/customers/${customerId}/documents`)).json()).toHaveLength(1);
  });

  it('warns the account manager 30 days before expiry, once per expiry date, and puts it all on the timeline', async () => {
    const job = h.deps.jobs.get('warn-expiring-documents')!;
    const today = todayIn('Asia/Shanghai');
    const run = (date: string) =>
      runJob(h.db, job, { orgId: h.orgs.demo, businessDate: date, trigger: 'manual' });
    // 31 days before expiry (the document expires in 20 days): not yet.
    expect((await run(addDays(today, -11)))?.counts).toEqual({ warned: 0 });
    expect((await run(today))?.counts).toEqual({ warned: 1 });
    expect((await run(today))?.counts).toEqual({ warned: 0 });
    const notes = await h.db.inOrg(h.orgs.demo, (tx) =>
      tx.execute(
        sql`select title, link from notifications where user_id = ${biz.userId} and entity_type = 'customer_document'`,
      ),
    );
    const rows = (notes as unknown as { rows: { title: { 'zh-CN': string }; link: string }[] }).rows;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.title['zh-CN']).toContain('厦门海沧联运仓储有限公司的营业执照将于');
    expect(rows[0]!.link).toBe(`/customers/${customerId}?tab=documents`);

    const actions = (await h.call(biz, 'GET', `/api/v1/customers/${customerId}/timeline?limit=100`))
      .json()
      .items.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'document.verify',
      'document.upload',
      'contact.update',
      'contact.update',
      'contact.delete',
      'contact.create',
      'contact.create',
      'customer.create',
    ]);
  });
});
