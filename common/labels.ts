import type { BUSINESS_SCALES, CUSTOMER_KINDS, CUSTOMER_STATUSES, INDUSTRIES } from './schemas/customers.ts';
import type { PRICE_BASES, UNIT_STATUSES, UNIT_TYPES } from './schemas/spaces.ts';

/**
 * The words for enumerated values, in both languages, where the server needs them too: import templates
 * and sheets are read and written with these labels, and the web app shows the same ones.
 */
export type Labels<K extends string> = Record<K, { 'zh-CN': string; en: string }>;

export const CUSTOMER_KIND_LABELS: Labels<(typeof CUSTOMER_KINDS)[number]> = {
  company: { 'zh-CN': '企业', en: 'Company' },
  individual_business: { 'zh-CN': '个体工商户', en: 'Individual business' },
};

export const INDUSTRY_LABELS: Labels<(typeof INDUSTRIES)[number]> = {
  it: { 'zh-CN': '信息技术', en: 'Information technology' },
  ecommerce: { 'zh-CN': '电子商务', en: 'E-commerce' },
  logistics: { 'zh-CN': '物流仓储', en: 'Logistics and warehousing' },
  manufacturing: { 'zh-CN': '制造业', en: 'Manufacturing' },
  trade: { 'zh-CN': '批发零售', en: 'Wholesale and retail' },
  finance: { 'zh-CN': '金融', en: 'Finance' },
  professional: { 'zh-CN': '专业服务', en: 'Professional services' },
  biotech: { 'zh-CN': '生物医药', en: 'Biotech and pharma' },
  education: { 'zh-CN': '教育培训', en: 'Education and training' },
  culture: { 'zh-CN': '文化传媒', en: 'Culture and media' },
  construction: { 'zh-CN': '建筑工程', en: 'Construction' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const BUSINESS_SCALE_LABELS: Labels<(typeof BUSINESS_SCALES)[number]> = {
  micro: { 'zh-CN': '微型', en: 'Micro' },
  small: { 'zh-CN': '小型', en: 'Small' },
  medium: { 'zh-CN': '中型', en: 'Medium' },
  large: { 'zh-CN': '大型', en: 'Large' },
};

export const CUSTOMER_STATUS_LABELS: Labels<(typeof CUSTOMER_STATUSES)[number]> = {
  prospect: { 'zh-CN': '意向客户', en: 'Prospect' },
  applicant: { 'zh-CN': '申请中', en: 'Applicant' },
  admitted: { 'zh-CN': '已准入', en: 'Admitted' },
  tenant: { 'zh-CN': '在租客户', en: 'Tenant' },
  former: { 'zh-CN': '已退租', en: 'Former tenant' },
  blacklisted: { 'zh-CN': '黑名单', en: 'Blacklisted' },
};

export const UNIT_TYPE_LABELS: Labels<(typeof UNIT_TYPES)[number]> = {
  office: { 'zh-CN': '办公', en: 'Office' },
  warehouse: { 'zh-CN': '仓库', en: 'Warehouse' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const UNIT_STATUS_LABELS: Labels<(typeof UNIT_STATUSES)[number]> = {
  vacant: { 'zh-CN': '空置', en: 'Vacant' },
  reserved: { 'zh-CN': '预留', en: 'Reserved' },
  leased: { 'zh-CN': '已租', en: 'Leased' },
  unavailable: { 'zh-CN': '不可租', en: 'Unavailable' },
};

/** As the sheets spell them; the web shows the shorter 元/m²/月. */
export const PRICE_BASIS_LABELS: Labels<(typeof PRICE_BASES)[number]> = {
  per_sqm_month: { 'zh-CN': '元/平方米/月', en: 'yuan/m²/month' },
  per_sqm_day: { 'zh-CN': '元/平方米/天', en: 'yuan/m²/day' },
};

/** The Chinese labels of a map, joined for a message or the template's notes: 企业、个体工商户. */
export const zhLabels = <K extends string>(labels: Labels<K>) =>
  Object.values<{ 'zh-CN': string }>(labels)
    .map((l) => l['zh-CN'])
    .join('、');
