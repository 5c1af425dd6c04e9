import { describe, expect, it } from 'vitest';
import { checkEmail } from './email.ts';

describe('checkEmail', () => {
  it.each([
    ['name@example.com', 'name@example.com'],
    ['  Zhang.San@Example.COM ', 'Zhang.San@example.com'],
    ['12345@qq.com', '12345@qq.com'],
    ['a+tag@mail.example.com.cn', 'a+tag@mail.example.com.cn'],
    ['x@my-company.cn', 'x@my-company.cn'],
    ['张三@例子.中国', '张三@例子.中国'],
    ['a@xn--fiqs8s.xn--fiqz9s', 'a@xn--fiqs8s.xn--fiqz9s'],
  ])('accepts %j as %s', (input, value) => {
    expect(checkEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    'name',
    'name@',
    '@example.com',
    'name@example', // no dot in the domain
    'name@@example.com',
    'a@b@example.com',
    'na me@example.com',
    'name@exa mple.com',
    'name@qq,com',
    'name@example.c', // one-letter top-level domain
    'name@.example.com',
    'name@example..com',
    'name@example.com.',
    'name@-example.com',
    '.name@example.com',
    'na..me@example.com',
    'Zhang San <zs@example.com>',
  ])('rejects %j', (input) => {
    expect(checkEmail(input)).toEqual({ ok: false, reason: 'format' });
  });

  it('limits the length to 254, and 64 before the @', () => {
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(57)}.com`;
    const at254 = `${'x'.repeat(254 - domain.length - 1)}@${domain}`;
    expect(at254).toHaveLength(254);
    expect(checkEmail(at254).ok).toBe(true);
    expect(checkEmail(`x${at254}`)).toEqual({ ok: false, reason: 'too_long' });
    expect(checkEmail(`${'x'.repeat(65)}@example.com`)).toEqual({ ok: false, reason: 'too_long' });
    expect(checkEmail(`${'x'.repeat(64)}@example.com`).ok).toBe(true);
  });

  it('says when nothing was entered', () => {
    expect(checkEmail('  ')).toEqual({ ok: false, reason: 'empty' });
  });
});
