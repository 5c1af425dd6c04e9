import {
  BUSINESS_SCALE_LABELS,
  CUSTOMER_KIND_LABELS,
  INDUSTRY_LABELS,
  PRICE_BASIS_LABELS,
  UNIT_TYPE_LABELS,
  zhLabels,
} from '../../../common/labels.ts';
import type { Locale } from '../../../common/locale.ts';
import type { ImportKind } from '../../../common/schemas/imports.ts';
import { CONTRACT_COLUMNS } from './contractColumns.ts';
import { OPENING_COLUMNS } from './openingColumns.ts';

/** One column of an import sheet: its key, its Chinese header (as in the template), English name and notes. */
export interface Column {
  key: string;
  zh: string;
  en: string;
  required?: boolean;
  /** Other headers read as this column (a shorter form people type). */
  aliases?: string[];
  /** Text cells in the template, so Excel keeps leading zeros and long digit strings as typed. */
  text?: boolean;
  /** Excel drop-down values in the template. */
  choices?: string[];
  width: number;
  example: string | number;
  /** The 说明 sheet: what goes in the column. */
  note: string;
}

const labels = (m: Record<string, { 'zh-CN': string }>) => Object.values(m).map((l) => l['zh-CN']);

export const CUSTOMER_COLUMNS: Column[] = [
  {
    key: 'name',
    zh: '客户名称',
    en: 'Customer name',
    required: true,
    width: 30,
    example: '示例：上海某某科技有限公司',
    note: '营业执照上的名称，2 至 100 个字',
  },
  {
    key: 'uscc',
    zh: '统一社会信用代码',
    en: 'USCC',
    required: true,
    text: true,
    width: 22,
    example: '91310115MA1K3YJ15R',
    note: '18 位，系统会校验校验位；已在系统中的客户不能重复导入',
  },
  {
    key: 'kind',
    zh: '类型',
    en: 'Type',
    choices: labels(CUSTOMER_KIND_LABELS),
    width: 12,
    example: '企业',
    note: `可选：${zhLabels(CUSTOMER_KIND_LABELS)}；不填为企业`,
  },
  {
    key: 'legalRepresentative',
    zh: '法定代表人',
    en: 'Legal representative',
    width: 12,
    example: '张三',
    note: '最多 50 个字',
  },
  {
    key: 'registeredCapital',
    zh: '注册资本(万元)',
    en: 'Registered capital (10k yuan)',
    width: 14,
    example: 500,
    note: '以万元计的数字，最多六位小数，如 500 或 12.5',
  },
  {
    key: 'establishedOn',
    zh: '成立日期',
    en: 'Established on',
    width: 12,
    example: '2018-06-01',
    note: 'YYYY-MM-DD，或 Excel 日期单元格',
  },
  {
    key: 'industry',
    zh: '行业',
    en: 'Industry',
    choices: labels(INDUSTRY_LABELS),
    width: 12,
    example: '信息技术',
    note: `可选：${zhLabels(INDUSTRY_LABELS)}`,
  },
  {
    key: 'registeredAddress',
    zh: '注册地址',
    en: 'Registered address',
    width: 30,
    example: '上海市浦东新区张江路100号',
    note: '最多 300 个字',
  },
  {
    key: 'scale',
    zh: '企业规模',
    en: 'Business scale',
    choices: labels(BUSINESS_SCALE_LABELS),
    width: 10,
    example: '小型',
    note: `可选：${zhLabels(BUSINESS_SCALE_LABELS)}`,
  },
  {
    key: 'accountManager',
    zh: '客户经理',
    en: 'Account manager',
    width: 12,
    example: 'business',
    note: '业务部在职人员的用户名或姓名；姓名重复时请填用户名',
  },
  {
    key: 'tags',
    zh: '标签',
    en: 'Tags',
    width: 16,
    example: '高新企业、重点客户',
    note: '多个标签用“、”或逗号分隔，每个最多 20 个字，最多 20 个',
  },
  { key: 'notes', zh: '备注', en: 'Notes', width: 20, example: '', note: '最多 2000 个字' },
  {
    key: 'contactName',
    zh: '联系人',
    en: 'Contact',
    width: 10,
    example: '李四',
    note: '每行一位联系人，导入后为主要联系人',
  },
  { key: 'contactTitle', zh: '职务', en: 'Title', width: 10, example: '行政经理', note: '最多 50 个字' },
  {
    key: 'mobile',
    zh: '手机',
    en: 'Mobile',
    text: true,
    width: 14,
    example: '13800138000',
    note: '11 位手机号码，或带区号的固定电话；填写联系人时手机与邮箱至少填一项',
  },
  { key: 'email', zh: '邮箱', en: 'E-mail', width: 22, example: 'lisi@example.com', note: '电子邮箱' },
];

