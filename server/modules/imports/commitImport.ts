import { type COMMIT_MODES, mayImport } from '../../../common/schemas/imports.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { commitContracts } from './commitContracts.ts';
import { commitOpeningBalances } from './commitOpening.ts';
import {
  type BatchRow,
  findBatch,
  insertCustomers,
  insertUnits,
  markConflicts,
  updateBatch,
} from './repo.ts';

export type CommitOutcome =
  | { committed: true; batchId: string; imported: number; skipped: number }
  /** All or nothing, and some rows have problems (some perhaps found just now): nothing was imported. */
  | { committed: false; batchId: string; errorRows: number; newConflicts: number };

/**
 * Writes the batch's good rows to the real tables in this one transaction. Customers and units go in with
 * set-based SQL; rows that someone else's data now conflicts with (a customer created meanwhile with the
 * same USCC) are marked in the batch first, so the preview shows them: all-or-nothing then refuses,
 * valid-only leaves them out. Leases go one by one through the contracts module (commitContracts), which
 * marks the rows that fail in the same way; opening balances go through billing (commitOpening), which
 * checks them again and marks them likewise. A refusal is returned, not thrown, so the rows marked here are
 * kept when the caller's transaction ends.
 */
export async function commitImport(
  ctx: Ctx,
  id: string,
  mode: (typeof COMMIT_MODES)[number],
  today: string,
): Promise<CommitOutcome> {
  const batch = await findBatch(ctx.tx, id, true);
  if (!batch) throw notFound('import');
  if (!mayImport(batch.kind, ctx.actor.roles)) throw forbidden();
  if (batch.status !== 'previewed') throw new AppError('IMPORT_NOT_PREVIEWED', { status: batch.status });
  if (mode === 'all_or_nothing' && batch.errorRows > 0)
    return { committed: false, batchId: id, errorRows: batch.errorRows, newConflicts: 0 };

  const { imported, newConflicts } =
    batch.kind === 'contracts' || batch.kind === 'opening_balances'
      ? await commitOneByOne(ctx, batch, mode, today)
      : await commitRecords(ctx, batch, mode);
  const errorRows = batch.errorRows + newConflicts;
  if (imported === null) return { committed: false, batchId: id, errorRows, newConflicts };

  await updateBatch(ctx.tx, id, { status: 'committed', importedRows: imported, committed: true });
  await recordAudit(ctx, {
    entityType: 'import_batch',
    entityId: id,
    action: 'import.commit',
    after: {
      kind: batch.kind,
      fileName: batch.fileName,
      mode,
      totalRows: batch.totalRows,
      imported,
      skipped: errorRows,
    },
  });
  return { committed: true, batchId: id, imported, skipped: errorRows };
}

/** Customers or units, set-based; `imported` is null when all-or-nothing refuses. */
async function commitRecords(ctx: Ctx, batch: BatchRow, mode: (typeof COMMIT_MODES)[number]) {
  const kind = batch.kind as 'customers' | 'units';
  const newConflicts = await markConflicts(ctx.tx, batch.id, kind);
  if (newConflicts > 0) await updateBatch(ctx.tx, batch.id, { recount: true });
  if (mode === 'all_or_nothing' && newConflicts > 0) return { imported: null, newConflicts };

  // A conflict still possible here (another import committing the same USCC at this moment) is a 409.
  const imported = await guardConflict(
    ctx.tx,
    (sp) =>
      kind === 'customers'
        ? insertCustomers({ ...ctx, tx: sp }, batch.id)
        : insertUnits({ ...ctx, tx: sp }, batch.id),
    () => new AppError('IMPORT_CONFLICT'),
  );
  return { imported, newConflicts };
}

/** Leases through the contracts module, opening balances through billing: each marks the rows it refuses. */
async function commitOneByOne(ctx: Ctx, batch: BatchRow, mode: (typeof COMMIT_MODES)[number], today: string) {
  const allOrNothing = mode === 'all_or_nothing';
  const commit = batch.kind === 'contracts' ? commitContracts : commitOpeningBalances;
  const { imported, failed } = await commit(ctx, batch.id, allOrNothing, today);
  if (failed > 0) await updateBatch(ctx.tx, batch.id, { recount: true });
  return { imported: allOrNothing && failed > 0 ? null : imported, newConflicts: failed };
}
