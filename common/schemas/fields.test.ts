import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emailField, landlineField, mobileField, phoneField, usccField } from './fields.ts';

function issue(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  if (r.success) throw new Error(`expected ${JSON.stringify(input)} to fail`);
  expect(r.error.issues).toHaveLength(1);
  return r.error.issues[0]!;
}

describe('shared field schemas', () => {
  it('normalise valid values', () => {
    expect(usccField().parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(mobileField().parse('+86 138-0013-8000')).toBe('13800138000');
    expect(landlineField().parse('(0755)12345678转123')).toBe('0755-12345678-123');
    expect(phoneField().parse('86 13800138000')).toBe('13800138000');
    expect(phoneField().parse('010 62345678')).toBe('010-62345678');
    expect(emailField().parse(' Li.Si@Example.COM ')).toBe('Li.Si@example.com');
  });

  it.each([
    [usccField(), '91350100M000100Y4', 'uscc.length'],
    [usccField(), '91350100M000100YI3', 'uscc.character'],
    [usccField(), '91350100M000100X43', 'uscc.org_code_check'],
    [usccField(), '91350100M000100Y44', 'uscc.check_character'],
    [mobileField(), '12800138000', 'phone.mobile_format'],
    [mobileField(), ' ', 'phone.empty'],
    [landlineField(), '12345678', 'phone.landline_format'],
    [phoneField(), '12345', 'phone.phone_format'],
    [emailField(), 'name@example', 'email.format'],
    [emailField(), '', 'email.empty'],
  ])('carries the message key in params.i18n (%#: %j)', (schema, input, key) => {
    const i = issue(schema, input);
    expect(i.code).toBe('custom');
    expect(i.path).toEqual([]);
    expect((i as { params?: unknown }).params).toEqual({ i18n: key });
  });

  it('uses the English text as the message', () => {
    expect(issue(usccField(), '123').message).toBe(
      'The Unified Social Credit Code must be 18 characters long',
    );
  });

  it('reports the path inside an object and leaves optional fields optional', () => {
    const body = z.object({
      uscc: usccField(),
      phone: phoneField().optional(),
      email: emailField().nullable(),
    });
    expect(body.parse({ uscc: '91350100M000100Y43', email: null })).toEqual({
      uscc: '91350100M000100Y43',
      email: null,
    });
    const r = body.safeParse({ uscc: '91350100M000100Y43', phone: '999', email: 'x@y.cn' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path, (i as { params?: { i18n?: string } }).params?.i18n])).toEqual([
      [['phone'], 'phone.phone_format'],
    ]);
  });

  it('rejects non-strings and overlong input with zod’s own issues', () => {
    expect(issue(usccField(), 123).code).toBe('invalid_type');
    expect(issue(emailField(), `${'x'.repeat(400)}@example.com`).code).toBe('too_big');
  });

  it('stays a plain string in JSON Schema so OpenAPI can describe it', () => {
    expect(z.toJSONSchema(z.object({ uscc: usccField() }))).toMatchObject({
      properties: { uscc: { type: 'string', maxLength: 64 } },
    });
  });
});
