import { PAYMENT_METHOD_LABELS } from '../../../common/billing/labels.ts';
import { formatYuan } from '../../../common/money.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import type { StatementEntry } from '../../../common/schemas/statements.ts';
import { chineseDate, type DocumentModel } from '../../platform/documents/model.ts';
import type { DocumentKind } from '../../platform/documents/registry.ts';
import { orgFacts } from '../orgs/index.ts';
import { lineName } from './documents.ts';
import { STATEMENT_KIND } from './issueStatement.ts';
import { statementById } from './statementRepo.ts';

/** What an entry is, in the words of the printed statement and its spreadsheet. */
export function entryText(e: StatementEntry): string {
  if (e.kind === 'payment')
    return `收款（${e.method ? PAYMENT_METHOD_LABELS[e.method] : ''}${e.reference ? ` ${e.reference}` : ''}）`;
  if (e.kind === 'reversal') return `收款冲销${e.reference ? `（${e.reference}）` : ''}`;
  const name = lineName({
    chargeType: e.chargeType ?? 'other',
    name: e.name ?? '',
    kind: e.lineKind ?? 'charge',
  });
  return [name, e.unitCode, e.periodStart ? `${e.periodStart} 至 ${e.periodEnd}` : null]
    .filter(Boolean)
    .join(' ');
}

const balanceText = (fen: number) => (fen >= 0 ? formatYuan(fen) : `预收 ${formatYuan(-fen)}`);

/** The statement (对账单) as issued: brought forward, every movement with the running balance, carried forward. */
export const statementDocument: DocumentKind = {
  kind: STATEMENT_KIND,
  roles: STAFF_ROLES,
  async load(ctx, id): Promise<DocumentModel | null> {
    const s = await statementById(ctx.tx, id).catch(() => null);
    if (!s) return null;
    const org = await orgFacts(ctx);
    const debit = s.entries.reduce((n, e) => n + e.debitFen, 0);
    const credit = s.entries.reduce((n, e) => n + e.creditFen, 0);
    return {
      org: { name: org.name, address: org.address, footer: org.footer },
      title: '客户对账单',
      number: s.number,
      date: s.to,
      blocks: [
        {
          type: 'fields',
          rows: [
            ['客户', s.customerName],
            ['对账期间', `${chineseDate(s.from)} 至 ${chineseDate(s.to)}`],
            ['期初余额（元）', balanceText(s.openingFen)],
            ['期末余额（元）', balanceText(s.closingFen)],
          ],
        },
        {
          type: 'table',
          columns: [
            { title: '日期', width: 1.1 },
            { title: '单据号', width: 1.7 },
            { title: '摘要', width: 3.2 },
            { title: '应收（元）', align: 'right', width: 1.2 },
            { title: '已收（元）', align: 'right', width: 1.2 },
            { title: '余额（元）', align: 'right', width: 1.4 },
          ],
          rows: [
            ['', '', '期初余额', '', '', balanceText(s.openingFen)],
            ...s.entries.map((e) => [
              e.date,
              e.document,
              entryText(e),
              e.debitFen ? formatYuan(e.debitFen) : '',
              e.creditFen ? formatYuan(e.creditFen) : '',
              balanceText(e.balanceFen),
            ]),
          ],
          footer: ['', '', '本期合计', formatYuan(debit), formatYuan(credit), balanceText(s.closingFen)],
        },
        s.closingFen >= 0
          ? { type: 'amount', label: '期末应付余额', fen: s.closingFen }
          : { type: 'amount', label: '期末预收余额', fen: -s.closingFen },
        {
          type: 'paragraph',
          text: '请贵司核对上述往来。如核对无误，请在“客户确认”处签字盖章后交回；如有不符，请注明不符事项及金额，于收到本对账单后 10 日内告知我司。',
        },
        {
          type: 'signatures',
          parties: [
            { title: '出具单位（盖章）', name: org.name, seal: true },
            { title: '客户确认（盖章）', name: s.customerName, seal: true },
          ],
        },
      ],
    };
  },
};
