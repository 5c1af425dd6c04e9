import type { Role } from '../../../common/roles.ts';
import {
  agingExportQuery,
  agingQuery,
  agingReport as agingReportSchema,
  collectionExportQuery,
  collectionQuery,
  collectionReport as collectionReportSchema,
  feeLedger as feeLedgerSchema,
  feesExportQuery,
  feesQuery,
} from '../../../common/schemas/billingReports.ts';
import type { App } from '../../platform/http/app-types.ts';
import { agingReport } from './agingReport.ts';
import { collectionReport } from './collectionReport.ts';
import { feeLedger } from './feeLedger.ts';
import { sendAgingWorkbook, sendCollectionWorkbook, sendFeesWorkbook } from './reportExports.ts';
import { today } from './routeParts.ts';

/** Receivables reports are finance's and management's (and the administrators'). */
export const REPORT_READERS: readonly Role[] = ['admin', 'finance', 'management'];
const policy = REPORT_READERS;
const tags = ['reports'];
/** An export walks the customer grouping in large pages: each page is one aggregate over the lines. */
const EXPORT_PAGE = 5_000;

export function billingReportRoutes(app: App) {
  app.get(
    '/api/v1/reports/aging',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Receivables aging as of a date by customer (paged), account manager or site (R5.2.3)',
        querystring: agingQuery,
        response: { 200: agingReportSchema },
      },
    },
    (req) => req.inOrg((ctx) => agingReport(ctx, req.query, today(req))),
  );
  app.get(
    '/api/v1/reports/aging.xlsx',
    {
      config: { policy },
      schema: { tags, summary: 'The aging report as .xlsx', querystring: agingExportQuery },
    },
    (req, reply) => {
      const { lang, ...q } = req.query;
      const asOf = q.asOf ?? today(req);
      return sendAgingWorkbook(reply, lang ?? req.locale, q.groupBy, asOf, (cursor) =>
        req.inOrg((ctx) => agingReport(ctx, { ...q, asOf, cursor, limit: EXPORT_PAGE }, asOf)),
      );
    },
  );
  app.get(
    '/api/v1/reports/collection',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Rent collection by month and site: billed, collected, outstanding, rate (R5.2.2)',
        querystring: collectionQuery,
        response: { 200: collectionReportSchema },
      },
    },
    (req) => req.inOrg((ctx) => collectionReport(ctx, req.query, today(req))),
  );
  app.get(
    '/api/v1/reports/collection.xlsx',
    {
      config: { policy },
      schema: { tags, summary: 'The rent collection report as .xlsx', querystring: collectionExportQuery },
    },
    async (req, reply) => {
      const { lang, ...q } = req.query;
      const report = await req.inOrg((ctx) => collectionReport(ctx, q, today(req)));
      return sendCollectionWorkbook(reply, lang ?? req.locale, report);
    },
  );
  app.get(
    '/api/v1/reports/fees',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'Other fees by type and month: incurred, collected, outstanding (R5.1.3)',
        querystring: feesQuery,
        response: { 200: feeLedgerSchema },
      },
    },
    (req) => req.inOrg((ctx) => feeLedger(ctx, req.query, today(req))),
  );
  app.get(
    '/api/v1/reports/fees.xlsx',
    {
      config: { policy },
      schema: { tags, summary: 'The other fees ledger as .xlsx', querystring: feesExportQuery },
    },
    async (req, reply) => {
      const { lang, ...q } = req.query;
      const report = await req.inOrg((ctx) => feeLedger(ctx, q, today(req)));
      return sendFeesWorkbook(reply, lang ?? req.locale, report);
    },
  );
}
