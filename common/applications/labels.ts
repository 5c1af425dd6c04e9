import type { Labels } from '../labels.ts';
import type { INTENDED_USES, REJECT_REASONS, RENT_BASES } from '../schemas/applications.ts';
import type { ApplicationStatus } from './machine.ts';

/** Labels the server writes into messages and the admission notice; the web app shows the same. */
export const APPLICATION_STATUS_LABELS: Labels<ApplicationStatus> = {
  draft: { 'zh-CN': '草稿', en: 'Draft' },
  business_review: { 'zh-CN': '业务初审', en: 'Business review' },
  legal_review: { 'zh-CN': '法务审核', en: 'Legal review' },
  finance_review: { 'zh-CN': '财务评估', en: 'Finance review' },
  management_approval: { 'zh-CN': '管理层审批', en: 'Management approval' },
  approved: { 'zh-CN': '已批准', en: 'Approved' },
  returned: { 'zh-CN': '已退回', en: 'Returned' },
  rejected: { 'zh-CN': '已拒绝', en: 'Rejected' },
  withdrawn: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  notice_expired: { 'zh-CN': '通知已过期', en: 'Notice expired' },
  contracted: { 'zh-CN': '已签约', en: 'Contracted' },
};

export const INTENDED_USE_LABELS: Labels<(typeof INTENDED_USES)[number]> = {
  office: { 'zh-CN': '办公', en: 'Office' },
  warehousing: { 'zh-CN': '仓储', en: 'Warehousing' },
  light_industry: { 'zh-CN': '轻加工', en: 'Light industry' },
  retail: { 'zh-CN': '商业零售', en: 'Retail' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const RENT_BASIS_LABELS: Labels<(typeof RENT_BASES)[number]> = {
  per_sqm_month: { 'zh-CN': '元/㎡/月', en: 'yuan/m²/month' },
  per_sqm_day: { 'zh-CN': '元/㎡/天', en: 'yuan/m²/day' },
  fixed_month: { 'zh-CN': '元/月（固定）', en: 'yuan/month (fixed)' },
};

export const REJECT_REASON_LABELS: Labels<(typeof REJECT_REASONS)[number]> = {
  qualification: { 'zh-CN': '资质不符', en: 'Qualifications' },
  needs: { 'zh-CN': '需求不合理', en: 'Needs not reasonable' },
  terms: { 'zh-CN': '条款不合规', en: 'Terms not lawful' },
  ability_to_pay: { 'zh-CN': '支付能力不足', en: 'Ability to pay' },
  credit: { 'zh-CN': '信用不良', en: 'Credit record' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
