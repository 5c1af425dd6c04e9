import { PAYMENT_METHOD_LABELS } from '../../../common/billing/labels.ts';
import { formatYuan } from '../../../common/money.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import type { SettlementItemKind } from '../../../common/schemas/settlements.ts';
import { chineseDate, type DocumentModel } from '../../platform/documents/model.ts';
import type { DocumentKind } from '../../platform/documents/registry.ts';
import { orgFacts } from '../orgs/index.ts';
import { DUE_KINDS } from './settlementItems.ts';
import { getSettlement } from './settlementRead.ts';

const KIND_LABELS: Record<SettlementItemKind, string> = {
  pending: '截至终止日未出账费用',
  unpaid: '未付账款',
  credit: '应退（冲减）款项',
  deposit_unreceived: '未收保证金（不再收取）',
  penalty: '约定违约金',
  damage: '退租验收损坏赔偿',
  other: '其他扣款',
  customer_credit: '客户预收款余额',
  deduction: '保证金抵扣',
};

/** A planned charge that is negative is what was billed beyond the end, credited back. */
const kindLabel = (i: { kind: SettlementItemKind; amountFen: number }) =>
  i.kind === 'pending' && i.amountFen < 0 ? '终止日后已出账费用冲回' : KIND_LABELS[i.kind];

const STATUS_LABELS = {
  draft: '草稿（未确认）',
  confirmed: '已确认',
  refunded: '已退款',
  cancelled: '已作废',
};

/**
 * The settlement statement (结算单) of a contract: every item, the deposit and the result in figures and in
 * words, with signature lines for both parties.
 */
export const settlementDocument: DocumentKind = {
  kind: 'settlement-statement',
  roles: STAFF_ROLES,
  async load(ctx, id): Promise<DocumentModel | null> {
    const s = await getSettlement(ctx, id).catch(() => null);
    if (!s) return null;
    const org = await orgFacts(ctx);
    const owed = s.items.filter((i) => DUE_KINDS.includes(i.kind));
    const info = s.items.filter((i) => !DUE_KINDS.includes(i.kind) && i.kind !== 'deduction');
    const period = (i: { periodStart: string | null; periodEnd: string | null }) =>
      i.periodStart ? `${i.periodStart} 至 ${i.periodEnd}` : '—';
    const refund = s.resultFen >= 0;
    let section = 0;
    const heading = () => `${'一二三四'[section++]}、`;
    return {
      org: { name: org.name, address: org.address, footer: org.footer },
      title: '租赁合同结算单',
      number: s.number,
      date: s.asOf,
      blocks: [
        {
          type: 'fields',
          rows: [
            ['承租方', s.customerName],
            ['合同编号', s.contractNumber],
            ['合同终止日', chineseDate(s.endsOn)],
            ['退租验收日', s.movedOutOn ? chineseDate(s.movedOutOn) : '未记录'],
            ['结算日期', chineseDate(s.asOf)],
            ['状态', STATUS_LABELS[s.status]],
          ],
        },
        { type: 'heading', text: `${heading()}结算项目` },
        {
          type: 'table',
          columns: [
            { title: '类别', width: 1.1 },
            { title: '项目', width: 1.1 },
            { title: '期间', width: 1.1 },
            { title: '账单', width: 1.35 },
            { title: '说明', width: 1.2 },
            { title: '金额（元）', align: 'right', width: 1 },
          ],
          rows: owed.map((i) => [
            kindLabel(i),
            i.name,
            period(i),
            i.billNumber ?? '—',
            i.reason ?? '',
            formatYuan(i.amountFen),
          ]),
          footer: ['应付合计', '', '', '', '', formatYuan(s.dueFen)],
        },
        ...(info.length
          ? [
              { type: 'heading' as const, text: `${heading()}其他事项` },
              {
                type: 'table' as const,
                columns: [
                  { title: '类别' },
                  { title: '项目' },
                  { title: '金额（元）', align: 'right' as const },
                ],
                rows: info.map((i) => [kindLabel(i), i.name, formatYuan(i.amountFen)]),
              },
            ]
          : []),
        { type: 'heading', text: `${heading()}保证金与结算结果` },
        {
          type: 'fields',
          rows: [
            ['保证金余额', formatYuan(s.depositHeldFen)],
            ['客户预收款余额', formatYuan(s.customerCreditFen)],
            ['应付合计', formatYuan(s.dueFen)],
            ['保证金抵扣', formatYuan(s.deductedFen)],
          ],
        },
        { type: 'amount', label: '应付合计', fen: s.dueFen },
        { type: 'amount', label: '保证金余额', fen: s.depositHeldFen },
        {
          type: 'amount',
          label: refund ? '结算结果：应退还承租方' : '结算结果：承租方尚需支付',
          fen: Math.abs(s.resultFen),
        },
        ...(s.customerCreditFen > 0
          ? [
              {
                type: 'paragraph' as const,
                text: `其中客户预收款余额 ${formatYuan(s.customerCreditFen)} 仍为承租方预收款，可冲抵其他账单或另行办理退款；本结算单退还的是保证金余额。`,
              },
            ]
          : []),
        ...(s.status === 'refunded'
          ? [
              {
                type: 'paragraph' as const,
                text: `保证金 ${formatYuan(s.refundFen ?? 0)} 已于${chineseDate(s.refundedOn!)}以${
                  PAYMENT_METHOD_LABELS[s.refundMethod ?? 'other']
                }退还，凭证号 ${s.refundReference ?? '—'}。`,
              },
            ]
          : []),
        {
          type: 'paragraph',
          text: '双方确认以上结算项目及金额无误。保证金未用于抵作最后一期租金，另有约定的除外。',
        },
        {
          type: 'signatures',
          parties: [
            { title: '出租方（盖章）', name: org.name, seal: true },
            { title: '承租方（盖章）', name: s.customerName, seal: true },
            { title: '财务审核', name: s.confirmedByName ?? undefined },
          ],
        },
      ],
    };
  },
};
