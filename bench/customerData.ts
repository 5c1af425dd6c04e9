import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { v7 } from 'uuid';
import { refreshSearchStatsJob } from '../server/modules/customers/refreshSearchStatsJob.ts';
import { createOrganization } from '../server/modules/orgs/createOrganization.ts';
import { createUser } from '../server/modules/users/createUser.ts';
import { systemCtx } from '../server/platform/context.ts';
import { migrate } from '../server/platform/db/migrate.ts';
import { openPostgres } from '../server/platform/db/postgres.ts';
import { runJob } from '../server/platform/jobs/runner.ts';
import { customerAt, mobile, personName, random } from './customerNames.ts';

/**
 * The customer-search data set on PostgreSQL: its own database (tenantry_bench_search_<size>), migrated
 * with the project's migrations, one organization, a business user to sign in as, ten account managers
 * and `size` customers with one or two contacts each. Kept between runs when complete; `rebuild` drops it.
 */
export const BENCH_ORG = { name: '客户搜索基准租赁有限公司', uscc: '91310115902323802U' };
export const BENCH_USER = { username: 'bench-business', password: 'bench-password-1' };
const CHUNK = 20_000;

export interface SearchDataSet {
  url: string;
  orgId: string;
  /** Seconds spent generating, or null when an existing data set was reused. */
  generatedIn: number | null;
}

function databaseUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The customer count of the bench organization, or -1 when the database or the organization is missing. */
async function existingCount(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch {
    return -1;
  }
  try {
    const r = await c.query(
      `select (select count(*) from customers where org_id = o.id)::int as n
         from organizations o where o.uscc = $1`,
      [BENCH_ORG.uscc],
    );
    return r.rows[0]?.n ?? -1;
  } catch {
    return -1;
  } finally {
    await c.end();
  }
}

/** The migrations' fingerprint: a data set is reused only with the schema it was made with. */
function schemaFingerprint(): string {
  const dir = path.resolve('server/db/migrations');
  const hash = createHash('sha256');
  for (const f of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.sql'))
    .sort())
    hash.update(fs.readFileSync(path.join(dir, f)));
  return hash.digest('hex').slice(0, 10);
}

