import Decimal from 'decimal.js';
import { INTENDED_USE_LABELS, RENT_BASIS_LABELS } from '../../../common/applications/labels.ts';
import { AREA_BASIS_LABELS } from '../../../common/contracts/labels.ts';
import { depositsFen, monthPropertyFeeFen, monthRentFen, rentOf } from '../../../common/contracts/rent.ts';
import { todayIn } from '../../../common/dates.ts';
import { amountInWords, formatYuan } from '../../../common/money.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import type { ContractTerms } from '../../../common/schemas/contracts.ts';
import { chineseDate, type DocumentModel } from '../../platform/documents/model.ts';
import type { DocumentKind } from '../../platform/documents/registry.ts';
import { orgFacts } from '../orgs/index.ts';
import { unitFacts } from '../spaces/index.ts';
import { versionOn } from './lifecycle.ts';
import { dayInTerm, unitsOf } from './present.ts';
import { listContracts, templateById, versionsOf } from './repo.ts';
import { mergeClauses } from './templates.ts';

export const CONTRACT_KIND = 'lease-contract';

const percent = (fraction: string) => `${new Decimal(fraction).mul(100).toFixed()}%`;
const yuan = (fen: number) => `${formatYuan(fen)} 元（${amountInWords(fen)}）`;
const CYCLE: Record<number, string> = {
  1: '按月支付',
  3: '按季度支付（每三个月）',
  6: '按半年支付',
  12: '按年支付',
};

function capText(cap: ContractTerms['lateFee']['cap']) {
  if (cap === 'principal') return '违约金总额以逾期金额为限';
  if (cap === 'none') return '违约金不设上限';
  return `违约金总额以逾期金额的${percent(cap)}为限`;
}

function scheduleRows(t: ContractTerms): [string, string][] {
  return [
    ['支付周期', CYCLE[t.billingCycleMonths] ?? `每 ${t.billingCycleMonths} 个月支付`],
    ['付款日', t.dueDaysBeforePeriod ? `每期开始前 ${t.dueDaysBeforePeriod} 日` : '每期首日'],
    [
      '免租期',
      t.rentFree.length
        ? t.rentFree.map((r) => `${chineseDate(r.from)}至${chineseDate(r.to)}`).join('；')
        : '无',
    ],
    [
      '租金调整',
      t.escalations.length
        ? t.escalations
            .map((e) =>
              e.kind === 'percent'
                ? `${chineseDate(e.from)}起上调${percent(e.value)}`
                : `${chineseDate(e.from)}起单价调整为 ${e.value} 元`,
            )
            .join('；')
        : '租期内不调整',
    ],
  ];
}

