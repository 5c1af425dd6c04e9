import { z } from 'zod';
import { CHARGE_TYPE_LABELS } from '../../../common/billing/labels.ts';
import {
  type InvoicingLine,
  invoiceBody,
  invoiceSummary,
  invoicesQuery,
  invoiceView,
  invoicingLine,
  invoicingQuery,
  voidInvoiceBody,
} from '../../../common/schemas/invoices.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { App } from '../../platform/http/app-types.ts';
import { type SheetColumn, streamList } from '../../platform/http/xlsxDownload.ts';
import { findInvoices, findInvoicingLines, getInvoice } from './invoiceQueries.ts';
import { recordInvoice, voidInvoice } from './recordInvoice.ts';
import { MONEY, READ, TAGS, today } from './routeParts.ts';

const id = z.object({ id: z.uuid() });
const yuan = (fen: number) => fen / 100;
const money = (header: string, value: (l: InvoicingLine) => number): SheetColumn<InvoicingLine> => ({
  header,
  width: 14,
  numFmt: '#,##0.00',
  value: (l) => yuan(value(l)),
});

/**
 * What the invoicing tool needs for each line (DOMAIN.md): in Chinese, as the tool and the tax office read
 * it, whatever the user's language.
 */
const COLUMNS: SheetColumn<InvoicingLine>[] = [
  { header: '购买方名称', width: 30, value: (l) => l.buyerName },
  { header: '纳税人识别号', width: 22, value: (l) => l.buyerTaxId },
  { header: '账单号', width: 20, value: (l) => l.billNumber },
  { header: '合同编号', width: 20, value: (l) => l.contractNumber },
  { header: '费用类型', width: 12, value: (l) => CHARGE_TYPE_LABELS[l.chargeType] },
  { header: '项目', width: 16, value: (l) => l.name },
  { header: '计费期间', width: 24, value: (l) => `${l.periodStart} 至 ${l.periodEnd}` },
  { header: '不动产地址', width: 40, value: (l) => l.propertyAddress },
  { header: '产权证书号', width: 22, value: (l) => l.certificateNo },
  {
    header: '面积（㎡）',
    width: 12,
    numFmt: '#,##0.00',
    value: (l) => (l.areaSqm ? Number(l.areaSqm) : null),
  },
  {
    header: '租赁期',
    width: 24,
    value: (l) => (l.leaseStart && l.leaseEnd ? `${l.leaseStart} 至 ${l.leaseEnd}` : null),
  },
  money('金额（不含税）', (l) => l.netFen),
  { header: '税率', width: 8, value: (l) => `${Number((Number(l.vatRate) * 100).toFixed(2))}%` },
  money('税额', (l) => l.taxFen),
  money('价税合计', (l) => l.totalFen),
  { header: '入账日期', width: 12, value: (l) => l.postingDate },
  { header: '已开发票号', width: 22, value: (l) => l.invoiceNumber },
];

export function invoiceRoutes(app: App) {
  app.get(
    '/api/v1/invoicing/lines',
    {
      config: { policy: READ },
      schema: {
        tags: TAGS,
        summary: 'Issued bill lines with what an invoice carries; by default those not invoiced yet',
        querystring: invoicingQuery,
        response: { 200: pageOf(invoicingLine) },
      },
    },
    (req) => req.inOrg((ctx) => findInvoicingLines(ctx, req.query)),
  );
  app.get(
    '/api/v1/invoicing/lines.xlsx',
    {
      config: { policy: READ },
      schema: {
        tags: TAGS,
        summary: 'The same lines as .xlsx for the invoicing tool',
        querystring: invoicingQuery.omit({ cursor: true, limit: true }),
      },
    },
    (req, reply) => {
      const day = today(req);
      return streamList(reply, {
        name: `开票明细-${day}.xlsx`,
        asciiName: `invoicing-${day}.xlsx`,
        sheetName: '开票明细',
        columns: COLUMNS,
        fetch: (cursor) => req.inOrg((ctx) => findInvoicingLines(ctx, { ...req.query, cursor, limit: 500 })),
      });
    },
  );
  app.post(
    '/api/v1/invoices',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Record an invoice the tax system issued, with the bill lines it covers',
        body: invoiceBody,
        response: { 201: invoiceView },
      },
    },
    async (req, reply) => {
      const view = await req.inOrg(async (ctx) =>
        getInvoice(ctx, await recordInvoice(ctx, req.body, today(req))),
      );
      return reply.status(201).send(view);
    },
  );
  app.get(
    '/api/v1/invoices',
    {
      config: { policy: READ },
      schema: { tags: TAGS, querystring: invoicesQuery, response: { 200: pageOf(invoiceSummary) } },
    },
    (req) => req.inOrg((ctx) => findInvoices(ctx, req.query)),
  );
  app.get(
    '/api/v1/invoices/:id',
    { config: { policy: READ }, schema: { tags: TAGS, params: id, response: { 200: invoiceView } } },
    (req) => req.inOrg((ctx) => getInvoice(ctx, req.params.id)),
  );
  app.post(
    '/api/v1/invoices/:id/void',
    {
      config: { policy: MONEY },
      schema: {
        tags: TAGS,
        summary: 'Void an invoice (作废 or 红冲): its lines can be invoiced again',
        params: id,
        body: voidInvoiceBody,
        response: { 200: invoiceView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        await voidInvoice(ctx, req.params.id, req.body);
        return getInvoice(ctx, req.params.id);
      }),
  );
}
