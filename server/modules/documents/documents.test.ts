import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, testApp } from '../../../test/harness.ts';
import { pdfText } from '../../../test/pdf.ts';

let h: Harness;
beforeAll(async () => {
  h = await testApp();
  // A document kind as a module registers one: it loads its model by id in the caller's organization.
  h.deps.documents.register({
    kind: 'test-statement',
    roles: ['finance', 'admin'],
    load: async (ctx, id) =>
      id === 'missing'
        ? null
        : {
            org: { name: ctx.orgId === h.orgs.demo ? '演示租赁有限公司' : '另一家租赁公司' },
            title: '对账单',
            number: `DZ-${id}`,
            date: '2027-01-31',
            blocks: [{ type: 'amount', label: '期末应收', fen: 30050080 }],
          },
  });
});
afterAll(() => h.close());

describe('GET /api/v1/documents/:kind/:id (issue 3 §4)', () => {
  it('renders PDF by default and print HTML on request, in the caller organization', async () => {
    const s = await h.login('finance');
    const pdf = await h.call(s, 'GET', '/api/v1/documents/test-statement/7');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.headers['content-disposition'])).toContain(encodeURIComponent('对账单-DZ-7.pdf'));
    const text = (await pdfText(pdf.rawPayload)).join('');
    expect(text).toContain('演示租赁有限公司');
    expect(text).toContain('人民币叁拾万零伍佰元捌角整');
    const html = await h.call(s, 'GET', '/api/v1/documents/test-statement/7?format=html');
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('¥300,500.80');
  });

  it('refuses roles the kind does not name, unknown kinds and missing documents', async () => {
    const legal = await h.login('legal');
    expect((await h.call(legal, 'GET', '/api/v1/documents/test-statement/7')).statusCode).toBe(403);
    const admin = await h.login('admin');
    const unknown = await h.call(admin, 'GET', '/api/v1/documents/nope/7');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('DOCUMENT_KIND_UNKNOWN');
    expect((await h.call(admin, 'GET', '/api/v1/documents/test-statement/missing')).statusCode).toBe(404);
    const bad = await h.call(admin, 'GET', '/api/v1/documents/test-statement/7?format=docx');
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'format' });
  });
});
