import { fileTypeFromBuffer } from 'file-type';
import type { z } from 'zod';
import {
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  type documentFields,
} from '../../../common/schemas/customers.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/files/fileStore.ts';
import { newId } from '../../platform/ids.ts';
import { type DocumentRow, insertDocument, listDocuments, lockCustomer, updateDocumentRow } from './repo.ts';

export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The media type read from the content itself; a renamed .exe stays an .exe whatever its name says. */
export async function sniffMediaType(bytes: Buffer): Promise<(typeof DOCUMENT_MEDIA_TYPES)[number]> {
  const type = await fileTypeFromBuffer(bytes);
  const mime = type?.mime as (typeof DOCUMENT_MEDIA_TYPES)[number] | undefined;
  if (!mime || !DOCUMENT_MEDIA_TYPES.includes(mime))
    throw new AppError('DOCUMENT_TYPE_NOT_ALLOWED', {}, 'file');
  return mime;
}

const snapshot = (d: DocumentRow) => ({
  kind: d.kind,
  title: d.title,
  documentNo: d.documentNo,
  fileName: d.fileName,
  sha256: d.sha256,
  issuedOn: d.issuedOn,
  expiresOn: d.expiresOn,
});

/** Files a qualification document (R2.1): content-checked, stored by checksum, recorded with its dates. */
export async function uploadDocument(
  ctx: Ctx,
  files: FileStore,
  customerId: string,
  fields: z.output<typeof documentFields>,
  file: { fileName: string; bytes: Buffer },
) {
  if (!(await lockCustomer(ctx.tx, customerId))) throw notFound('customer');
  if (file.bytes.length === 0) throw new AppError('DOCUMENT_FILE_MISSING', {}, 'file');
  if (file.bytes.length > DOCUMENT_MAX_BYTES)
    throw new AppError('DOCUMENT_TOO_LARGE', { limit: megabytes(DOCUMENT_MAX_BYTES) }, 'file');
  if (fields.issuedOn && fields.expiresOn && fields.issuedOn > fields.expiresOn)
    throw new AppError('DATE_RANGE_INVALID', {}, 'expiresOn');
  const mediaType = await sniffMediaType(file.bytes);
  const stored = await files.save(ctx.orgId, file.bytes);
  const row = await insertDocument(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    customerId,
    kind: fields.kind,
    title: fields.title ?? null,
    documentNo: fields.documentNo ?? null,
    issuedOn: fields.issuedOn ?? null,
    expiresOn: fields.expiresOn ?? null,
    fileName: file.fileName.slice(0, 200),
    mediaType,
    ...stored,
    uploadedBy: ctx.actor.id,
  });
  await recordAudit(ctx, {
    entityType: 'customer_document',
    entityId: row.id,
    action: 'document.upload',
    after: snapshot(row),
    customerId,
  });
  return row;
}

export async function documentOf(ctx: Ctx, customerId: string, id: string) {
  const [d] = await listDocuments(ctx.tx, customerId, id);
  if (!d) throw notFound('document');
  return d;
}

/** Marks the document checked against the original (or takes the mark back), by whom and when. */
export async function verifyDocument(ctx: Ctx, customerId: string, id: string, verified: boolean) {
  const d = await documentOf(ctx, customerId, id);
  await updateDocumentRow(ctx.tx, id, {
    verifiedAt: verified ? new Date() : null,
    verifiedBy: verified ? ctx.actor.id : null,
  });
  await recordAudit(ctx, {
    entityType: 'customer_document',
    entityId: id,
    action: verified ? 'document.verify' : 'document.unverify',
    before: { verified: d.verifiedAt !== null },
    after: { verified, kind: d.kind },
    customerId,
  });
}

/** Takes a document off the file; the row and the stored bytes stay for the record. */
export async function removeDocument(ctx: Ctx, customerId: string, id: string) {
  const d = await documentOf(ctx, customerId, id);
  await updateDocumentRow(ctx.tx, id, { removedAt: new Date(), removedBy: ctx.actor.id });
  await recordAudit(ctx, {
    entityType: 'customer_document',
    entityId: id,
    action: 'document.remove',
    before: snapshot(d),
    customerId,
  });
}
