import { z } from 'zod';
import {
  approveChargeRequestBody,
  chargeRequestBody,
  chargeRequestsQuery,
  chargeRequestView,
  rejectChargeRequestBody,
} from '../../../common/schemas/charges.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { App } from '../../platform/http/app-types.ts';
import { findChargeRequests, getChargeRequest } from './chargeRequestQueries.ts';
import { approveChargeRequest, cancelChargeRequest, rejectChargeRequest } from './decideChargeRequest.ts';
import { raiseChargeRequest } from './raiseChargeRequest.ts';
import { MONEY, READ, TAGS, today } from './routeParts.ts';

const id = z.object({ id: z.uuid() });
/** Account managers, service staff (repairs) and finance raise charges; finance approves them. */
const RAISE = ['admin', 'finance', 'business', 'service'] as const;

export function chargeRequestRoutes(app: App) {
  app.post(
    '/api/v1/charge-requests',
    {
      config: { policy: RAISE },
      schema: {
        tags: TAGS,
        summary:
          'Raise a one-off charge or a correction of an issued line (posted at once under the threshold)',
        body: chargeRequestBody,
        response: { 201: chargeRequestView },
      },
    },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) =>
        getChargeRequest(ctx, await raiseChargeRequest(ctx, req.body, today(req))),
      );
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/api/v1/charge-requests',
    {
      config: { policy: READ },
      schema: { tags: TAGS, querystring: chargeRequestsQuery, response: { 200: pageOf(chargeRequestView) } },
    },
    (req) => req.inOrg((ctx) => findChargeRequests(ctx, req.query)),
  );
  app.get(
    '/api/v1/charge-requests/:id',
    { config: { policy: READ }, schema: { tags: TAGS, params: id, response: { 200: chargeRequestView } } },
    (req) => req.inOrg((ctx) => getChargeRequest(ctx, req.params.id)),
  );
  app.post(
    '/api/v1/charge-requests/:id/approve',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Approve and post the charge as a bill of its own',
        params: id,
        body: approveChargeRequestBody,
        response: { 200: chargeRequestView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await approveChargeRequest(ctx, req.params.id, req.body.note, today(req));
        return getChargeRequest(ctx, req.params.id);
      }),
  );
  app.post(
    '/api/v1/charge-requests/:id/reject',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        params: id,
        body: rejectChargeRequestBody,
        response: { 200: chargeRequestView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await rejectChargeRequest(ctx, req.params.id, req.body.note);
        return getChargeRequest(ctx, req.params.id);
      }),
  );
  app.post(
    '/api/v1/charge-requests/:id/cancel',
    {
      config: { policy: RAISE },
      schema: {
        tags: TAGS,
        summary: 'Withdraw a request that waits',
        params: id,
        response: { 200: chargeRequestView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await cancelChargeRequest(ctx, req.params.id);
        return getChargeRequest(ctx, req.params.id);
      }),
  );
}
