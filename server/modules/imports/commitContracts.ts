import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { importContract } from '../contracts/index.ts';
import { type ContractData, leaseOf, problemOf } from './contractRows.ts';
import type { RowError } from './reasons.ts';
import { goodRows, markRowErrors } from './repo.ts';

/** Thrown inside the batch's savepoint to undo it: all or nothing, and a row failed. */
class UndoBatch extends Error {}

/**
 * Imports the batch's good lease rows one by one through the contracts module's importContract, each in
 * its own savepoint: a row that fails now (a unit leased since the preview, a customer blacklisted) is
 * marked with the reason, so the preview shows it. Valid-only keeps the others; all-or-nothing then undoes
 * every contract of the batch. The marks are written after the undo, so they stay either way.
 */
export async function commitContracts(
  ctx: Ctx,
  batchId: string,
  allOrNothing: boolean,
  today: string,
): Promise<{ imported: number; failed: number }> {
  const rows = await goodRows(ctx.tx, batchId);
  const failures: { rowNo: number; errors: RowError[] }[] = [];
  let imported = 0;
  try {
    await ctx.tx.transaction(async (batchTx) => {
      for (const row of rows) {
        const data = row.data as unknown as ContractData;
        try {
          await batchTx.transaction((sp) =>
            importContract({ ...ctx, tx: sp as unknown as Tx }, leaseOf(data), batchId, today),
          );
          imported++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          failures.push({ rowNo: row.rowNo, errors: [problemOf(e, data)] });
        }
      }
      if (allOrNothing && failures.length) throw new UndoBatch();
    });
  } catch (e) {
    if (!(e instanceof UndoBatch)) throw e;
    imported = 0;
  }
  await markRowErrors(ctx.tx, batchId, failures);
  return { imported, failed: failures.length };
}
