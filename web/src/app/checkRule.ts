import type { Rule } from 'antd/es/form';
import { validationMessage } from '../../../common/validators/messages.ts';
import { currentLocale } from './i18n.ts';

type CheckResult<R extends string> = { ok: true; value: string } | { ok: false; reason: R };

/**
 * A form rule from one of the shared checks (USCC, phone, e-mail …) with the message the server would give,
 * in the user's language, so a value the form accepts is one the server accepts. Messages are keyed
 * `<kind>.<reason>`, e.g. `uscc.check_character`.
 */
export function checkRule<R extends string>(kind: string, check: (input: string) => CheckResult<R>): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || String(value).trim() === '') return;
      const result = check(String(value));
      if (!result.ok) throw new Error(validationMessage(`${kind}.${result.reason}`, currentLocale()));
    },
  };
}
