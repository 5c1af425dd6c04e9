import type { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import {
  CUSTOMER_STATUS_LABELS,
  INDUSTRY_LABELS,
  PRICE_BASIS_LABELS,
  UNIT_STATUS_LABELS,
  UNIT_TYPE_LABELS,
} from '../../../common/labels.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { type customerSummary, customersQuery } from '../../../common/schemas/customers.ts';
import { unitsQuery, type unitView } from '../../../common/schemas/spaces.ts';
import type { App } from '../../platform/http/app-types.ts';
import { type SheetColumn, streamList } from '../../platform/http/xlsxDownload.ts';
import { findCustomers } from '../customers/index.ts';
import { findUnits } from '../spaces/index.ts';

/** Each staff role may export what it may read: the lists' own roles and filters. */
const read = STAFF_ROLES;
const PAGE = 500;
const tags = ['exports'];

type Unit = z.infer<typeof unitView>;
type Customer = z.infer<typeof customerSummary>;

/** The columns of the unit import, plus the status: an export can be edited and imported elsewhere. */
const UNIT_COLUMNS: SheetColumn<Unit>[] = [
  { header: '园区', width: 16, value: (u) => u.siteName },
  { header: '楼栋', width: 10, value: (u) => u.buildingName },
  { header: '单元编号', width: 10, value: (u) => u.code },
  { header: '类型', width: 8, value: (u) => UNIT_TYPE_LABELS[u.type]['zh-CN'] },
  { header: '楼层', width: 8, value: (u) => (u.floor < 0 ? `B${-u.floor}` : String(u.floor)) },
  { header: '建筑面积', width: 11, numFmt: '#,##0.00', value: (u) => Number(u.grossArea) },
  { header: '套内面积', width: 11, numFmt: '#,##0.00', value: (u) => Number(u.insideArea) },
  { header: '使用面积', width: 11, numFmt: '#,##0.00', value: (u) => Number(u.usableArea) },
  { header: '挂牌价', width: 10, numFmt: '#,##0.00##', value: (u) => Number(u.listPrice) },
  { header: '计价方式', width: 14, value: (u) => PRICE_BASIS_LABELS[u.priceBasis]['zh-CN'] },
  { header: '状态', width: 8, value: (u) => UNIT_STATUS_LABELS[u.status]['zh-CN'] },
  { header: '状态截止', width: 12, value: (u) => u.statusTo },
  { header: '产权证号', width: 22, value: (u) => u.certificateNo },
  { header: '设施', width: 24, value: (u) => u.facilities.join('、') },
  { header: '备注', width: 24, value: (u) => u.notes },
  { header: '已停用', width: 8, value: (u) => (u.retired ? '是' : '') },
];

/** Dates are the organization's calendar dates, not UTC ones. */
const customerColumns = (timeZone: string): SheetColumn<Customer>[] => [
  { header: '客户名称', width: 32, value: (c) => c.name },
  { header: '统一社会信用代码', width: 22, value: (c) => c.uscc },
  { header: '状态', width: 10, value: (c) => CUSTOMER_STATUS_LABELS[c.status]['zh-CN'] },
  { header: '行业', width: 12, value: (c) => (c.industry ? INDUSTRY_LABELS[c.industry]['zh-CN'] : null) },
  { header: '客户经理', width: 12, value: (c) => c.accountManagerName },
  { header: '标签', width: 20, value: (c) => c.tags.join('、') },
  { header: '联系人', width: 12, value: (c) => c.primaryContact?.name ?? null },
  { header: '手机', width: 14, value: (c) => c.primaryContact?.mobile ?? null },
  { header: '创建日期', width: 12, value: (c) => todayIn(timeZone, new Date(c.createdAt)) },
];

export function exportRoutes(app: App) {
  app.get(
    '/api/v1/units/export.xlsx',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'The units list with the same filters, as .xlsx',
        querystring: unitsQuery.omit({ cursor: true, limit: true }),
      },
    },
    async (req, reply) => {
      const today = todayIn(req.auth!.org.timeZone);
      const f = {
        ...req.query,
        asOf: req.query.asOf ?? today,
        includeRetired: req.query.includeRetired === 'true',
      };
      return streamList(reply, {
        name: `单元列表-${today}.xlsx`,
        asciiName: `units-${today}.xlsx`,
        sheetName: '单元',
        columns: UNIT_COLUMNS,
        fetch: (cursor) => req.inOrg((ctx) => findUnits(ctx, { ...f, cursor, limit: PAGE })),
      });
    },
  );

  app.get(
    '/api/v1/customers/export.xlsx',
    {
      config: { policy: read },
      schema: {
        tags,
        summary: 'The customers list with the same filters and order, as .xlsx',
        querystring: customersQuery.omit({ cursor: true, limit: true }),
      },
    },
    async (req, reply) => {
      const today = todayIn(req.auth!.org.timeZone);
      return streamList(reply, {
        name: `客户列表-${today}.xlsx`,
        asciiName: `customers-${today}.xlsx`,
        sheetName: '客户',
        columns: customerColumns(req.auth!.org.timeZone),
        // findCustomers takes 200 a page at most from the web; the export asks for more.
        fetch: (cursor) => req.inOrg((ctx) => findCustomers(ctx, { ...req.query, cursor, limit: PAGE })),
      });
    },
  );
}
