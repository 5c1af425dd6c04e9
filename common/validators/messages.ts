import type { Locale } from '../locale.ts';
import type { EmailResult } from './email.ts';
import type { LandlineResult, MobileResult, PhoneResult } from './phone.ts';
import type { UsccResult } from './uscc.ts';

type Reason<R> = Extract<R, { ok: false }> extends { reason: infer K extends string } ? K : never;

/** `<validator>.<reason>`, e.g. `uscc.check_character`; a validator's reason becomes its key this way. */
export type ValidationKey =
  | `uscc.${Reason<UsccResult>}`
  | `phone.${Reason<MobileResult> | Reason<LandlineResult> | Reason<PhoneResult>}`
  | `email.${Reason<EmailResult>}`;

const MESSAGES: Record<ValidationKey, Record<Locale, string>> = {
  'uscc.length': {
    'zh-CN': '统一社会信用代码应为18位',
    en: 'The Unified Social Credit Code must be 18 characters long',
  },
  'uscc.character': {
    'zh-CN': '统一社会信用代码只能包含数字和字母（不含 I、O、S、V、Z）',
    en: 'The Unified Social Credit Code may contain only digits and letters other than I, O, S, V and Z',
  },
  'uscc.org_code_check': {
    'zh-CN': '统一社会信用代码中的组织机构代码（第9至17位）校验不正确',
    en: 'The organization code in the Unified Social Credit Code (characters 9-17) fails its check',
  },
  'uscc.check_character': {
    'zh-CN': '统一社会信用代码校验位（第18位）不正确',
    en: 'The check character (the 18th) of the Unified Social Credit Code is wrong',
  },
  'phone.empty': { 'zh-CN': '请输入电话号码', en: 'Please enter a phone number' },
  'phone.mobile_format': {
    'zh-CN': '手机号码应为以1开头的11位数字，如 13800138000',
    en: 'A mobile number must be 11 digits starting with 1, such as 13800138000',
  },
  'phone.landline_format': {
    'zh-CN': '固定电话应为区号加7至8位号码，如 010-12345678 或 0755-1234567 转 123',
    en: 'A landline number needs an area code and a 7- or 8-digit number, such as 010-12345678 or 0755-1234567-123',
  },
  'phone.phone_format': {
    'zh-CN': '请输入11位手机号码或带区号的固定电话',
    en: 'Enter an 11-digit mobile number or a landline number with its area code',
  },
  'email.empty': { 'zh-CN': '请输入电子邮箱', en: 'Please enter an e-mail address' },
  'email.format': {
    'zh-CN': '电子邮箱格式不正确，如 name@example.com',
    en: 'The e-mail address is not valid; it should look like name@example.com',
  },
  'email.too_long': {
    'zh-CN': '电子邮箱过长（最多254个字符，@ 前最多64个）',
    en: 'The e-mail address is too long (at most 254 characters, 64 before the @)',
  },
};

const FALLBACK: Record<Locale, string> = { 'zh-CN': '格式不正确', en: 'The value is not valid' };

export const VALIDATION_KEYS = Object.keys(MESSAGES) as ValidationKey[];

export function isValidationKey(key: string): key is ValidationKey {
  return Object.hasOwn(MESSAGES, key);
}

/** The message for a validator's key in `locale`; a generic one for a key we do not know. */
export function validationMessage(key: string, locale: Locale): string {
  return isValidationKey(key) ? MESSAGES[key][locale] : FALLBACK[locale];
}
