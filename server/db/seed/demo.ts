import { todayIn } from '../../../common/dates.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { createOrganization } from '../../modules/orgs/createOrganization.ts';
import { countOrganizations } from '../../modules/orgs/repo.ts';
import { createUser } from '../../modules/users/createUser.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import type { FileStore } from '../../platform/files/fileStore.ts';
import { seedDemoApplications } from './demoApplications.ts';
import { seedDemoBilling } from './demoBilling.ts';
import { seedDemoContracts } from './demoContracts.ts';
import { seedDemoCustomers } from './demoCustomers.ts';
import { seedDemoSpaces } from './demoSpaces.ts';

export const DEMO_ORG = {
  name: '演示租赁有限公司',
  uscc: '91350100M000100Y43',
  address: '上海市浦东新区世纪大道100号',
};
export const DEMO_PASSWORD = 'tenantry-demo';

const DISPLAY_NAMES: Record<(typeof STAFF_ROLES)[number], string> = {
  admin: '系统管理员',
  business: '王业务',
  legal: '李法务',
  finance: '张财务',
  management: '赵总经理',
  service: '陈客服',
};

/** Two more people in the business department, so customers have different account managers. */
const MORE_ACCOUNT_MANAGERS = [
  { username: 'liu.yewu', displayName: '刘业务' },
  { username: 'he.yewu', displayName: '何业务' },
];

/** Every demo sign-in; each has an e-mail address, so each gets a welcome message. */
export const DEMO_USERNAMES = [...STAFF_ROLES, ...MORE_ACCOUNT_MANAGERS.map((u) => u.username)];

/**
 * Creates the demo organization, one user per staff role (and two more account managers), spaces and
 * customers, through the same use-cases as the app. With a file store, customers get their documents too.
 */
export async function seedDemo(
  db: Database,
  opts: { files?: FileStore } = {},
): Promise<{ created: boolean; usernames: string[] }> {
  const usernames = [...DEMO_USERNAMES];
  const created = await db.withLock('seed', async () => {
    if ((await db.asSystem((tx) => countOrganizations(tx))) > 0) return false;
    const org = await db.asSystem((tx) => createOrganization(tx, DEMO_ORG));
    const ids = await db.inOrg(org.id, async (tx) => {
      const ctx = systemCtx(tx, org.id);
      const ids: Record<string, string> = {};
      for (const role of STAFF_ROLES) {
        ids[role] = (
          await createUser(ctx, {
            username: role,
            displayName: DISPLAY_NAMES[role],
            email: `${role}@demo.tenantry.cn`,
            phone: null,
            roles: [role],
            password: DEMO_PASSWORD,
          })
        ).id;
      }
      for (const u of MORE_ACCOUNT_MANAGERS) {
        ids[u.username] = (
          await createUser(ctx, {
            ...u,
            email: `${u.username}@demo.tenantry.cn`,
            phone: null,
            roles: ['business'],
            password: DEMO_PASSWORD,
          })
        ).id;
      }
      return ids;
    });
    const today = todayIn(org.timeZone);
    await db.inOrg(org.id, (tx) => seedDemoSpaces(systemCtx(tx, org.id), today));
    const managers = {
      business: [ids.business!, ...MORE_ACCOUNT_MANAGERS.map((u) => ids[u.username]!)],
      management: ids.management!,
    };
    await db.inOrg(org.id, (tx) => seedDemoCustomers(systemCtx(tx, org.id), today, managers, opts.files));
    // Applications need their customers' documents on file, so only a seed with a file store has them.
    if (opts.files) {
      const files = opts.files;
      await db.inOrg(org.id, (tx) => seedDemoApplications(systemCtx(tx, org.id), today, ids));
      // Signed contracts keep a scan of the signed copy: also only with a file store.
      await db.inOrg(org.id, (tx) => seedDemoContracts(systemCtx(tx, org.id), today, ids, files));
      await db.inOrg(org.id, (tx) => seedDemoBilling(systemCtx(tx, org.id), today, ids));
    }
    return true;
  });
  return { created, usernames };
}