export async function searchDataSet(base: string, size: number, rebuild: boolean): Promise<SearchDataSet> {
  const prefix = `tenantry_bench_search_${size}`;
  const name = `${prefix}_${schemaFingerprint()}`;
  const url = databaseUrl(base, name);
  const reuse = !rebuild && (await existingCount(url)) === size;
  if (!reuse) {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    // Data sets of this size made with other migrations are of no further use.
    const stale = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`,
      [prefix, `${prefix}\\_%`],
    );
    for (const { datname } of stale.rows)
      await admin.query(`drop database if exists ${datname} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const db = await openPostgres(url, 2);
  try {
    await migrate(db); // applies any migration added since the data set was made
    if (reuse) {
      const r = await db.pool.query('select id from organizations where uscc = $1', [BENCH_ORG.uscc]);
      return { url, orgId: r.rows[0].id, generatedIn: null };
    }
    const t0 = performance.now();
    const org = await db.asSystem((tx) => createOrganization(tx, BENCH_ORG));
    const managers = await db.inOrg(org.id, async (tx) => {
      const ctx = systemCtx(tx, org.id);
      await createUser(ctx, { ...BENCH_USER, displayName: '基准业务员', roles: ['business'] });
      const ids: string[] = [];
      for (let i = 1; i <= 10; i++) {
        const r = personName(random(1000 + i));
        const u = await createUser(ctx, {
          username: `bench-manager-${i}`,
          displayName: r,
          roles: ['business'],
          password: BENCH_USER.password,
        });
        ids.push(u.id);
      }
      return ids;
    });
    await generate(db.pool, org.id, managers, size);
    // What the nightly job would have counted by the time anyone searches.
    await runJob(db, refreshSearchStatsJob, {
      orgId: org.id,
      businessDate: new Date().toISOString().slice(0, 10),
      trigger: 'manual',
    });
    return { url, orgId: org.id, generatedIn: (performance.now() - t0) / 1000 };
  } finally {
    await db.close();
  }
}

const STATUSES = [
  ['tenant', 0.3],
  ['prospect', 0.35],
  ['applicant', 0.05],
  ['admitted', 0.03],
  ['former', 0.25],
  ['blacklisted', 0.02],
] as const;
const SCALES = ['micro', 'small', 'medium', 'large'];
const TITLES = ['总经理', '行政经理', '财务主管', '法务', '办公室主任', '采购经理'];
const DAY = 86_400_000;

function status(x: number): string {
  for (const [s, p] of STATUSES) {
    if (x < p) return s;
    x -= p;
  }
  return 'prospect';
}

/**
 * Rows are made in Node (the USCC check characters) and sent 20,000 at a time as column arrays to one
 * INSERT ... SELECT FROM unnest(...). Secondary indexes are dropped first and built again at the end (a
 * GIN index built once is several times faster than one grown row by row), as they stand in the schema.
 */
async function generate(pool: pg.Pool, orgId: string, managers: string[], size: number) {
  const c = await pool.connect();
  try {
    await c.query(`set maintenance_work_mem = '1GB'`);
    // Skip triggers (foreign keys, the primary contact kept on the customer): the rows are written consistent.
    await c.query('set session_replication_role = replica');
    const idx = await c.query<{ indexname: string; indexdef: string }>(
      `select i.indexname, i.indexdef from pg_indexes i
        where i.schemaname = 'public' and i.tablename in ('customers', 'customer_contacts')
          and not exists (select 1 from pg_constraint k where k.conname = i.indexname)`,
    );
    for (const i of idx.rows) await c.query(`drop index ${i.indexname}`);
    const r = random(42);
    const now = Date.now();
    for (let start = 0; start < size; start += CHUNK) {
      const n = Math.min(CHUNK, size - start);
      const cu = {
        id: [] as string[],
        name: [] as string[],
        kind: [] as string[],
        uscc: [] as string[],
        legal: [] as string[],
        capital: [] as number[],
        established: [] as string[],
        industry: [] as string[],
        address: [] as string[],
        scale: [] as string[],
        manager: [] as number[],
        tag: [] as number[],
        status: [] as string[],
        created: [] as string[],
        contact: [] as string[],
        contactMobile: [] as string[],
      };
      const co = {
        id: [] as string[],
        customer: [] as string[],
        name: [] as string[],
        title: [] as string[],
        mobile: [] as string[],
        primary: [] as boolean[],
      };
      for (let k = 0; k < n; k++) {
        const i = start + k;
        const g = customerAt(i, r);
        // Three years of customers, more of them lately.
        const created = now - Math.floor((1 - Math.sqrt(r())) * 3 * 365 * DAY);
        const id = v7({ msecs: created });
        cu.id.push(id);
        cu.name.push(g.name);
        cu.kind.push(g.kind);
        cu.uscc.push(g.uscc);
        cu.legal.push(g.legalRepresentative);
        cu.capital.push(Math.floor(r() * 5000 + 10) * 1_000_000);
        cu.established.push(new Date(created - Math.floor(r() * 20 * 365) * DAY).toISOString().slice(0, 10));
        cu.industry.push(g.industry);
        cu.address.push(g.address);
        cu.scale.push(SCALES[Math.floor(r() * SCALES.length)]!);
        cu.manager.push(r() < 0.1 ? 0 : 1 + Math.floor(r() * managers.length));
        cu.tag.push(Math.floor(r() * 10));
        cu.status.push(status(r()));
        cu.created.push(new Date(created).toISOString());
        // The first contact is the primary one; the trigger that keeps these is off while loading.
        cu.contact.push(g.legalRepresentative);
        cu.contactMobile.push(mobile(i * 2));
        const contacts = r() < 0.5 ? 1 : 2;
        for (let j = 0; j < contacts; j++) {
          co.id.push(v7({ msecs: created }));
          co.customer.push(id);
          co.name.push(j === 0 ? g.legalRepresentative : personName(r));
          co.title.push(TITLES[Math.floor(r() * TITLES.length)]!);
          co.mobile.push(mobile(i * 2 + j));
          co.primary.push(j === 0);
        }
      }
      await c.query(
        `insert into customers (id, org_id, name, kind, uscc, legal_representative, registered_capital,
            established_on, industry, registered_address, scale, account_manager_id, tags, status,
            blacklist_reason, blacklisted_at, primary_contact_name, primary_contact_mobile, created_at, updated_at)
         select id, $1, name, kind, uscc, legal, capital, established, industry,
                address, scale, ($16::uuid[])[nullif(manager, 0)],
                case tag when 1 then array['重点客户'] when 2 then array['外资'] when 3 then array['重点客户', '上市公司'] else '{}' end,
                status, case when status = 'blacklisted' then '多次拖欠租金，经催缴仍未支付' end,
                case when status = 'blacklisted' then created end, contact, contact_mobile, created, created
           from unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::date[],
                       $9::text[], $10::text[], $11::text[], $12::int[], $13::int[], $14::text[], $15::timestamptz[],
                       $17::text[], $18::text[])
             as t(id, name, kind, uscc, legal, capital, established, industry, address, scale, manager, tag,
                  status, created, contact, contact_mobile)`,
        [
          orgId,
          cu.id,
          cu.name,
          cu.kind,
          cu.uscc,
          cu.legal,
          cu.capital,
          cu.established,
          cu.industry,
          cu.address,
          cu.scale,
          cu.manager,
          cu.tag,
          cu.status,
          cu.created,
          managers,
          cu.contact,
          cu.contactMobile,
        ],
      );
      await c.query(
        `insert into customer_contacts (id, org_id, customer_id, name, title, mobile, is_primary, roles)
         select id, $1, customer, name, title, mobile, is_primary,
                case when is_primary then array['legal', 'signatory'] else array['onsite'] end
           from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[])
             as t(id, customer, name, title, mobile, is_primary)`,
        [orgId, co.id, co.customer, co.name, co.title, co.mobile, co.primary],
      );
    }
    for (const i of idx.rows) await c.query(i.indexdef);
    await c.query('set session_replication_role = origin');
    await c.query('vacuum analyze customers');
    await c.query('vacuum analyze customer_contacts');
  } finally {
    c.release();
  }
}
