import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/dates.ts';
import { type Harness, testApp } from '../../../test/harness.ts';
import { TINY_PDF } from '../../../test/multipart.ts';
import { uploadDocument } from '../../modules/customers/documents.ts';
import { findCustomers } from '../../modules/customers/index.ts';
import { systemCtx } from '../../platform/context.ts';
import { rows } from '../../platform/db/database.ts';
import { seedDemoApplications } from './demoApplications.ts';

let h: Harness;
beforeAll(async () => {
  h = await testApp();
});
afterAll(() => h?.close());

describe('demo applications (issue 5)', () => {
  it('puts an application in every state the admission process leaves one in', async () => {
    const today = todayIn('Asia/Shanghai');
    const users = Object.fromEntries(
      await Promise.all(
        ['business', 'legal', 'finance', 'management'].map(async (u) => [u, (await h.login(u)).userId]),
      ),
    );
    // The test template is seeded without a file store, so without documents: give prospects theirs.
    await h.db.inOrg(h.orgs.demo, async (tx) => {
      const ctx = systemCtx(tx, h.orgs.demo);
      const prospects = (await findCustomers(ctx, { sort: 'name', limit: 12, status: 'prospect' })).items;
      for (const c of prospects) {
        for (const kind of ['business_licence', 'tax_registration'] as const) {
          await uploadDocument(
            ctx,
            h.deps.files,
            c.id,
            { kind, expiresOn: addDays(today, 800) },
            {
              fileName: `${kind}.pdf`,
              bytes: TINY_PDF,
            },
          );
        }
      }
      await seedDemoApplications(ctx, today, users);
    });
    const states = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ status: string; n: number; overdue: number }>(
        tx,
        sql`select status, count(*)::int as n, count(*) filter (where stage_due_on < ${today})::int as overdue
              from applications group by status order by status`,
      ),
    );
    expect(Object.fromEntries(states.map((s) => [s.status, s.n]))).toEqual({
      approved: 1,
      business_review: 1,
      draft: 1,
      finance_review: 1,
      legal_review: 1,
      management_approval: 1,
      notice_expired: 1,
      rejected: 1,
      returned: 1,
      withdrawn: 1,
    });
    expect(states.find((s) => s.status === 'business_review')!.overdue).toBe(1);
    const comments = await h.db.inOrg(h.orgs.demo, (tx) =>
      rows<{ comment: string }>(tx, sql`select comment from application_reviews where decision <> 'approve'`),
    );
    expect(comments.map((c) => c.comment).join()).toContain('违约金');
    // Replayed on past days, so the statistics page has real durations and few overdue decisions.
    const stats = await h.call(
      await h.login('management'),
      'GET',
      `/api/v1/applications/stats?from=${addDays(today, -60)}&to=${today}`,
    );
    const business = stats.json().stages[0];
    expect(business).toMatchObject({ stage: 'business_review', decided: 8 });
    expect(business.averageHours).toBeGreaterThan(12);
    expect(business.overdue).toBe(0);
    expect(stats.json().outcomes).toMatchObject({ approved: 2, rejected: 1, withdrawn: 1, decided: 4 });
  });
});
