import { sql } from 'drizzle-orm';
import { seedDemo } from '../server/db/seed/demo.ts';
import { createOrganization } from '../server/modules/orgs/createOrganization.ts';
import { createUser } from '../server/modules/users/createUser.ts';
import { systemCtx } from '../server/platform/context.ts';
import type { Database } from '../server/platform/db/database.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import type { OpenDatabase } from '../server/platform/db/open.ts';

/** A second organization, so every test can check that the first one never sees it. */
export const OTHER_ORG = { name: '另一家租赁公司', uscc: '914403001922038216', timeZone: 'Asia/Shanghai' };
export const OTHER_ADMIN = { username: 'other-admin', password: 'other-password-1' };

/** What every test database starts with: migrations, the demo organization and a second organization. */
export async function buildTemplate(db: OpenDatabase): Promise<void> {
  await migrate(db);
  await seedDemo(db);
  const other = await db.asSystem((tx) => createOrganization(tx, OTHER_ORG));
  await db.inOrg(other.id, async (tx) => {
    const ctx = systemCtx(tx, other.id, 'en');
    await createUser(ctx, {
      username: OTHER_ADMIN.username,
      displayName: 'Other Admin',
      roles: ['admin'],
      password: OTHER_ADMIN.password,
    });
  });
}

export async function orgIds(db: Database): Promise<{ demo: string; other: string }> {
  const r = await db.asSystem((tx) => tx.execute(sql`select id, uscc from organizations`));
  const list = (r as unknown as { rows: { id: string; uscc: string }[] }).rows;
  return {
    demo: list.find((o) => o.uscc === '91350100M000100Y43')!.id,
    other: list.find((o) => o.uscc === OTHER_ORG.uscc)!.id,
  };
}
