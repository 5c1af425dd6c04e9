import { mayImport } from '../../../common/schemas/imports.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { findBatch, updateBatch } from './repo.ts';

/** Drops a previewed batch: nothing of it is imported; its rows stay for the record. */
export async function discardImport(ctx: Ctx, id: string): Promise<void> {
  const batch = await findBatch(ctx.tx, id, true);
  if (!batch) throw notFound('import');
  if (!mayImport(batch.kind, ctx.actor.roles)) throw forbidden();
  if (batch.status !== 'previewed') throw new AppError('IMPORT_NOT_PREVIEWED', { status: batch.status });
  await updateBatch(ctx.tx, id, { status: 'discarded' });
  await recordAudit(ctx, {
    entityType: 'import_batch',
    entityId: id,
    action: 'import.discard',
    after: { kind: batch.kind, fileName: batch.fileName, totalRows: batch.totalRows },
  });
}
