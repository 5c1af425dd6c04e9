import { eq, or } from 'drizzle-orm';
import { organizations } from '../../db/schema/index.ts';
import type { Tx } from '../../platform/db/database.ts';

export type OrgRow = typeof organizations.$inferSelect;

export async function insertOrganization(tx: Tx, row: typeof organizations.$inferInsert): Promise<OrgRow> {
  const r = await tx.insert(organizations).values(row).returning();
  return r[0]!;
}

/** System read (CLI): an organization by id or USCC. */
export async function findOrganization(tx: Tx, idOrUscc: string): Promise<OrgRow | null> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(idOrUscc);
  const r = await tx
    .select()
    .from(organizations)
    .where(
      isUuid
        ? or(eq(organizations.id, idOrUscc), eq(organizations.uscc, idOrUscc))
        : eq(organizations.uscc, idOrUscc.toUpperCase()),
    );
  return r[0] ?? null;
}

export async function countOrganizations(tx: Tx): Promise<number> {
  return (await tx.$count(organizations)) as number;
}

/** The caller's own organization (row security shows no other). */
export async function findOwnOrganization(tx: Tx, id: string): Promise<OrgRow | null> {
  const r = await tx.select().from(organizations).where(eq(organizations.id, id));
  return r[0] ?? null;
}

export async function updateOrganizationRow(
  tx: Tx,
  id: string,
  set: Partial<typeof organizations.$inferInsert>,
): Promise<OrgRow> {
  const r = await tx.update(organizations).set(set).where(eq(organizations.id, id)).returning();
  return r[0]!;
}
