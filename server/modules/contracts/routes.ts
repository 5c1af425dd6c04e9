import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import { type Role, STAFF_ROLES } from '../../../common/roles.ts';
import {
  amendmentBody,
  amendmentDecisionBody,
  archiveBody,
  cancelBody,
  contractBody,
  contractFileView,
  contractProposal,
  contractSummary,
  contractsOverview,
  contractsQuery,
  contractView,
  explanationBody,
  FILE_PURPOSES,
  handoverBody,
  moveOutBody,
  paymentDemandBody,
  proposalQuery,
  scheduleView,
  signBody,
  templateBody,
  templateView,
  terminateBody,
  updateContractBody,
  violationActionBody,
  violationBody,
} from '../../../common/schemas/contracts.ts';
import { DOCUMENT_MAX_BYTES } from '../../../common/schemas/customers.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { Ctx } from '../../platform/context.ts';
import type { Deps } from '../../platform/deps.ts';
import { renderPdf } from '../../platform/documents/renderPdf.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { readUpload } from '../../platform/http/upload.ts';
import { cancelContract } from './cancelContract.ts';
import { createContract } from './createContract.ts';
import { decideAmendment } from './decideAmendment.ts';
import { CONTRACT_KIND } from './document.ts';
import { explainTerms } from './explainTerms.ts';
import { handOver } from './handOver.ts';
import { ledgerRoutes } from './ledgerRoutes.ts';
import { moveOut } from './moveOut.ts';
import { recordPaymentDemand } from './paymentDemands.ts';
import { fileView } from './present.ts';
import { proposeTerms } from './proposal.ts';
import { proposeAmendment } from './proposeAmendment.ts';
import { findContracts, getContract } from './queries.ts';
import { renewContract } from './renewContract.ts';
import { overviewFigures } from './repo.ts';
import { scheduleOf } from './schedule.ts';
import { signContract, updateArchive } from './signContract.ts';
import { reopenContract, submitForSignature } from './submitForSignature.ts';
import { createTemplateVersion, templatesView } from './templates.ts';
import { terminateContract } from './terminateContract.ts';
import { updateContract } from './updateContract.ts';
import { contractFile, uploadContractFile } from './uploadFile.ts';
import { actOnViolation, recordViolation } from './violations.ts';

const read = STAFF_ROLES;
/** Business staff draft, sign and keep contracts (R3.1); administrators too. */
const write = ['admin', 'business'] as const;
const tags = ['contracts'];
const id = z.object({ id: z.uuid() });
type Today = (req: { auth: { org: { timeZone: string } } | null }) => string;

