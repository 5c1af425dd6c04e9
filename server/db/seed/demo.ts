import { todayIn } from '../../../common/dates.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { createOrganization } from '../../modules/orgs/createOrganization.ts';
import { countOrganizations } from '../../modules/orgs/repo.ts';
import { createUser } from '../../modules/users/createUser.ts';
import { systemCtx } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
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

/** Creates the demo organization and one user per staff role, through the same use-cases as the app. */
export async function seedDemo(db: Database): Promise<{ created: boolean; usernames: string[] }> {
  const usernames = [...STAFF_ROLES];
  const created = await db.withLock('seed', async () => {
    if ((await db.asSystem((tx) => countOrganizations(tx))) > 0) return false;
    const org = await db.asSystem((tx) => createOrganization(tx, DEMO_ORG));
    await db.inOrg(org.id, async (tx) => {
      const ctx = systemCtx(tx, org.id);
      for (const role of STAFF_ROLES) {
        await createUser(ctx, {
          username: role,
          displayName: DISPLAY_NAMES[role],
          email: `${role}@demo.tenantry.cn`,
          phone: null,
          roles: [role],
          password: DEMO_PASSWORD,
        });
      }
    });
    await db.inOrg(org.id, (tx) => seedDemoSpaces(systemCtx(tx, org.id), todayIn(org.timeZone)));
    return true;
  });
  return { created, usernames };
}
