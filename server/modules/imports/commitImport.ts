import type { COMMIT_MODES } from '../../../common/schemas/imports.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { findBatch, insertCustomers, insertUnits, markConflicts, updateBatch } from './repo.ts';

export type CommitOutcome =
  | { committed: true; batchId: string; imported: number; skipped: number }
  /** All or nothing, and some rows have problems (some perhaps found just now): nothing was imported. */
  | { committed: false; batchId: string; errorRows: number; newConflicts: number };

/**
 * Writes the batch's good rows to the real tables in this one transaction, with set-based SQL. Rows that
 * someone else's data now conflicts with (a customer created meanwhile with the same USCC) are marked in
 * the batch first, so the preview shows them: all-or-nothing then refuses, valid-only leaves them out.
 * A refusal is returned, not thrown, so the rows marked here are kept when the caller's transaction ends.
 */
export async function commitImport(
  ctx: Ctx,
  id: string,
  mode: (typeof COMMIT_MODES)[number],
): Promise<CommitOutcome> {
  const batch = await findBatch(ctx.tx, id, true);
  if (!batch) throw notFound('import');
  if (batch.status !== 'previewed') throw new AppError('IMPORT_NOT_PREVIEWED', { status: batch.status });
  if (mode === 'all_or_nothing' && batch.errorRows > 0)
    return { committed: false, batchId: id, errorRows: batch.errorRows, newConflicts: 0 };

  const newConflicts = await markConflicts(ctx.tx, id, batch.kind);
  const errorRows = batch.errorRows + newConflicts;
  if (newConflicts > 0) await updateBatch(ctx.tx, id, { recount: true });
  if (mode === 'all_or_nothing' && newConflicts > 0)
    return { committed: false, batchId: id, errorRows, newConflicts };

  // A conflict still possible here (another import committing the same USCC at this moment) is a 409.
  const imported = await guardConflict(
    ctx.tx,
    (sp) =>
      batch.kind === 'customers'
        ? insertCustomers({ ...ctx, tx: sp }, id)
        : insertUnits({ ...ctx, tx: sp }, id),
    () => new AppError('IMPORT_CONFLICT'),
  );
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
