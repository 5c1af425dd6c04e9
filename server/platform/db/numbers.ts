import { sql } from 'drizzle-orm';
import type { Tx } from './database.ts';
import { rows } from './database.ts';

/**
 * The next gapless number of a kind for the organization of the transaction, e.g. `ZR-2026-000001`. The
 * counter row is locked until the transaction ends, so numbers are handed out one at a time and a rollback
 * gives the number back.
 */
export async function nextNumber(tx: Tx, orgId: string, prefix: string, year: number): Promise<string> {
  const [r] = await rows<{ last: number }>(
    tx,
    sql`insert into document_numbers (org_id, prefix, year, last) values (${orgId}, ${prefix}, ${year}, 1)
        on conflict (org_id, prefix, year) do update set last = document_numbers.last + 1
        returning last`,
  );
  return `${prefix}-${year}-${String(r!.last).padStart(6, '0')}`;
}
