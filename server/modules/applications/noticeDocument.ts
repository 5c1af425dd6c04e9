import Decimal from 'decimal.js';
import { INTENDED_USE_LABELS, RENT_BASIS_LABELS } from '../../../common/applications/labels.ts';
import { UNIT_TYPE_LABELS } from '../../../common/labels.ts';
import { STAFF_ROLES } from '../../../common/roles.ts';
import type { ProposedTerms } from '../../../common/schemas/applications.ts';
import { chineseDate, type DocumentModel } from '../../platform/documents/model.ts';
import type { DocumentKind } from '../../platform/documents/registry.ts';
import { NOTICE_KIND } from './issueNotice.ts';
import { listApplications, unitsByIds } from './repo.ts';
import { orgFacts } from './settings.ts';

/** "0.00035" -> "0.035%": exact, as the contract will say it. */
const percent = (fraction: string) => `${new Decimal(fraction).mul(100).toFixed()}%`;
const dailyRate = (fraction: string) => `每日${percent(fraction)}`;

function termsRows(t: ProposedTerms): [string, string][] {
  return [
    ['租金', `${t.price} ${RENT_BASIS_LABELS[t.rentBasis]['zh-CN']}`],
    ['付款周期', `每 ${t.paymentCycleMonths} 个月支付一次`],
    ['保证金', `${t.depositMonths} 个月租金`],
    ['免租期', t.rentFreeMonths ? `${t.rentFreeMonths} 个月` : '无'],
    ['租金年递增', Number(t.yearlyIncrease) ? percent(t.yearlyIncrease) : '不递增'],
    ['逾期付款违约金', `逾期金额的${dailyRate(t.penaltyRatePerDay)}`],
  ];
}

/** The notice as a document: rendered to PDF for the mail and the download, and to HTML for printing. */
export const admissionNoticeDocument: DocumentKind = {
  kind: NOTICE_KIND,
  roles: STAFF_ROLES,
  async load(ctx, id): Promise<DocumentModel | null> {
    const [a] = await listApplications(ctx.tx, { id, limit: 1 });
    if (!a?.noticeNumber || !a.noticeIssuedOn || !a.noticeSignBy) return null;
    const org = await orgFacts(ctx);
    const units = await unitsByIds(ctx.tx, a.unitIds);
    const space = units.length
      ? units.map((u) => `${u.siteName}${u.buildingName} ${u.code}（建筑面积 ${u.grossArea} ㎡）`).join('；')
      : `${UNIT_TYPE_LABELS[a.spaceType as 'office']['zh-CN']} ${a.areaMin}–${a.areaMax} ㎡${a.buildingName ? `，${a.siteName ?? ''}${a.buildingName}` : a.siteName ? `，${a.siteName}` : ''}（具体房源以合同为准）`;
    return {
      org: { name: org.name, address: org.address, footer: org.footer },
      title: '租赁准入通知书',
      number: a.noticeNumber,
      date: a.noticeIssuedOn,
      blocks: [
        { type: 'paragraph', text: `致：${a.customerName}` },
        {
          type: 'paragraph',
          text: `贵司提交的空间租赁申请（编号 ${a.number}）经我司业务、法务、财务部门联合审核，并经管理层审批，现予准入。准入事项如下：`,
        },
        {
          type: 'fields',
          rows: [
            ['承租方', a.customerName],
            ['统一社会信用代码', a.customerUscc],
            ['租赁空间', space],
            ['用途', INTENDED_USE_LABELS[a.intendedUse as 'office']['zh-CN']],
            ['起租日期', chineseDate(a.startDate)],
            ['租赁期限', `${a.termMonths} 个月`],
            ...termsRows(a.terms),
            ['签约截止日期', chineseDate(a.noticeSignBy)],
          ],
        },
        {
          type: 'paragraph',
          text: `请贵司于${chineseDate(a.noticeSignBy)}前携带营业执照等资质文件原件与我司签订正式租赁合同。逾期未签约的，本通知书自动失效，为贵司预留的房源将予以释放。`,
        },
        {
          type: 'signatures',
          parties: [{ title: '出租方（盖章）', name: org.name, seal: true, date: a.noticeIssuedOn }],
        },
      ],
    };
  },
};
