import { describe, expect, it } from 'vitest';
import { checkEmail } from './email.ts';
import { isValidationKey, VALIDATION_KEYS, validationMessage } from './messages.ts';
import { checkLandline, checkMobile, checkPhone } from './phone.ts';
import { checkUscc } from './uscc.ts';

describe('validationMessage', () => {
  it('names the rule in both languages', () => {
    expect(validationMessage('uscc.length', 'zh-CN')).toBe('统一社会信用代码应为18位');
    expect(validationMessage('uscc.check_character', 'zh-CN')).toContain('统一社会信用代码校验位');
    expect(validationMessage('uscc.org_code_check', 'zh-CN')).toContain('组织机构代码');
    expect(validationMessage('uscc.character', 'en')).toContain('I, O, S, V and Z');
    expect(validationMessage('phone.mobile_format', 'zh-CN')).toContain('11位');
    expect(validationMessage('phone.mobile_format', 'en')).toContain('11 digits');
    expect(validationMessage('email.format', 'en')).toContain('name@example.com');
  });

  it('has a Chinese and an English message for every key, different from each other', () => {
    expect(VALIDATION_KEYS.length).toBe(11);
    for (const key of VALIDATION_KEYS) {
      const zh = validationMessage(key, 'zh-CN');
      const en = validationMessage(key, 'en');
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(en).toMatch(/^[\x20-\x7e]+$/);
      expect(zh).not.toBe(en);
    }
  });

  it('covers every reason the validators give', () => {
    const reasons = [
      checkUscc(''),
      checkUscc('91350100M000100YI3'),
      checkUscc('91350100M000100X43'),
      checkUscc('91350100M000100Y44'),
      checkMobile(''),
      checkMobile('1'),
      checkLandline('1'),
      checkPhone('1'),
    ].map((r) => (r.ok ? 'ok' : r.reason));
    const prefixed = [
      ...reasons.slice(0, 4).map((r) => `uscc.${r}`),
      ...reasons.slice(4).map((r) => `phone.${r}`),
      ...['', 'x', `${'x'.repeat(65)}@example.com`].map((s) => {
        const r = checkEmail(s);
        return r.ok ? 'ok' : `email.${r.reason}`;
      }),
    ];
    expect(new Set(prefixed)).toEqual(new Set(VALIDATION_KEYS));
    for (const key of prefixed) expect(isValidationKey(key)).toBe(true);
  });

  it('falls back to a generic message for an unknown key', () => {
    expect(isValidationKey('nope.nothing')).toBe(false);
    expect(isValidationKey('toString')).toBe(false);
    expect(validationMessage('nope.nothing', 'zh-CN')).toBe('格式不正确');
    expect(validationMessage('toString', 'en')).toBe('The value is not valid');
  });
});