/** The lease contract (R3.1.2) as a document: parties, premises with billing areas, money in figures and words. */
export const contractDocument: DocumentKind = {
  kind: CONTRACT_KIND,
  roles: STAFF_ROLES,
  async load(ctx, id): Promise<DocumentModel | null> {
    const [c] = await listContracts(ctx.tx, { id, limit: 1 });
    if (!c) return null;
    const org = await orgFacts(ctx);
    const today = todayIn(org.timeZone);
    const versions = await versionsOf(ctx.tx, [c.id]);
    const v = versionOn(versions, dayInTerm(c, today));
    const t = v.terms;
    const live = new Map(
      (await unitFacts(ctx.tx, v.snapshot ? [] : t.units.map((u) => u.unitId))).map((u) => [u.id, u]),
    );
    const units = unitsOf(v, live);
    const daysPerYear = v.snapshot?.settings.daysPerYear ?? org.settings.billing.daysPerYear;
    const customer = v.snapshot?.customer ?? { name: c.customerName, uscc: c.customerUscc };
    const template = await templateById(ctx.tx, c.templateId);
    const totalArea = units.reduce((s, u) => s.add(u.billingArea), new Decimal(0)).toFixed(2);
    const rent = monthRentFen(t, units, dayInTerm(c, today), daysPerYear);
    const fee = monthPropertyFeeFen(t, units);
    const deposits = depositsFen(t, units, daysPerYear);
    const clauses = mergeClauses(t.clauses, {
      出租方: org.name,
      承租方: customer.name,
      统一社会信用代码: customer.uscc,
      租赁房源: units.map((u) => `${u.siteName}${u.buildingName}${u.code}`).join('、'),
      计租面积: totalArea,
      租赁用途: INTENDED_USE_LABELS[t.use]['zh-CN'],
      起租日期: chineseDate(t.startDate),
      结束日期: chineseDate(t.endDate),
      逾期违约金日比例: percent(t.lateFee.dailyRate),
      宽限天数: String(t.lateFee.graceDays),
    });
    const signed = Boolean(c.signedOn);
    return {
      org: { name: org.name, address: org.address, footer: org.footer },
      title: template?.title ?? '房屋租赁合同',
      number: c.number,
      date: c.signedOn ?? today,
      blocks: [
        ...(signed
          ? []
          : [{ type: 'paragraph' as const, text: '【草稿】本合同尚未签署，仅供双方确认条款。' }]),
        {
          type: 'fields',
          rows: [
            ['出租方（甲方）', org.name],
            ['承租方（乙方）', customer.name],
            ['统一社会信用代码', customer.uscc],
            ['租赁用途', INTENDED_USE_LABELS[t.use]['zh-CN']],
            ['租赁期限', `${chineseDate(t.startDate)}至${chineseDate(t.endDate)}`],
            ['计租面积依据', AREA_BASIS_LABELS[t.areaBasis]['zh-CN']],
          ],
        },
        { type: 'heading', text: '租赁房源' },
        {
          type: 'table',
          columns: [
            { title: '房源' },
            { title: '位置' },
            { title: '产权证号' },
            { title: '计租面积（㎡）', align: 'right' },
            { title: '租金标准', align: 'right' },
          ],
          rows: units.map((u) => {
            const r = rentOf(t, u.unitId);
            return [
              u.code,
              `${u.siteName}${u.buildingName} ${u.floor < 0 ? `B${-u.floor}` : `${u.floor}`}层`,
              u.certificateNo ?? '—',
              u.billingArea,
              `${r.price} ${RENT_BASIS_LABELS[r.basis]['zh-CN']}（${r.taxInclusive ? '含税' : '不含税'}，税率${percent(r.vatRate)}）`,
            ];
          }),
          footer: ['合计', '', '', totalArea, ''],
        },
        { type: 'heading', text: '租金与费用' },
        { type: 'amount', label: '月租金（含税）', fen: rent },
        ...(t.propertyFee
          ? [
              { type: 'amount' as const, label: '月物业服务费（含税）', fen: fee },
              {
                type: 'paragraph' as const,
                text: `物业服务费按计租面积每平方米每月 ${t.propertyFee.pricePerSqmMonth} 元（${t.propertyFee.taxInclusive ? '含税' : '不含税'}，税率${percent(t.propertyFee.vatRate)}）计收${t.rentFreeAppliesToPropertyFee ? '，免租期内一并免收' : '，免租期内照常收取'}。`,
              },
            ]
          : []),
        ...t.otherCharges.map((o) => ({
          type: 'paragraph' as const,
          text: `${o.name}：每月 ${o.monthlyAmount} 元（${o.taxInclusive ? '含税' : '不含税'}，税率${percent(o.vatRate)}），不适用免租期。`,
        })),
        { type: 'fields', rows: scheduleRows(t) },
        { type: 'heading', text: '保证金' },
        {
          type: 'paragraph',
          text: `租赁保证金 ${yuan(deposits.rent)}${'months' in t.deposit ? `（${t.deposit.months} 个月租金）` : ''}${deposits.propertyFee ? `；物业服务费保证金 ${yuan(deposits.propertyFee)}` : ''}，于签约时一次付清。`,
        },
        { type: 'heading', text: '逾期付款违约金' },
        {
          type: 'paragraph',
          text: `乙方逾期付款的，宽限 ${t.lateFee.graceDays} 日；宽限期满次日起，按逾期金额每日${percent(t.lateFee.dailyRate)}计收逾期付款违约金，${capText(t.lateFee.cap)}。`,
        },
        { type: 'heading', text: '合同条款' },
        ...clauses
          .split(/\n{2,}/)
          .map((p) => p.trim())
          .filter(Boolean)
          .map((text) => ({ type: 'paragraph' as const, text })),
        {
          type: 'signatures',
          parties: [
            {
              title: '出租方（甲方，盖章）',
              name: org.name,
              seal: true,
              ...(c.signedOn ? { date: c.signedOn } : {}),
            },
            {
              title: '承租方（乙方，盖章）',
              name: customer.name,
              seal: true,
              ...(c.signedOn ? { date: c.signedOn } : {}),
            },
          ],
        },
      ],
    };
  },
};
