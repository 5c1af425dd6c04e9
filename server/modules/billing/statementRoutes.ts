import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import {
  issueStatementBody,
  respondStatementBody,
  statementFigures,
  statementPeriod,
  statementSummary,
  statementsQuery,
  statementView,
} from '../../../common/schemas/statements.ts';
import type { App } from '../../platform/http/app-types.ts';
import { attachment } from '../../platform/http/xlsxDownload.ts';
import { issueStatement } from './issueStatement.ts';
import { resendStatement, respondStatement } from './respondStatement.ts';
import { MONEY, READ, TAGS } from './routeParts.ts';
import { computeStatement } from './statement.ts';
import { findStatements, getStatement, statementRow } from './statementQueries.ts';
import { statementWorkbook } from './statementWorkbook.ts';

const id = z.object({ id: z.uuid() });

export function statementRoutes(app: App) {
  app.get(
    '/api/v1/customers/:id/statement',
    {
      config: { policy: READ },
      schema: {
        tags: TAGS,
        summary: 'The customer’s account for a period, computed now (not issued)',
        params: id,
        querystring: statementPeriod,
        response: { 200: statementFigures },
      },
    },
    (req) => req.inOrg((ctx) => computeStatement(ctx, req.params.id, req.query.from, req.query.to)),
  );
  app.post(
    '/api/v1/customers/:id/statements',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Issue a statement for a period, and e-mail it if asked',
        params: id,
        body: issueStatementBody,
        response: { 201: statementView },
      },
    },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) =>
        getStatement(ctx, await issueStatement(ctx, req.params.id, req.body)),
      );
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/api/v1/statements',
    {
      config: { policy: READ },
      schema: { tags: TAGS, querystring: statementsQuery, response: { 200: pageOf(statementSummary) } },
    },
    (req) => req.inOrg((ctx) => findStatements(ctx, req.query)),
  );
  app.get(
    '/api/v1/statements/:id',
    { config: { policy: READ }, schema: { tags: TAGS, params: id, response: { 200: statementView } } },
    (req) => req.inOrg((ctx) => getStatement(ctx, req.params.id)),
  );
  app.get(
    '/api/v1/statements/:id/xlsx',
    { config: { policy: READ }, schema: { tags: TAGS, summary: 'The statement as .xlsx', params: id } },
    async (req, reply) => {
      const s = await req.inOrg((ctx) => statementRow(ctx, req.params.id));
      const body = await statementWorkbook(s);
      return attachment(reply, `对账单-${s.number}.xlsx`, `statement-${s.number}.xlsx`).send(body);
    },
  );
  app.post(
    '/api/v1/statements/:id/send',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'E-mail the statement with its PDF',
        params: id,
        response: { 200: statementView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await resendStatement(ctx, req.params.id);
        return getStatement(ctx, req.params.id);
      }),
  );
  app.post(
    '/api/v1/statements/:id/response',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Record the customer’s confirmation or dispute',
        params: id,
        body: respondStatementBody,
        response: { 200: statementView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const timeZone = req.auth!.org.timeZone;
        await respondStatement(ctx, req.params.id, req.body, { today: todayIn(timeZone), timeZone });
        return getStatement(ctx, req.params.id);
      }),
  );
}
