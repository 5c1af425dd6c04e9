import { ERRORS, type ErrorCode, formatError } from '../../../common/errors.ts';
import type { Locale } from '../../../common/locale.ts';
import { isValidationKey, validationMessage } from '../../../common/validators/messages.ts';

/**
 * Why a row cannot be imported, kept in the staging row as a key with its parameters and put into words
 * when shown, in the caller's language. Validators' keys (`uscc.check_character`, `phone.mobile_format`, …)
 * use their own messages, and the error codes of the use-cases (`CONTRACT_TERM_TOO_LONG`, …) theirs.
 */
const REASONS = {
  required: { zh: '必填', en: 'Required' },
  too_long: { zh: '最多 {max} 个字', en: 'At most {max} characters' },
  too_short: { zh: '至少 {min} 个字', en: 'At least {min} characters' },
  choice: { zh: '应为以下之一：{allowed}', en: 'Must be one of: {allowed}' },
  uscc_duplicate_in_file: {
    zh: '与第 {row} 行的统一社会信用代码重复',
    en: 'Same USCC as row {row}',
  },
  uscc_taken: { zh: '已有客户“{name}”使用该统一社会信用代码', en: 'Customer "{name}" already has this USCC' },
  capital_format: {
    zh: '注册资本应为以万元计的数字，最多六位小数',
    en: 'Registered capital must be a number of 10,000 yuan, at most six decimals',
  },
  date_format: {
    zh: '日期应为 YYYY-MM-DD，如 2018-06-01',
    en: 'A date must be YYYY-MM-DD, such as 2018-06-01',
  },
  manager_unknown: {
    zh: '找不到在职的业务部人员“{value}”',
    en: 'No active member of the business department is called "{value}"',
  },
  manager_ambiguous: {
    zh: '有多名业务部人员名为“{value}”，请填写用户名',
    en: 'Several members of the business department are called "{value}"; use the username',
  },
  list_invalid: {
    zh: '最多 {count} 项，每项最多 {max} 个字',
    en: 'At most {count} entries of at most {max} characters each',
  },
  contact_name_required: {
    zh: '填写了联系方式时需填写联系人姓名',
    en: 'A contact name is needed with contact details',
  },
  contact_needs_way: {
    zh: '联系人至少需要手机或邮箱之一',
    en: 'The contact needs a phone number or an e-mail address',
  },
  site_unknown: { zh: '系统中没有名为“{value}”的园区', en: 'There is no site named "{value}"' },
  building_unknown: {
    zh: '园区“{site}”中没有名为“{value}”的楼栋',
    en: 'Site "{site}" has no building named "{value}"',
  },
  code_duplicate_in_file: {
    zh: '与第 {row} 行是同一楼栋的同一单元编号',
    en: 'Same unit code in the same building as row {row}',
  },
  code_taken: { zh: '该楼栋已有单元“{code}”', en: 'The building already has a unit "{code}"' },
  floor_format: {
    zh: '楼层应为 12、-1 或 B1 这样的写法，且不能为 0',
    en: 'A floor is written like 12, -1 or B1, and cannot be 0',
  },
  floor_out_of_range: {
    zh: '楼层应在 {lowest} 至 {highest} 之间',
    en: 'The floor must be between {lowest} and {highest}',
  },
  area_format: {
    zh: '面积应为平方米数，最多两位小数',
    en: 'An area is a number of square metres, at most two decimals',
  },
  areas_order: {
    zh: '应满足：0 < 使用面积 ≤ 套内面积 ≤ 建筑面积',
    en: 'Must be 0 < usable area ≤ inside area ≤ gross area',
  },
  price_format: {
    zh: '价格应为元数，最多四位小数',
    en: 'A price is a number of yuan, at most four decimals',
  },
  integer_range: {
    zh: '应为 {min} 至 {max} 之间的整数',
    en: 'Must be a whole number from {min} to {max}',
  },
  fraction_format: {
    zh: '应为 0 至 1 之间的小数或百分数（最多六位小数），如 0.09、9% 或 万分之五',
    en: 'Must be a fraction from 0 to 1 or a percentage (at most six decimals), such as 0.09 or 9%',
  },
  amount_format: {
    zh: '金额应为元数，最多两位小数，如 30000 或 30,000.00',
    en: 'An amount is a number of yuan, at most two decimals, such as 30000 or 30,000.00',
  },
  deposit_one_of: {
    zh: '请填写保证金月数或保证金金额其中一项（没有保证金填 0）',
    en: 'Give the deposit in months or as an amount (0 for none)',
  },
  deposit_both: {
    zh: '保证金月数与保证金金额只能填写一项',
    en: 'Give the deposit in months or as an amount, not both',
  },
  lease_overlap_in_file: {
    zh: '单元 {code} 与第 {row} 行的租期（{from} 至 {to}）重叠',
    en: 'Unit {code} is leased by row {row} for overlapping dates ({from} to {to})',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ReasonKey = keyof typeof REASONS;

/** A problem as stored in import_rows.errors. */
export interface RowError {
  column: string;
  reason: ReasonKey | ErrorCode | `${'uscc' | 'phone' | 'email'}.${string}`;
  params?: Record<string, string | number>;
  value?: string | null;
}

export function reasonText(e: Pick<RowError, 'reason' | 'params'>, locale: Locale): string {
  if (isValidationKey(e.reason)) return validationMessage(e.reason, locale);
  if (Object.hasOwn(ERRORS, e.reason)) return formatError(e.reason as ErrorCode, locale, e.params);
  const r = (REASONS as Record<string, { zh: string; en: string }>)[e.reason];
  if (!r) return validationMessage(e.reason, locale);
  const template = locale === 'en' ? r.en : r.zh;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(e.params?.[k] ?? `{${k}}`));
}