/** POST /api/v1/contracts/:id/<path>: one use-case, then the contract as it now stands. */
function action<B extends z.ZodType>(
  app: App,
  today: Today,
  path: string,
  o: {
    roles: readonly Role[];
    summary: string;
    body?: B;
    params?: z.ZodObject;
    run: (ctx: Ctx, params: Record<string, string>, body: z.output<B>, today: string) => Promise<unknown>;
  },
) {
  app.post(
    `/api/v1/contracts/:id/${path}`,
    {
      config: { policy: o.roles },
      schema: {
        tags,
        summary: o.summary,
        params: o.params ?? id,
        ...(o.body ? { body: o.body } : {}),
        response: { 200: contractView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const params = req.params as Record<string, string>;
        await o.run(ctx, params, req.body as z.output<B>, today(req));
        return getContract(ctx, params.id!, today(req));
      }),
  );
}

export function contractRoutes(app: App, deps: Deps) {
  const today: Today = (req) => todayIn(req.auth!.org.timeZone);

  app.get(
    '/api/v1/contracts',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'Contracts, newest first',
        querystring: contractsQuery,
        response: { 200: pageOf(contractSummary) },
      },
    },
    (req) => req.inOrg((ctx) => findContracts(ctx, req.query, today(req))),
  );
  app.get(
    '/api/v1/contracts/overview',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'Dashboard figures: by state, ending soon, holding over, waiting',
        response: { 200: contractsOverview },
      },
    },
    (req) => req.inOrg((ctx) => overviewFigures(ctx.tx, today(req))),
  );
  app.get(
    '/api/v1/contracts/proposal',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'Terms to start a draft from: the approved application’s, the defaults, the template',
        querystring: proposalQuery,
        response: { 200: contractProposal },
      },
    },
    (req) => req.inOrg((ctx) => proposeTerms(ctx, req.query, today(req))),
  );
  app.get(
    '/api/v1/contracts/:id',
    { config: { policy: read }, schema: { tags, params: id, response: { 200: contractView } } },
    (req) => req.inOrg((ctx) => getContract(ctx, req.params.id, today(req))),
  );
  app.get(
    '/api/v1/contracts/:id/schedule',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'The charge schedule of the whole term',
        params: id,
        response: { 200: scheduleView },
      },
    },
    (req) => req.inOrg((ctx) => scheduleOf(ctx, req.params.id)),
  );
  app.post(
    '/api/v1/contracts',
    { config: { policy: write }, schema: { tags, body: contractBody, response: { 201: contractView } } },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) => {
        const c = await createContract(ctx, req.body, today(req));
        return getContract(ctx, c.id, today(req));
      });
      return reply.status(201).send(view);
    },
  );
  app.patch(
    '/api/v1/contracts/:id',
    {
      config: { policy: write },
      schema: { tags, params: id, body: updateContractBody, response: { 200: contractView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await updateContract(ctx, req.params.id, req.body, today(req));
        return getContract(ctx, req.params.id, today(req));
      }),
  );

  const w = { roles: write };
  action(app, today, 'submit-for-signature', {
    ...w,
    summary: 'Draft ready: to be explained and signed',
    run: (ctx, p, _b, d) => submitForSignature(ctx, p.id!, d),
  });
  action(app, today, 'reopen', {
    ...w,
    summary: 'Back to draft (the explanation is cleared)',
    run: (ctx, p, _b, d) => reopenContract(ctx, p.id!, d),
  });
  action(app, today, 'cancel', {
    ...w,
    summary: 'Cancel before signing',
    body: cancelBody,
    run: (ctx, p, b, d) => cancelContract(ctx, p.id!, b.reason, d),
  });
  action(app, today, 'explanation', {
    ...w,
    summary: 'R3.1.3: the terms were explained to the customer',
    body: explanationBody,
    run: (ctx, p, b, d) => explainTerms(ctx, p.id!, b, d),
  });
  action(app, today, 'sign', {
    ...w,
    summary: 'Sign: signatories, the signed copy, custodian and archive place',
    body: signBody,
    run: (ctx, p, b, d) => signContract(ctx, p.id!, b, d),
  });
  action(app, today, 'archive', {
    ...w,
    summary: 'R3.1.4: the original’s custodian and place',
    body: archiveBody,
    run: (ctx, p, b, d) => updateArchive(ctx, p.id!, b, d),
  });
  action(app, today, 'handover', {
    ...w,
    summary: 'R3.2.1: move-in handover; the contract becomes active',
    body: handoverBody,
    run: (ctx, p, b, d) => handOver(ctx, p.id!, b, d),
  });
  action(app, today, 'amendments', {
    ...w,
    summary: 'R3.3.1: propose a new version of the terms',
    body: amendmentBody,
    run: (ctx, p, b, d) => proposeAmendment(ctx, p.id!, b, d),
  });
  action(app, today, 'amendments/:version/decision', {
    roles: ['management'],
    summary: 'Management approves or rejects a proposed amendment',
    params: id.extend({ version: z.coerce.number().int().min(2) }),
    body: amendmentDecisionBody,
    run: (ctx, p, b, d) => decideAmendment(ctx, p.id!, Number(p.version), b, d),
  });
  action(app, today, 'violations', {
    ...w,
    summary: 'R3.2.2: a change of use or sublet found',
    body: violationBody,
    run: (ctx, p, b, d) => recordViolation(ctx, p.id!, b, d),
  });
  action(app, today, 'violations/:violationId/action', {
    ...w,
    summary: 'What was done about a violation',
    params: id.extend({ violationId: z.uuid() }),
    body: violationActionBody,
    run: (ctx, p, b, d) => actOnViolation(ctx, p.id!, p.violationId!, b, d),
  });
  action(app, today, 'payment-demands', {
    ...w,
    summary: 'Art. 722: a formal demand for payment',
    body: paymentDemandBody,
    run: (ctx, p, b, d) => recordPaymentDemand(ctx, p.id!, b, d),
  });
  action(app, today, 'terminate', {
    roles: ['admin', 'business', 'management'],
    summary: 'R3.3.2: terminate, with reason, liabilities and documents',
    body: terminateBody,
    run: (ctx, p, b, d) => terminateContract(ctx, p.id!, b, d),
  });
  action(app, today, 'move-out', {
    ...w,
    summary: 'R3.3.3: the move-out inspection; the units are free after it',
    body: moveOutBody,
    run: (ctx, p, b, d) => moveOut(ctx, p.id!, b, d),
  });

  app.post(
    '/api/v1/contracts/:id/renew',
    {
      config: { policy: write },
      schema: {
        tags,
        summary: 'A linked draft for the next term',
        params: id,
        response: { 201: contractView },
      },
    },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) => {
        const c = await renewContract(ctx, req.params.id, today(req));
        return getContract(ctx, c.id, today(req));
      });
      return reply.status(201).send(view);
    },
  );

  app.post(
    '/api/v1/contracts/:id/files',
    {
      config: { policy: write },
      schema: {
        tags,
        summary:
          'Upload a file (multipart: field purpose, then file): signed copy, agreement, evidence, photos',
        params: id,
        consumes: ['multipart/form-data'],
        response: { 201: contractFileView },
      },
    },
    async (req, reply) => {
      const { fields, file } = await readUpload(req, DOCUMENT_MAX_BYTES);
      const purpose = z.enum(FILE_PURPOSES).safeParse(fields.purpose);
      if (!purpose.success)
        throw new AppError(
          'VALIDATION_FAILED',
          { field: 'purpose', detail: FILE_PURPOSES.join(', ') },
          'purpose',
        );
      const view = await req.inOrg(async (ctx) =>
        fileView(req.params.id, await uploadContractFile(ctx, deps.files, req.params.id, purpose.data, file)),
      );
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/api/v1/contracts/:id/files/:fileId',
    { config: { policy: read }, schema: { tags, params: id.extend({ fileId: z.uuid() }) } },
    async (req, reply) => {
      const f = await req.inOrg((ctx) => contractFile(ctx, req.params.id, req.params.fileId));
      const stream = deps.files.open(f.storagePath);
      if (!stream) throw notFound('file');
      return reply
        .type(f.mediaType)
        .header('content-length', String(f.size))
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .send(stream);
    },
  );
  app.get(
    '/api/v1/contracts/:id/document.pdf',
    { config: { policy: read }, schema: { tags, summary: 'The contract (PDF)', params: id } },
    async (req, reply) => {
      const model = await req.inOrg((ctx) => deps.documents.get(CONTRACT_KIND)!.load(ctx, req.params.id));
      if (!model) throw notFound('contract');
      const name = `${model.title}-${model.number}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await renderPdf(model));
    },
  );

  app.get(
    '/api/v1/contract-templates',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'Contract templates, every version',
        response: { 200: z.array(templateView) },
      },
    },
    (req) => req.inOrg((ctx) => templatesView(ctx)),
  );
  app.post(
    '/api/v1/contract-templates',
    {
      config: { policy: ['admin'] },
      schema: {
        tags,
        summary: 'A new version of a template',
        body: templateBody,
        response: { 201: templateView },
      },
    },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) => {
        const t = await createTemplateVersion(ctx, req.body);
        return (await templatesView(ctx)).find((x) => x.id === t.id)!;
      });
      return reply.status(201).send(view);
    },
  );
  ledgerRoutes(app, today);
}
