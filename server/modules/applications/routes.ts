import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import {
  applicationBody,
  applicationStats,
  applicationStatsQuery,
  applicationSummary,
  applicationsQuery,
  applicationView,
  inboxCounts,
  reviewBody,
  updateApplicationBody,
  withdrawBody,
} from '../../../common/schemas/applications.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { Deps } from '../../platform/deps.ts';
import { renderPdf } from '../../platform/documents/renderPdf.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { createApplication } from './createApplication.ts';
import { NOTICE_KIND } from './issueNotice.ts';
import { applicationStatistics, findApplications, getApplication, inbox } from './queries.ts';
import { reviewApplication } from './reviewApplication.ts';
import { submitApplication } from './submitApplication.ts';
import { updateApplication } from './updateApplication.ts';
import { withdrawApplication } from './withdrawApplication.ts';

const read = STAFF_ROLES;
/** The applicant side: business staff file applications for customers (R2.2.1). */
const applicant = ['admin', 'business'] as const;
/** Each stage then checks its own role (APPLICATION_WRONG_STAGE_ROLE names it). */
const reviewers = ['business', 'legal', 'finance', 'management'] as const;
const tags = ['applications'];
const id = z.object({ id: z.uuid() });

export function applicationRoutes(app: App, deps: Deps) {
  const today = (req: { auth: { org: { timeZone: string } } | null }) => todayIn(req.auth!.org.timeZone);

  app.get(
    '/api/v1/applications',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'Applications, newest first; `mine=true` is the signed-in reviewer’s inbox',
        querystring: applicationsQuery,
        response: { 200: pageOf(applicationSummary) },
      },
    },
    (req) => req.inOrg((ctx) => findApplications(ctx, req.query, today(req))),
  );
  app.get(
    '/api/v1/applications/inbox',
    { config: { policy: read }, schema: { tags, response: { 200: inboxCounts } } },
    (req) => req.inOrg((ctx) => inbox(ctx, today(req))),
  );
  app.get(
    '/api/v1/applications/stats',
    {
      config: { policy: read },
      schema: { tags, querystring: applicationStatsQuery, response: { 200: applicationStats } },
    },
    (req) => req.inOrg((ctx) => applicationStatistics(ctx, req.query)),
  );
  app.get(
    '/api/v1/applications/:id',
    { config: { policy: read }, schema: { tags, params: id, response: { 200: applicationView } } },
    (req) => req.inOrg((ctx) => getApplication(ctx, req.params.id, today(req))),
  );
  app.post(
    '/api/v1/applications',
    {
      config: { policy: applicant },
      schema: { tags, body: applicationBody, response: { 201: applicationView } },
    },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) => {
        const a = await createApplication(ctx, req.body, today(req));
        return getApplication(ctx, a.id, today(req));
      });
      return reply.status(201).send(view);
    },
  );
  app.patch(
    '/api/v1/applications/:id',
    {
      config: { policy: applicant },
      schema: { tags, params: id, body: updateApplicationBody, response: { 200: applicationView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await updateApplication(ctx, req.params.id, req.body);
        return getApplication(ctx, req.params.id, today(req));
      }),
  );
  app.post(
    '/api/v1/applications/:id/submit',
    { config: { policy: applicant }, schema: { tags, params: id, response: { 200: applicationView } } },
    (req) =>
      req.inOrg(async (ctx) => {
        await submitApplication(ctx, req.params.id, today(req));
        return getApplication(ctx, req.params.id, today(req));
      }),
  );
  app.post(
    '/api/v1/applications/:id/reviews',
    {
      config: { policy: reviewers },
      schema: { tags, params: id, body: reviewBody, response: { 200: applicationView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await reviewApplication(ctx, req.params.id, req.body, today(req));
        return getApplication(ctx, req.params.id, today(req));
      }),
  );
  app.post(
    '/api/v1/applications/:id/withdraw',
    {
      config: { policy: applicant },
      schema: { tags, params: id, body: withdrawBody, response: { 200: applicationView } },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await withdrawApplication(ctx, req.params.id, req.body.reason);
        return getApplication(ctx, req.params.id, today(req));
      }),
  );
  app.get(
    '/api/v1/applications/:id/notice.pdf',
    { config: { policy: read }, schema: { tags, summary: 'The admission notice (PDF)', params: id } },
    async (req, reply) => {
      const model = await req.inOrg((ctx) => deps.documents.get(NOTICE_KIND)!.load(ctx, req.params.id));
      if (!model) throw notFound('notice');
      const name = `${model.title}-${model.number}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await renderPdf(model));
    },
  );
}