export const UNIT_COLUMNS: Column[] = [
  {
    key: 'site',
    zh: '园区',
    en: 'Site',
    required: true,
    width: 14,
    example: '浦东软件园',
    note: '系统中已有的园区/大厦名称',
  },
  {
    key: 'building',
    zh: '楼栋',
    en: 'Building',
    required: true,
    width: 10,
    example: 'A座',
    note: '该园区中已有的楼栋名称',
  },
  {
    key: 'code',
    zh: '单元编号',
    en: 'Unit code',
    required: true,
    text: true,
    width: 10,
    example: '1605',
    note: '在楼栋内唯一，最多 30 个字',
  },
  {
    key: 'type',
    zh: '类型',
    en: 'Type',
    required: true,
    choices: labels(UNIT_TYPE_LABELS),
    width: 8,
    example: '办公',
    note: `可选：${zhLabels(UNIT_TYPE_LABELS)}`,
  },
  {
    key: 'floor',
    zh: '楼层',
    en: 'Floor',
    required: true,
    text: true,
    width: 8,
    example: '16',
    note: '地上填 1、2、12，地下填 -1 或 B1；须在楼栋的楼层范围内',
  },
  {
    key: 'grossArea',
    zh: '建筑面积',
    en: 'Gross area',
    required: true,
    width: 10,
    example: 200.5,
    note: '平方米，最多两位小数',
  },
  {
    key: 'insideArea',
    zh: '套内面积',
    en: 'Inside area',
    required: true,
    width: 10,
    example: 160,
    note: '平方米，最多两位小数，不大于建筑面积',
  },
  {
    key: 'usableArea',
    zh: '使用面积',
    en: 'Usable area',
    required: true,
    width: 10,
    example: 150,
    note: '平方米，最多两位小数，大于 0 且不大于套内面积',
  },
  {
    key: 'listPrice',
    zh: '挂牌价',
    en: 'List price',
    required: true,
    width: 10,
    example: 5.8,
    note: '元，最多四位小数',
  },
  {
    key: 'priceBasis',
    zh: '计价方式',
    en: 'Price basis',
    required: true,
    choices: labels(PRICE_BASIS_LABELS),
    width: 14,
    example: '元/平方米/天',
    note: `可选：${zhLabels(PRICE_BASIS_LABELS)}`,
  },
  {
    key: 'certificateNo',
    zh: '产权证号',
    en: 'Certificate no.',
    text: true,
    width: 20,
    example: '沪(2020)浦字第000123号',
    note: '最多 100 个字',
  },
  {
    key: 'facilities',
    zh: '设施',
    en: 'Facilities',
    width: 20,
    example: '中央空调、光纤网络',
    note: '多项用“、”或逗号分隔',
  },
  {
    key: 'notes',
    zh: '备注',
    en: 'Notes',
    width: 20,
    example: '示例：以“示例：”开头的行不会导入',
    note: '最多 1000 个字',
  },
];

export const COLUMNS: Record<ImportKind, Column[]> = {
  customers: CUSTOMER_COLUMNS,
  units: UNIT_COLUMNS,
  contracts: CONTRACT_COLUMNS,
  opening_balances: OPENING_COLUMNS,
};

/** The header as the caller reads it: the template's Chinese, or the English name. */
export function columnName(kind: ImportKind, key: string, locale: Locale): string {
  const c = COLUMNS[kind].find((col) => col.key === key);
  if (!c) return key;
  return locale === 'en' ? c.en : c.zh;
}

/** Headers compared without spaces, the required mark and the width of brackets: 注册资本（万元）* = 注册资本(万元). */
export const headerKey = (s: string) =>
  s
    .replace(/[\s*＊]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
