import type { z } from 'zod';
import type { templateBody } from '../../../common/schemas/contracts.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { insertTemplate, latestTemplate, listTemplates, lockTemplates, type TemplateRow } from './repo.ts';

/** The merge fields a template may use; the contract document fills them from the signed terms. */
export const MERGE_FIELDS = [
  '出租方',
  '承租方',
  '统一社会信用代码',
  '租赁房源',
  '计租面积',
  '租赁用途',
  '起租日期',
  '结束日期',
  '逾期违约金日比例',
  '宽限天数',
] as const;

const COMMON = `第一条 租赁房源
出租方{{出租方}}将位于{{租赁房源}}的房屋出租给承租方{{承租方}}（统一社会信用代码：{{统一社会信用代码}}），计租面积共计{{计租面积}}平方米。

第二条 租赁用途
承租方承诺该房屋仅用于{{租赁用途}}。未经出租方书面同意，承租方不得改变房屋用途，不得将房屋全部或部分转租、转借他人（《民法典》第七百一十五条、第七百一十六条）。

第三条 租赁期限
租赁期限自{{起租日期}}起至{{结束日期}}止。租赁期限届满，承租方需继续承租的，应于期满前九十日书面提出，同等条件下享有优先承租权。

第四条 租金、物业服务费及支付方式
租金标准、计费周期、免租期、递增及其他费用以本合同“租金与费用”部分为准。承租方应于每期开始前按约定日期足额支付，出租方收款后开具增值税发票。

第五条 保证金
承租方应于签约时支付保证金。租赁期满或合同解除后，承租方结清全部租金、费用并办理退租验收手续后，出租方于十个工作日内无息退还保证金余额，并提供结算明细。

第六条 逾期付款违约责任
承租方逾期支付租金或其他费用的，自约定付款日后第{{宽限天数}}日的次日起，每日按逾期金额的{{逾期违约金日比例}}向出租方支付逾期付款违约金。承租方欠付租金的，出租方可以书面催告其在合理期限内支付；逾期仍不支付的，出租方可以解除合同（《民法典》第七百二十二条）。

第七条 房屋交付与返还
出租方应按约定日期将房屋及约定设施交付承租方，双方签署交付确认书。合同终止时，承租方应将房屋恢复原状（正常损耗除外）返还出租方，双方办理退租验收。

第八条 维修与使用
出租方负责房屋主体结构及公共设施的维修；承租方应合理使用房屋及设施，因使用不当造成损坏的，由承租方负责修复或赔偿。

第九条 合同变更与解除
本合同的任何变更须经双方协商一致并签订书面补充协议。因不可抗力致使合同不能履行的，双方协商解除合同并各自承担相应损失。

第十条 争议解决
因本合同引起的争议，双方协商解决；协商不成的，提交房屋所在地人民法院诉讼解决。`;

const DEFAULTS: Record<string, { title: string; clauses: string }> = {
  office: { title: '办公用房租赁合同', clauses: COMMON },
  warehouse: {
    title: '仓储用房租赁合同',
    clauses: `${COMMON}

第十一条 仓储安全
承租方应遵守消防及安全生产规定，不得存放易燃、易爆、有毒等危险物品；货物的保管责任由承租方自行承担。`,
  },
};

/** The organization's latest template of a kind; the first use creates version 1 from the built-in text. */
export async function templateFor(ctx: Ctx, kind: 'office' | 'warehouse'): Promise<TemplateRow> {
  const found = await latestTemplate(ctx.tx, kind);
  if (found) return found;
  // Two first drafts at once: the second waits here and finds the first one's version 1.
  await lockTemplates(ctx.tx, ctx.orgId);
  const created = await latestTemplate(ctx.tx, kind);
  if (created) return created;
  const d = DEFAULTS[kind]!;
  return insertTemplate(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    kind,
    version: 1,
    title: d.title,
    clauses: d.clauses,
    createdBy: null,
  });
}

/** A new version of a template; contracts drafted from now on use it, earlier ones keep theirs. */
export async function createTemplateVersion(ctx: Ctx, body: z.output<typeof templateBody>) {
  await lockTemplates(ctx.tx, ctx.orgId);
  const current = await templateFor(ctx, body.kind);
  const row = await insertTemplate(ctx.tx, {
    id: newId(),
    orgId: ctx.orgId,
    kind: body.kind,
    version: current.version + 1,
    title: body.title,
    clauses: body.clauses,
    createdBy: ctx.actor.id,
  });
  await recordAudit(ctx, {
    entityType: 'contract_template',
    entityId: row.id,
    action: 'contract_template.create',
    after: { kind: row.kind, version: row.version, title: row.title },
  });
  return row;
}

/** Fills `{{name}}` merge fields; unknown names stay as written, so a typo shows on the page. */
export function mergeClauses(text: string, values: Partial<Record<(typeof MERGE_FIELDS)[number], string>>) {
  return text.replace(
    /\{\{\s*([^}\s]+)\s*\}\}/g,
    (whole, name: string) => values[name as (typeof MERGE_FIELDS)[number]] ?? whole,
  );
}

/** Every version of both templates, newest first per kind; the built-in texts are version 1. */
export async function templatesView(ctx: Ctx) {
  await templateFor(ctx, 'office');
  await templateFor(ctx, 'warehouse');
  return (await listTemplates(ctx.tx)).map((t) => ({
    id: t.id,
    kind: t.kind as 'office' | 'warehouse',
    version: t.version,
    title: t.title,
    clauses: t.clauses,
    createdBy: t.createdBy ? { id: t.createdBy, name: t.createdByName ?? '' } : null,
    createdAt: new Date(t.createdAt).toISOString(),
  }));
}
