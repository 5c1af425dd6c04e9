import { z } from 'zod';
import {
  allocationPreview,
  allocationPreviewQuery,
  balanceView,
  billingRunBody,
  billingRunPreview,
  billSummary,
  billsQuery,
  billView,
  closePeriodBody,
  paymentBody,
  paymentSummary,
  paymentsQuery,
  paymentView,
  periodLockView,
  reversePaymentBody,
} from '../../../common/schemas/billing.ts';
import { jobRunView } from '../../../common/schemas/jobs.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { Deps } from '../../platform/deps.ts';
import type { App } from '../../platform/http/app-types.ts';
import { presentRun } from '../../platform/jobs/present.ts';
import { runJobNow } from '../../platform/jobs/runner.ts';
import { billingJob } from './billingRun.ts';
import { sendBill } from './deliverBills.ts';
import { assertOpen, closePeriod, periodLockView as periodLockViewOf } from './periodLock.ts';
import {
  customerBalance,
  findBills,
  findPayments,
  getBill,
  getPayment,
  previewAllocation,
} from './queries.ts';
import { recordPayment } from './recordPayment.ts';
import { previewDue } from './repo.ts';
import { reversePayment } from './reversePayment.ts';
import { MONEY, READ, TAGS, today } from './routeParts.ts';

const id = z.object({ id: z.uuid() });

export function billingRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/billing/preview',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'What a billing run for the date would issue',
        querystring: billingRunBody,
        response: { 200: billingRunPreview },
      },
    },
    (req) => req.inOrg((ctx) => previewDue(ctx.tx, req.query.asOf)),
  );
  app.post(
    '/api/v1/billing/runs',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Run billing for a business date (idempotent)',
        body: billingRunBody,
        response: { 201: jobRunView },
      },
    },
    async (req, reply) => {
      const auth = req.auth!;
      await req.inOrg((ctx) => assertOpen(ctx, req.body.asOf, 'asOf'));
      const run = await runJobNow(deps.db, billingJob, auth.orgId, req.body.asOf, auth.userId);
      return reply.status(201).send(presentRun(run));
    },
  );
  app.get(
    '/api/v1/billing/period-lock',
    {
      config: { policy: READ },
      schema: { tags: TAGS, summary: 'Books closed through', response: { 200: periodLockView } },
    },
    (req) => req.inOrg((ctx) => periodLockViewOf(ctx)),
  );
  app.post(
    '/api/v1/billing/period-lock',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Close the books through a date (or, as an administrator, reopen)',
        body: closePeriodBody,
        response: { 200: periodLockView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await closePeriod(ctx, req.body, today(req));
        return periodLockViewOf(ctx);
      }),
  );
  app.get(
    '/api/v1/bills',
    {
      config: { policy: READ },
      schema: { tags: TAGS, querystring: billsQuery, response: { 200: pageOf(billSummary) } },
    },
    (req) => req.inOrg((ctx) => findBills(ctx, req.query, today(req))),
  );
  app.get(
    '/api/v1/bills/:id',
    { config: { policy: READ }, schema: { tags: TAGS, params: id, response: { 200: billView } } },
    (req) => req.inOrg((ctx) => getBill(ctx, req.params.id, today(req))),
  );
  app.post(
    '/api/v1/bills/:id/send',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'E-mail the bill with its PDF (again)',
        params: id,
        response: { 200: billView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await sendBill(ctx, req.params.id, today(req));
        return getBill(ctx, req.params.id, today(req));
      }),
  );
  app.get(
    '/api/v1/customers/:id/balance',
    { config: { policy: READ }, schema: { tags: TAGS, params: id, response: { 200: balanceView } } },
    (req) => req.inOrg((ctx) => customerBalance(ctx, req.params.id, today(req))),
  );
  app.get(
    '/api/v1/payments',
    {
      config: { policy: READ },
      schema: { tags: TAGS, querystring: paymentsQuery, response: { 200: pageOf(paymentSummary) } },
    },
    (req) => req.inOrg((ctx) => findPayments(ctx, req.query)),
  );
  app.get(
    '/api/v1/payments/allocation-preview',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'What a payment would settle',
        querystring: allocationPreviewQuery,
        response: { 200: allocationPreview },
      },
    },
    (req) => req.inOrg((ctx) => previewAllocation(ctx, req.query.customerId, req.query.amountFen)),
  );
  app.get(
    '/api/v1/payments/:id',
    { config: { policy: READ }, schema: { tags: TAGS, params: id, response: { 200: paymentView } } },
    (req) => req.inOrg((ctx) => getPayment(ctx, req.params.id)),
  );
  app.post(
    '/api/v1/payments',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Record a payment; the same idempotency key twice records one',
        body: paymentBody,
        response: { 200: paymentView, 201: paymentView },
      },
    },
    async (req, reply) => {
      const { view, created } = await req.inOrg(async (ctx) => {
        const r = await recordPayment(ctx, req.body, today(req));
        return { view: await getPayment(ctx, r.id), created: r.created };
      });
      return reply.status(created ? 201 : 200).send(view);
    },
  );
  app.post(
    '/api/v1/payments/:id/reverse',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Reverse a payment; what it paid is open again',
        params: id,
        body: reversePaymentBody,
        response: { 200: paymentView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await reversePayment(ctx, req.params.id, req.body, today(req));
        return getPayment(ctx, req.params.id);
      }),
  );
}
