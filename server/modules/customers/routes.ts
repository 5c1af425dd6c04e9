import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import {
  blacklistBody,
  contactBody,
  contactView,
  customerBody,
  customerSummary,
  customersQuery,
  customerView,
  DOCUMENT_MAX_BYTES,
  documentFields,
  documentView,
  timelineEntry,
  unblacklistBody,
  updateContactBody,
  updateCustomerBody,
  verifyDocumentBody,
} from '../../../common/schemas/customers.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { blacklistCustomer, unblacklistCustomer } from './blacklist.ts';
import { addContact, removeContact, updateContact } from './contacts.ts';
import { createCustomer } from './createCustomer.ts';
import { documentOf, removeDocument, uploadDocument, verifyDocument } from './documents.ts';
import { presentContact, presentDocument } from './present.ts';
import { customerTimeline, findCustomers, getCustomer } from './queries.ts';
import { accountManagers, listContacts, listDocuments } from './repo.ts';
import { updateCustomer } from './updateCustomer.ts';

const read = STAFF_ROLES;
const write = ['admin', 'business'] as const;
const tags = ['customers'];
const id = z.object({ id: z.uuid() });
const contactId = id.extend({ contactId: z.uuid() });
const docId = id.extend({ docId: z.uuid() });
const timelineQuery = z.object({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

/** A qualification document upload: the file and its fields, checked against the shared schema. */
async function readDocumentUpload(req: FastifyRequest) {
  const { fields: given, file } = await readUpload(req, DOCUMENT_MAX_BYTES);
  const parsed = documentFields.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'body';
    throw new AppError('VALIDATION_FAILED', { field, detail: issue.message }, field);
  }
  return { fields: parsed.data, file };
}

export function customerRoutes(app: App, deps: Deps) {
  const today = (req: { auth: { org: { timeZone: string } } | null }) => todayIn(req.auth!.org.timeZone);

  app.get(
    '/api/v1/customers',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'Customers: search by name substring, USCC, contact or phone; filter; cursor paging',
        querystring: customersQuery,
        response: { 200: pageOf(customerSummary) },
      },
    },
    (req) => req.inOrg((ctx) => findCustomers(ctx, req.query)),
  );
  app.get(
    '/api/v1/customers/account-managers',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'Active business staff who may manage customers',
        response: { 200: z.array(z.object({ id: z.uuid(), displayName: z.string() })) },
      },
    },
    (req) => req.inOrg((ctx) => accountManagers(ctx.tx)),
  );
  app.get(
    '/api/v1/customers/:id',
    { config: { policy: read }, schema: { tags, params: id, response: { 200: customerView } } },
    (req) => req.inOrg((ctx) => getCustomer(ctx, req.params.id)),
  );
  app.post(
    '/api/v1/customers',
    { config: { policy: write }, schema: { tags, body: customerBody, response: { 201: customerView } } },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) => getCustomer(ctx, (await createCustomer(ctx, req.body)).id));
      return reply.status(201).send(view);
    },
  );
  app.patch(
    '/api/v1/customers/:id',
    {
      config: { policy: write },
      schema: { tags, params: id, body: updateCustomerBody, response: { 200: customerView } },
    },
    (req) =>
      req.inOrg(async (ctx) => getCustomer(ctx, (await updateCustomer(ctx, req.params.id, req.body)).id)),
  );
  app.post(
    '/api/v1/customers/:id/blacklist',
    {
      config: { policy: ['management'] },
      schema: { tags, params: id, body: blacklistBody, response: { 200: customerView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await blacklistCustomer(ctx, req.params.id, req.body.reason);
        return getCustomer(ctx, req.params.id);
      }),
  );
  app.post(
    '/api/v1/customers/:id/unblacklist',
    {
      config: { policy: ['management'] },
      schema: { tags, params: id, body: unblacklistBody, response: { 200: customerView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await unblacklistCustomer(ctx, req.params.id, req.body.reason);
        return getCustomer(ctx, req.params.id);
      }),
  );
  app.get(
    '/api/v1/customers/:id/timeline',
    {
      config: { policy: read },
      schema: { tags, params: id, querystring: timelineQuery, response: { 200: pageOf(timelineEntry) } },
    },
    (req) => req.inOrg((ctx) => customerTimeline(ctx, req.params.id, req.query.cursor, req.query.limit)),
  );

  // ---- contacts ----------------------------------------------------------------------------------
  app.get(
    '/api/v1/customers/:id/contacts',
    { config: { policy: read }, schema: { tags, params: id, response: { 200: z.array(contactView) } } },
    (req) =>
      req.inOrg(async (ctx) => {
        await getCustomer(ctx, req.params.id);
        return (await listContacts(ctx.tx, req.params.id)).map(presentContact);
      }),
  );
  app.post(
    '/api/v1/customers/:id/contacts',
    {
      config: { policy: write },
      schema: { tags, params: id, body: contactBody, response: { 201: contactView } },
    },
    async (req, reply) => {
      const c = await req.inOrg((ctx) => addContact(ctx, req.params.id, req.body));
      return reply.status(201).send(presentContact(c));
    },
  );
  app.patch(
    '/api/v1/customers/:id/contacts/:contactId',
    {
      config: { policy: write },
      schema: { tags, params: contactId, body: updateContactBody, response: { 200: contactView } },
    },
    async (req) =>
      presentContact(
        await req.inOrg((ctx) => updateContact(ctx, req.params.id, req.params.contactId, req.body)),
      ),
  );
  app.delete(
    '/api/v1/customers/:id/contacts/:contactId',
    { config: { policy: write }, schema: { tags, params: contactId } },
    async (req, reply) => {
      await req.inOrg((ctx) => removeContact(ctx, req.params.id, req.params.contactId));
      return reply.status(204).send();
    },
  );

  // ---- qualification documents -------------------------------------------------------------------
  app.get(
    '/api/v1/customers/:id/documents',
    { config: { policy: read }, schema: { tags, params: id, response: { 200: z.array(documentView) } } },
    (req) =>
      req.inOrg(async (ctx) => {
        await getCustomer(ctx, req.params.id);
        const day = today(req);
        return (await listDocuments(ctx.tx, req.params.id)).map((d) => presentDocument(d, day));
      }),
  );
  app.post(
    '/api/v1/customers/:id/documents',
    {
      config: { policy: write },
      schema: {
        tags,
        summary:
          'Upload a qualification document (multipart: fields kind, title, documentNo, issuedOn, expiresOn; then file)',
        params: id,
        consumes: ['multipart/form-data'],
        response: { 201: documentView },
      },
    },
    async (req, reply) => {
      const { fields, file } = await readDocumentUpload(req);
      const view = await req.inOrg(async (ctx) => {
        const d = await uploadDocument(ctx, deps.files, req.params.id, fields, file);
        return presentDocument((await listDocuments(ctx.tx, req.params.id, d.id))[0]!, today(req));
      });
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/api/v1/customers/:id/documents/:docId/file',
    { config: { policy: read }, schema: { tags, params: docId } },
    async (req, reply) => {
      const d = await req.inOrg((ctx) => documentOf(ctx, req.params.id, req.params.docId));
      const stream = deps.files.open(d.storagePath);
      if (!stream) throw notFound('file');
      return reply
        .type(d.mediaType)
        .header('content-length', String(d.size))
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(d.fileName)}`)
        .send(stream);
    },
  );
  app.post(
    '/api/v1/customers/:id/documents/:docId/verification',
    {
      config: { policy: write },
      schema: { tags, params: docId, body: verifyDocumentBody, response: { 200: documentView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await verifyDocument(ctx, req.params.id, req.params.docId, req.body.verified);
        return presentDocument(await documentOf(ctx, req.params.id, req.params.docId), today(req));
      }),
  );
  app.delete(
    '/api/v1/customers/:id/documents/:docId',
    { config: { policy: write }, schema: { tags, params: docId } },
    async (req, reply) => {
      await req.inOrg((ctx) => removeDocument(ctx, req.params.id, req.params.docId));
      return reply.status(204).send();
    },
  );
}
