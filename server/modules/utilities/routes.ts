import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { IMPORT_MAX_BYTES } from '../../../common/schemas/imports.ts';
import { pageOf, uuidParam } from '../../../common/schemas/paging.ts';
import {
  meterBody,
  metersQuery,
  meterView,
  readingCorrectionBody,
  readingGrid,
  readingGridQuery,
  readingsBody,
  readingsImportResult,
  readingsQuery,
  readingsResult,
  readingView,
  utilityRateBody,
  utilityRatesQuery,
  utilityRateView,
} from '../../../common/schemas/utilities.ts';
import { AppError } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { correctReading, deleteReading } from './correctReading.ts';
import { importReadings } from './importReadings.ts';
import { findMeters, getMeter } from './meterQueries.ts';
import { createRate, deleteRate, findRates, getRate } from './rates.ts';
import { findReadings, getReading, readingGrid as gridOf } from './readingQueries.ts';
import { recordReadings } from './recordReadings.ts';
import { createMeter, retireMeter, updateMeter } from './saveMeter.ts';

const read = STAFF_ROLES;
/** Finance keeps meters, prices and readings, which become charges (R5.2.1); administrators too. */
const write = ['admin', 'finance'] as const;
const tags = ['utilities'];
const today = (req: FastifyRequest) => todayIn(req.auth!.org.timeZone);

/** The multipart upload of a readings sheet: the file, and `commit=true` to write (else a preview). */
async function readUpload(req: FastifyRequest) {
  let file: { fileName: string; bytes: Buffer } | null = null;
  const fields: Record<string, string> = {};
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
  if (!file || file.bytes.length === 0) throw new AppError('IMPORT_FILE_MISSING', {}, 'file');
  return { ...file, commit: fields.commit === 'true' };
}

export function utilityRoutes(app: App) {
  // ---- meters -----------------------------------------------------------------------------------
  app.get(
    '/api/v1/meters',
    {
      config: { policy: read },
      schema: { tags, querystring: metersQuery, response: { 200: pageOf(meterView) } },
    },
    (req) => req.inOrg((ctx) => findMeters(ctx, req.query)),
  );
  app.get(
    '/api/v1/meters/:id',
    { config: { policy: read }, schema: { tags, params: uuidParam, response: { 200: meterView } } },
    (req) => req.inOrg((ctx) => getMeter(ctx, req.params.id)),
  );
  app.post(
    '/api/v1/meters',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'A unit meter (unitId) or a shared one (shared, splitRule area|percent, shares)',
        body: meterBody,
        response: { 201: meterView },
      },
    },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) => getMeter(ctx, await createMeter(ctx, req.body)));
      return reply.status(201).send(view);
    },
  );
  app.patch(
    '/api/v1/meters/:id',
    {
      config: { policy: write },
      schema: { tags, params: uuidParam, body: meterBody, response: { 200: meterView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await updateMeter(ctx, req.params.id, req.body);
        return getMeter(ctx, req.params.id);
      }),
  );
  app.post(
    '/api/v1/meters/:id/retire',
    { config: { policy: write }, schema: { tags, params: uuidParam, response: { 200: meterView } } },
    (req) =>
      req.inOrg(async (ctx) => {
        await retireMeter(ctx, req.params.id);
        return getMeter(ctx, req.params.id);
      }),
  );

  // ---- prices -----------------------------------------------------------------------------------
  app.get(
    '/api/v1/utility-rates',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: "The organization's prices, or a contract's own (contractId)",
        querystring: utilityRatesQuery,
        response: { 200: z.object({ items: z.array(utilityRateView) }) },
      },
    },
    (req) => req.inOrg((ctx) => findRates(ctx, req.query.contractId)),
  );
  app.post(
    '/api/v1/utility-rates',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'A price (tax included) per meter type from a date; with contractId, that contract’s own',
        body: utilityRateBody,
        response: { 201: utilityRateView },
      },
    },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) => getRate(ctx, await createRate(ctx, req.body)));
      return reply.status(201).send(view);
    },
  );
  app.delete(
    '/api/v1/utility-rates/:id',
    { config: { policy: write }, schema: { tags, params: uuidParam } },
    async (req, reply) => {
      await req.inOrg((ctx) => deleteRate(ctx, req.params.id));
      return reply.status(204).send();
    },
  );

  // ---- readings ---------------------------------------------------------------------------------
  app.get(
    '/api/v1/meter-readings/grid',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: "A building's meters for a reading date: last reading and the date's own",
        querystring: readingGridQuery,
        response: { 200: readingGrid },
      },
    },
    (req) => req.inOrg((ctx) => gridOf(ctx, req.query)),
  );
  app.get(
    '/api/v1/meter-readings',
    {
      config: { policy: read },
      schema: { tags, querystring: readingsQuery, response: { 200: pageOf(readingView) } },
    },
    (req) => req.inOrg((ctx) => findReadings(ctx, req.query)),
  );
  app.post(
    '/api/v1/meter-readings',
    {
      config: { policy: write },
      schema: {
        tags,
        summary:
          'Record the readings of one date (all or none); each one with consumption plans its utility lines',
        body: readingsBody,
        response: { 201: readingsResult },
      },
    },
    async (req, reply) => {
      const readings = await req.inOrg((ctx) => recordReadings(ctx, req.body, today(req)));
      return reply.status(201).send({ readings });
    },
  );
  app.post(
    '/api/v1/meter-readings/import',
    {
      config: { policy: write },
      schema: {
        tags,
        summary:
          'Readings from .xlsx/.csv (multipart: file, commit=true to write): a preview lists every problem',
        consumes: ['multipart/form-data'],
        response: { 200: readingsImportResult },
      },
    },
    async (req) => {
      const upload = await readUpload(req);
      return req.inOrg((ctx) => importReadings(ctx, upload, { today: today(req), commit: upload.commit }));
    },
  );
  app.patch(
    '/api/v1/meter-readings/:id',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'Correct the latest reading of a meter while its charges are not billed',
        params: uuidParam,
        body: readingCorrectionBody,
        response: { 200: readingView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await correctReading(ctx, req.params.id, req.body, today(req));
        return getReading(ctx, req.params.id);
      }),
  );
  app.delete(
    '/api/v1/meter-readings/:id',
    { config: { policy: write }, schema: { tags, params: uuidParam } },
    async (req, reply) => {
      await req.inOrg((ctx) => deleteReading(ctx, req.params.id));
      return reply.status(204).send();
    },
  );
}
