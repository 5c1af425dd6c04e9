import type { FILE_PURPOSES } from '../../../common/schemas/contracts.ts';
import { DOCUMENT_MAX_BYTES } from '../../../common/schemas/customers.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/fileStore.ts';
import { newId } from '../../platform/ids.ts';
import { megabytes, sniffMediaType } from '../customers/index.ts';
import { filesOf, insertFile, lockContract } from './repo.ts';

/**
 * A file for the contract (signed copy, amendment agreement, evidence, photos …): content-checked, stored
 * by checksum. Actions then refer to it by id, so a signing and its copy are written in one transaction.
 */
export async function uploadContractFile(
  ctx: Ctx,
  files: FileStore,
  contractId: string,
  purpose: (typeof FILE_PURPOSES)[number],
  file: { fileName: string; bytes: Buffer },
) {
  const c = await lockContract(ctx.tx, contractId);
  if (!c) throw notFound('contract');
  if (file.bytes.length === 0) throw new AppError('DOCUMENT_FILE_MISSING', {}, 'file');
  if (file.bytes.length > DOCUMENT_MAX_BYTES)
    throw new AppError('DOCUMENT_TOO_LARGE', { limit: megabytes(DOCUMENT_MAX_BYTES) }, 'file');
  const mediaType = await sniffMediaType(file.bytes);
  const stored = await files.save(ctx.orgId, file.bytes);
  const row = await insertFile(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    contractId,
    purpose,
    fileName: file.fileName.slice(0, 200),
    mediaType,
    ...stored,
    uploadedBy: ctx.actor.id,
  });
  await recordAudit(ctx, {
    entityType: 'contract',
    entityId: contractId,
    action: 'contract.file',
    after: { fileId: row.id, purpose, fileName: row.fileName, sha256: row.sha256 },
    customerId: c.customerId,
  });
  return row;
}

export async function contractFile(ctx: Ctx, contractId: string, fileId: string) {
  const f = (await filesOf(ctx.tx, contractId)).find((x) => x.id === fileId);
  if (!f) throw notFound('file');
  return f;
}
