import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../common/dates.ts';
import { contractHelpers, type Staff } from '../../../test/contracts.ts';
import { type Harness, testApp } from '../../../test/harness.ts';

// Meaningful on PostgreSQL (DATABASE_URL): PGlite runs one statement at a time and cannot race.
let h: Harness;
const s: Staff = {} as never;
const today = todayIn('Asia/Shanghai');
const t = contractHelpers(() => h, s, today);

beforeAll(async () => {
  h = await testApp();
  for (const role of ['business', 'legal', 'finance', 'management', 'admin'] as const)
    s[role] = await h.login(role);
});
afterAll(() => h?.close());

describe('two contracts for one unit signed at the same moment', () => {
  it('leases the unit once: one signing wins, the other is refused on its unit with nothing written', async () => {
    const [unit] = (
      await h.call(s.business, 'GET', `/api/v1/units?type=office&status=vacant&asOf=${today}&limit=1`)
    ).json().items;
    // Two drafts without applications hold nothing, so both can name the same unit until one is signed.
    const ids: string[] = [];
    for (const name of ['并发签约甲有限公司', '并发签约乙有限公司']) {
      const customerId = await t.customer(name);
      const r = await h.call(s.admin, 'POST', '/api/v1/contracts', {
        customerId,
        noApplicationReason: '存量合同补录',
        terms: t.terms([unit.id], today),
      });
      expect(r.statusCode, r.body).toBe(201);
      ids.push(r.json().id);
    }
    const ready = [];
    for (const id of ids) {
      await t.post(s.business, id, 'submit-for-signature');
      await t.post(s.business, id, 'explanation', {
        explainedTo: '经办人',
        explainedOn: today,
        highlightedClauses: ['第六条'],
        customerAcknowledged: true,
      });
      ready.push({ id, fileId: await t.upload(id, 'signed_copy') });
    }
    const results = await Promise.all(
      ready.map((x) =>
        t.post(s.business, x.id, 'sign', {
          signedOn: today,
          lessorSignatory: '王经理',
          customerSignatory: '经办人',
          signedCopyFileId: x.fileId,
          custodianId: s.business.userId,
          archiveLocation: 'A-09',
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.code).toBe('UNIT_NOT_AVAILABLE');
    const states = await Promise.all(
      ids.map(async (id) => (await h.call(s.business, 'GET', `/api/v1/contracts/${id}`)).json()),
    );
    expect(states.map((c) => c.status).sort()).toEqual(['pending_signature', 'signed']);
    const lost = states.find((c) => c.status === 'pending_signature')!;
    expect(lost.versions[0]).toMatchObject({ status: 'draft', snapshot: null });
  });
});
