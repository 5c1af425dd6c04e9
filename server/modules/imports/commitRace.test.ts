import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, type Session, testApp } from '../../../test/harness.ts';
import { CUSTOMER_HEADERS, customerRow, multipart, sheet, uscc } from '../../../test/sheets.ts';
import { rows } from '../../platform/db/database.ts';

// Meaningful on PostgreSQL (DATABASE_URL): PGlite runs one statement at a time and cannot race.
let h: Harness;
let biz: Session;
let admin: Session;

async function stage(s: Session, list: (string | number | null)[][]) {
  const m = multipart(
    { kind: 'customers' },
    { name: 'race.xlsx', bytes: await sheet(CUSTOMER_HEADERS, list) },
  );
  const r = await h.call(s, 'POST', '/api/v1/imports', m.payload, m.headers);
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}
const commit = (s: Session, id: string, mode = 'valid_only') =>
  h.call(s, 'POST', `/api/v1/imports/${id}/commit`, { mode });
const count = async (n: number) =>
  (
    await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ n: number }>(tx, sql`select count(*)::int as n from customers where uscc = ${uscc(n)}`),
    )
  )[0]!.n;

beforeAll(async () => {
  h = await testApp();
  biz = await h.login('business');
  admin = await h.login('admin');
});
afterAll(() => h.close());

describe('concurrent commits', () => {
  it('commits a batch once when two commits arrive together', async () => {
    const id = await stage(biz, [customerRow(700), customerRow(701)]);
    const results = await Promise.all([commit(biz, id), commit(admin, id)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('IMPORT_NOT_PREVIEWED');
    expect(await count(700)).toBe(1);
  });

  it('never imports one USCC twice from two batches committed together', async () => {
    const a = await stage(biz, [customerRow(800), customerRow(801)]);
    const b = await stage(admin, [customerRow(801, '另一批的同一家'), customerRow(802)]);
    const [ra, rb] = await Promise.all([commit(biz, a), commit(admin, b)]);
    // Whichever comes second either sees the customer (and skips the row) or collides at the insert (409).
    for (const r of [ra, rb]) {
      expect([200, 409]).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json().error.code).toBe('IMPORT_CONFLICT');
    }
    expect(ra.statusCode === 200 || rb.statusCode === 200).toBe(true);
    expect(await count(801)).toBe(1);
    const imported = [ra, rb]
      .filter((r) => r.statusCode === 200)
      .reduce((s, r) => s + r.json().importedRows, 0);
    expect(imported).toBe((await count(800)) + (await count(801)) + (await count(802)));
  });
});
