import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Reads a multipart upload: its text fields (sent before the file) and the file's bytes, size-checked.
 * Empty text fields are left out: they mean "not given", as they would in JSON.
 */
export async function readUpload(req: FastifyRequest, maxBytes: number) {
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes } })) {
      if (part.type === 'file') file = { fileName: part.filename, bytes: await part.toBuffer() };
      else if (typeof part.value === 'string' && part.value.trim() !== '')
        fields[part.fieldname] = part.value;
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('DOCUMENT_TOO_LARGE', { limit: megabytes(maxBytes) }, 'file');
    if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError('DOCUMENT_FILE_MISSING', {}, 'file');
    throw e;
  }
  if (!file) throw new AppError('DOCUMENT_FILE_MISSING', {}, 'file');
  return { fields, file };
}
