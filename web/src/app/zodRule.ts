import type { Rule } from 'antd/es/form';
import type { ZodType } from 'zod';

/** Checks a form field with the shared API schema so the form and the server agree on what is valid. */
export function zodRule(schema: ZodType, message: string): Rule {
  return {
    validator: async (_, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      if (!schema.safeParse(value).success) throw new Error(message);
    },
  };
}
