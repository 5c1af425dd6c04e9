import type { z } from 'zod';
import { CONTRACT_EVENT_LABELS, CONTRACT_STATUS_LABELS } from '../../../common/contracts/labels.ts';
import type { Locale } from '../../../common/locale.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { contractsQuery, ledgerEntry } from '../../../common/schemas/contracts.ts';
import { pageOf } from '../../../common/schemas/paging.ts';
import type { App } from '../../platform/http/app-types.ts';
import { type SheetColumn, streamList } from '../../platform/http/xlsxDownload.ts';
import { findLedger } from './queries.ts';

type Entry = z.output<typeof ledgerEntry>;
const tags = ['contracts'];

/** The ledger's columns in the reader's language; amounts in yuan with two decimals. */
function columns(locale: Locale): SheetColumn<Entry>[] {
  const zh = locale !== 'en';
  const events = (e: Entry) =>
    e.events
      .map((x) => `${x.onDate} ${CONTRACT_EVENT_LABELS[x.kind]?.[locale] ?? x.kind}`)
      .join(zh ? '；' : '; ');
  return [
    { header: zh ? '合同编号' : 'Contract', width: 18, value: (e) => e.number },
    { header: zh ? '客户' : 'Customer', width: 30, value: (e) => e.customer.name },
    { header: zh ? '房源' : 'Units', width: 18, value: (e) => e.unitCodes.join(zh ? '、' : ', ') },
    { header: zh ? '起租日期' : 'Start', width: 12, value: (e) => e.startDate },
    { header: zh ? '结束日期' : 'End', width: 12, value: (e) => e.endDate },
    {
      header: zh ? '月租金（含税，元）' : 'Monthly rent (incl. VAT, yuan)',
      width: 16,
      numFmt: '#,##0.00',
      value: (e) => e.monthlyRentFen / 100,
    },
    { header: zh ? '状态' : 'Status', width: 10, value: (e) => CONTRACT_STATUS_LABELS[e.status][locale] },
    { header: zh ? '签约日期' : 'Signed', width: 12, value: (e) => e.signedOn },
    { header: zh ? '交付日期' : 'Handed over', width: 12, value: (e) => e.handedOverOn },
    { header: zh ? '解除日期' : 'Terminated', width: 12, value: (e) => e.terminatedOn },
    { header: zh ? '保管人' : 'Custodian', width: 12, value: (e) => e.custodian?.name ?? null },
    { header: zh ? '存放位置' : 'Archive location', width: 20, value: (e) => e.archiveLocation },
    {
      header: zh ? '逾期占用' : 'Holding over',
      width: 10,
      value: (e) => (e.holdingOver ? (zh ? '是' : 'yes') : ''),
    },
    { header: zh ? '客户经理' : 'Account manager', width: 12, value: (e) => e.accountManager?.name ?? null },
    { header: zh ? '台账记录' : 'Events', width: 60, value: events },
  ];
}

/** The contract ledger (合同台账, R3.1.4) as a page and as a streamed .xlsx with the same filters. */
export function ledgerRoutes(
  app: App,
  today: (req: { auth: { org: { timeZone: string } } | null }) => string,
) {
  app.get(
    '/api/v1/contract-ledger',
    {
      config: { policy: STAFF_ROLES },
      schema: {
        tags,
        summary: 'The contract ledger',
        querystring: contractsQuery,
        response: { 200: pageOf(ledgerEntry) },
      },
    },
    (req) => req.inOrg((ctx) => findLedger(ctx, req.query, today(req))),
  );
  app.get(
    '/api/v1/contract-ledger.xlsx',
    {
      config: { policy: STAFF_ROLES },
      schema: {
        tags,
        summary: 'The contract ledger as .xlsx',
        querystring: contractsQuery.omit({ cursor: true, limit: true }),
      },
    },
    async (req, reply) => {
      const day = today(req);
      const zh = req.locale !== 'en';
      return streamList(reply, {
        name: `${zh ? '合同台账' : 'contract-ledger'}-${day}.xlsx`,
        asciiName: `contract-ledger-${day}.xlsx`,
        sheetName: zh ? '合同台账' : 'Contract ledger',
        columns: columns(req.locale),
        fetch: (cursor) => req.inOrg((ctx) => findLedger(ctx, { ...req.query, cursor, limit: 200 }, day)),
      });
    },
  );
}
