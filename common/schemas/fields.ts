import { z } from 'zod';
import { checkEmail } from '../validators/email.ts';
import { validationMessage } from '../validators/messages.ts';
import { checkLandline, checkMobile, checkPhone } from '../validators/phone.ts';
import { checkUscc } from '../validators/uscc.ts';

type Check = (input: string) => { ok: true; value: string } | { ok: false; reason: string };

/**
 * A string field checked by one of our validators and replaced by its normalised value. A failure is a
 * custom issue with the English message and `params.i18n` = the message key, which the server and the web
 * app translate with validationMessage. `.overwrite` (not `.transform`) keeps the field a plain string, so
 * it still has a JSON Schema for OpenAPI and the same input and output types.
 */
function checkedString(prefix: string, check: Check, maxLength: number) {
  return z
    .string()
    .max(maxLength, { abort: true })
    .overwrite((s) => {
      const r = check(s);
      return r.ok ? r.value : s;
    })
    .check((ctx) => {
      const r = check(ctx.value);
      if (r.ok) return;
      const key = `${prefix}.${r.reason}`;
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: validationMessage(key, 'en'),
        params: { i18n: key },
      });
    });
}

/** 统一社会信用代码, upper-cased and trimmed. */
export const usccField = () => checkedString('uscc', checkUscc, 64);
/** Mainland mobile number, normalised to its 11 digits. */
export const mobileField = () => checkedString('phone', checkMobile, 32);
/** Landline with area code, normalised to 0755-12345678(-123). */
export const landlineField = () => checkedString('phone', checkLandline, 40);
/** Mobile or landline, normalised as each of those. */
export const phoneField = () => checkedString('phone', checkPhone, 40);
/** E-mail address, trimmed, domain lower-cased. */
export const emailField = () => checkedString('email', checkEmail, 320);
