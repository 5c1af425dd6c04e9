import Decimal from 'decimal.js';
import { CHARGE_TYPE_LABELS, PAYMENT_METHOD_LABELS } from '../../../common/billing/labels.ts';
import { todayIn } from '../../../common/dates.ts';
import { formatYuan } from '../../../common/money.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { chineseDate, type DocumentModel } from '../../platform/documents/model.ts';
import type { DocumentKind } from '../../platform/documents/registry.ts';
import { orgFacts } from '../orgs/index.ts';
import { getBill, getPayment } from './queries.ts';

const percent = (rate: string) => `${new Decimal(rate).mul(100).toFixed()}%`;
/** A bill line's name as printed: the charge type, or the deposit's or other charge's own name. */
export const lineName = (l: { chargeType: keyof typeof CHARGE_TYPE_LABELS; name: string; kind: string }) => {
  const base =
    l.chargeType === 'deposit'
      ? l.name === 'property_fee'
        ? '物业服务费保证金'
        : '租赁保证金'
      : l.chargeType === 'other' && l.name
        ? l.name
        : CHARGE_TYPE_LABELS[l.chargeType];
  return l.kind === 'charge' ? base : `${base}（调整）`;
};

/** The receipt (收据) of a payment: who paid, how much in figures and words, what it settled. */
export const receiptDocument: DocumentKind = {
  kind: 'payment-receipt',
  roles: STAFF_ROLES,
  async load(ctx, id): Promise<DocumentModel | null> {
    const p = await getPayment(ctx, id).catch(() => null);
    if (!p) return null;
    const org = await orgFacts(ctx);
    // What it settled, one row a bill.
    const byBill = new Map<string, number>();
    for (const a of p.allocations) byBill.set(a.billNumber, (byBill.get(a.billNumber) ?? 0) + a.amountFen);
    const live = [...byBill].filter(([, fen]) => fen > 0);
    return {
      org: { name: org.name, address: org.address, footer: org.footer },
      title: '收据',
      number: p.number,
      date: p.receivedOn,
      blocks: [
        ...(p.status === 'reversed'
          ? [
              {
                type: 'paragraph' as const,
                text: `【已冲销】${p.reversedOn ?? ''} ${p.reversalReason ?? ''}`,
              },
            ]
          : []),
        {
          type: 'fields',
          rows: [
            ['交款单位', p.customerName],
            ['付款人', p.payerName ?? p.customerName],
            ['收款日期', chineseDate(p.receivedOn)],
            ['收款方式', PAYMENT_METHOD_LABELS[p.method]],
            ['凭证号', p.reference ?? '—'],
          ],
        },
        { type: 'amount', label: '收款金额', fen: p.amountFen },
        ...(live.length
          ? [
              { type: 'heading' as const, text: '冲抵账单' },
              {
                type: 'table' as const,
                columns: [{ title: '账单编号' }, { title: '冲抵金额', align: 'right' as const }],
                rows: live.map(([number, fen]) => [number, formatYuan(fen)]),
              },
            ]
          : []),
        ...(p.amountFen > p.allocatedFen
          ? [
              {
                type: 'paragraph' as const,
                text: `余额 ${formatYuan(p.amountFen - p.allocatedFen)} 转为预收款，用于冲抵以后的账单。`,
              },
            ]
          : []),
        {
          type: 'signatures',
          parties: [{ title: '收款单位（盖章）', name: org.name, seal: true }, { title: '经办人' }],
        },
      ],
    };
  },
};

/** The bill (账单) as sent to the customer: each line with its period, tax and total, and what is still due. */
export const billDocument: DocumentKind = {
  kind: 'bill',
  roles: STAFF_ROLES,
  async load(ctx, id): Promise<DocumentModel | null> {
    const org = await orgFacts(ctx);
    const today = todayIn(org.timeZone);
    const b = await getBill(ctx, id, today).catch(() => null);
    if (!b) return null;
    return {
      org: { name: org.name, address: org.address, footer: org.footer },
      title: '租赁费用账单',
      number: b.number,
      date: b.issuedOn,
      blocks: [
        {
          type: 'fields',
          rows: [
            ['客户', b.customerName],
            ['合同编号', b.contractNumber ?? '—'],
            ['出账日期', chineseDate(b.issuedOn)],
            ['付款截止日', chineseDate(b.dueDate)],
          ],
        },
        {
          type: 'table',
          columns: [
            { title: '项目' },
            { title: '房源' },
            { title: '期间' },
            { title: '不含税（元）', align: 'right' },
            { title: '税率', align: 'right' },
            { title: '税额（元）', align: 'right' },
            { title: '价税合计（元）', align: 'right' },
          ],
          rows: b.lines.map((l) => [
            lineName(l),
            l.unitCode ?? '—',
            `${l.periodStart} 至 ${l.periodEnd}`,
            formatYuan(l.netFen),
            percent(l.vatRate),
            formatYuan(l.taxFen),
            formatYuan(l.totalFen),
          ]),
          footer: ['合计', '', '', formatYuan(b.netFen), '', formatYuan(b.taxFen), formatYuan(b.totalFen)],
        },
        { type: 'amount', label: '本期应付', fen: b.totalFen },
        ...(b.paidFen + b.creditedFen > 0
          ? [{ type: 'amount' as const, label: '尚欠金额', fen: b.outstandingFen }]
          : []),
        {
          type: 'paragraph',
          text: `请于${chineseDate(b.dueDate)}前付款，付款时请注明账单编号 ${b.number}。逾期付款的，按合同约定计收逾期付款违约金。`,
        },
      ],
    };
  },
};
