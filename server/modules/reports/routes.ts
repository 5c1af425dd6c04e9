import { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import { LOCALES } from '../../../common/locale.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { customerReport as customerReportSchema } from '../../../common/schemas/customers.ts';
import type { App } from '../../platform/http/app-types.ts';
import { occupancyReport } from '../spaces/index.ts';
import { customerReport } from './customerReport.ts';
import { reportWorkbook } from './reportWorkbook.ts';

const read = STAFF_ROLES;
const tags = ['reports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportRoutes(app: App) {
  app.get(
    '/api/v1/reports/customers',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'Customers by status, industry and account manager; new customers per month (R2.3.3)',
        response: { 200: customerReportSchema },
      },
    },
    (req) => {
      const { timeZone } = req.auth!.org;
      return req.inOrg((ctx) => customerReport(ctx, todayIn(timeZone), timeZone));
    },
  );
  app.get(
    '/api/v1/reports/customers.xlsx',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'The customer report and occupancy by site as .xlsx, one sheet per table',
        // A plain download link cannot send the app's language as a header: it may come as `lang`.
        querystring: z.object({ lang: z.enum(LOCALES).optional() }),
      },
    },
    async (req, reply) => {
      const { timeZone } = req.auth!.org;
      const today = todayIn(timeZone);
      const [report, occupancy] = await req.inOrg(
        async (ctx) =>
          [await customerReport(ctx, today, timeZone), await occupancyReport(ctx, today)] as const,
      );
      const locale = req.query.lang ?? req.locale;
      const body = await reportWorkbook(report, occupancy.sites, locale);
      const name = locale === 'en' ? `customer-report-${today}.xlsx` : `客户报表-${today}.xlsx`;
      return reply
        .type(XLSX)
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="customer-report-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .send(body);
    },
  );
}
