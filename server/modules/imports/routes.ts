import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import {
  commitBody,
  commitResult,
  IMPORT_KINDS,
  IMPORT_MAX_BYTES,
  type ImportKind,
  importBatchesQuery,
  importBatchView,
  importFields,
  importRowsQuery,
  importRowView,
  mayImport,
} from '../../../common/schemas/imports.ts';
import { pageOf, uuidParam } from '../../../common/schemas/paging.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { attachment } from '../../platform/http/xlsxDownload.ts';
import { COLUMNS } from './columns.ts';
import { commitImport } from './commitImport.ts';
import { discardImport } from './discardImport.ts';
import { findBatches, findRows, getBatch } from './queries.ts';
import { readSheet } from './readSheet.ts';
import { stageImport } from './stageImport.ts';
import { templateWorkbook } from './template.ts';

/** Each kind has its own roles besides (mayImport): opening balances are finance's. */
const write = ['admin', 'business', 'finance'] as const;
const tags = ['imports'];
const TEMPLATE_NAMES = {
  customers: '客户导入模板',
  units: '单元导入模板',
  contracts: '存量合同导入模板',
  opening_balances: '期初余额导入模板',
} as const;
const TEMPLATE_FILES = [
  'customers.xlsx',
  'units.xlsx',
  'contracts.xlsx',
  'opening_balances.xlsx',
] as const satisfies readonly [`${ImportKind}.xlsx`, ...`${ImportKind}.xlsx`[]];
/** The organization's business date: leases are checked against it. */
const today = (req: FastifyRequest) => todayIn(req.auth!.org.timeZone);

/** The multipart upload: the `kind` field, then the file (up to 20 MB). */
async function readUpload(req: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: IMPORT_MAX_BYTES } })) {
      if (part.type === 'file') file = { fileName: part.filename, bytes: await part.toBuffer() };
      else if (typeof part.value === 'string') fields[part.fieldname] = part.value;
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('IMPORT_FILE_TOO_LARGE', { limit: `${IMPORT_MAX_BYTES / 1024 / 1024} MB` }, 'file');
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('IMPORT_FILE_MISSING', {}, 'file');
    throw e;
  }
  const parsed = importFields.safeParse(fields);
  if (!parsed.success)
    throw new AppError('VALIDATION_FAILED', { field: 'kind', detail: IMPORT_KINDS.join(' | ') }, 'kind');
  if (!file || file.bytes.length === 0) throw new AppError('IMPORT_FILE_MISSING', {}, 'file');
  return { kind: parsed.data.kind, ...file };
}

export function importRoutes(app: App) {
  app.get(
    '/api/v1/imports/templates/:kind',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'The import template (.xlsx): Chinese headers, an example row and a 说明 sheet',
        params: z.object({ kind: z.enum(TEMPLATE_FILES) }),
      },
    },
    async (req, reply) => {
      const kind = req.params.kind.replace(/\.xlsx$/, '') as ImportKind;
      const bytes = await templateWorkbook(kind);
      return attachment(reply, `${TEMPLATE_NAMES[kind]}.xlsx`, `${kind}-template.xlsx`).send(bytes);
    },
  );

  app.post(
    '/api/v1/imports',
    {
      config: { policy: write },
      schema: {
        tags,
        summary:
          'Upload a sheet (multipart: field kind=customers|units|contracts|opening_balances, then the file): every row is checked. Existing leases (contracts) are for administrators, opening balances for finance and administrators',
        consumes: ['multipart/form-data'],
        response: { 201: importBatchView },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      if (!mayImport(upload.kind, req.auth!.roles)) throw forbidden();
      const rows = await readSheet(upload.bytes, upload.fileName, COLUMNS[upload.kind]);
      const batch = await req.inOrg(async (ctx) => {
        const id = await stageImport(ctx, {
          kind: upload.kind,
          fileName: upload.fileName,
          rows,
          today: today(req),
        });
        return getBatch(ctx, id);
      });
      return reply.status(201).send(batch);
    },
  );

  app.get(
    '/api/v1/imports',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'Recent imports, newest first',
        querystring: importBatchesQuery,
        response: { 200: pageOf(importBatchView) },
      },
    },
    (req) => req.inOrg((ctx) => findBatches(ctx, req.query)),
  );

  app.get(
    '/api/v1/imports/:id',
    { config: { policy: write }, schema: { tags, params: uuidParam, response: { 200: importBatchView } } },
    (req) => req.inOrg((ctx) => getBatch(ctx, req.params.id)),
  );

  app.get(
    '/api/v1/imports/:id/rows',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'The preview: rows with their problems (row number, column, reason)',
        params: uuidParam,
        querystring: importRowsQuery,
        response: { 200: pageOf(importRowView) },
      },
    },
    (req) => req.inOrg((ctx) => findRows(ctx, req.params.id, req.query)),
  );

  app.post(
    '/api/v1/imports/:id/commit',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'Import the rows: all or nothing, or only the rows without problems',
        params: uuidParam,
        body: commitBody,
        response: { 200: commitResult },
      },
    },
    async (req) => {
      const { outcome, batch } = await req.inOrg(async (ctx) => {
        const o = await commitImport(ctx, req.params.id, req.body.mode, today(req));
        return { outcome: o, batch: await getBatch(ctx, req.params.id) };
      });
      // Thrown after the transaction so that rows found in conflict just now stay marked for the preview.
      if (!outcome.committed) throw new AppError('IMPORT_HAS_ERRORS', { count: outcome.errorRows });
      return { ...batch, skippedRows: outcome.skipped };
    },
  );

  app.post(
    '/api/v1/imports/:id/discard',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'Drop a previewed import',
        params: uuidParam,
        response: { 200: importBatchView },
      },
    },
    async (req) =>
      req.inOrg(async (ctx) => {
        await discardImport(ctx, req.params.id);
        return getBatch(ctx, req.params.id);
      }),
  );
}
