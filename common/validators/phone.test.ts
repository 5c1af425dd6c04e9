import { describe, expect, it } from 'vitest';
import { checkLandline, checkMobile, checkPhone } from './phone.ts';

describe('checkMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    [' 13800138000 ', '13800138000'],
    ['+8613800138000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-138-0013-8000', '13800138000'],
    ['86 13800138000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['19912345678', '19912345678'],
  ])('accepts %j as %s', (input, value) => {
    expect(checkMobile(input)).toEqual({ ok: true, value });
  });

  it.each([
    '12800138000', // second digit 2
    '1380013800', // 10 digits
    '138001380001', // 12 digits
    '23800138000',
    '+87 13800138000',
    '+8613800138000 1',
    '138OO138000', // letter O
    '138.0013.8000',
    '010-12345678',
  ])('rejects %j', (input) => {
    expect(checkMobile(input)).toEqual({ ok: false, reason: 'mobile_format' });
  });

  it('says when nothing was entered', () => {
    expect(checkMobile('   ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('checkLandline', () => {
  it.each([
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'], // 010 is a 3-digit code, so not 0101-2345678
    ['021 62345678', '021-62345678'],
    ['(0755)12345678', '0755-12345678'],
    ['0755-2345678', '0755-2345678'],
    ['0755-12345678', '0755-12345678'],
    ['075512345678', '0755-12345678'],
    ['0755-12345678-123', '0755-12345678-123'],
    ['0755-12345678转123', '0755-12345678-123'],
    ['010-62345678 转 8001', '010-62345678-8001'],
    [' 0571-87654321 ', '0571-87654321'],
  ])('accepts %j as %s', (input, value) => {
    expect(checkLandline(input)).toEqual({ ok: true, value });
  });

  it.each([
    '12345678', // no area code
    '010-123456', // 6 digits
    '010-123456789', // 9 digits
    '010-02345678', // local numbers do not start with 0
    '0755-1234567-', // dash without extension
    '0755-12345678-1234567', // extension too long
    '0755--12345678',
    '13800138000',
    '0755-1234567x',
  ])('rejects %j', (input) => {
    expect(checkLandline(input)).toEqual({ ok: false, reason: 'landline_format' });
  });

  it('says when nothing was entered', () => {
    expect(checkLandline('')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('checkPhone', () => {
  it('accepts either kind and says which', () => {
    expect(checkPhone('+86 138 0013 8000')).toEqual({ ok: true, value: '13800138000', kind: 'mobile' });
    expect(checkPhone('0755-12345678转123')).toEqual({
      ok: true,
      value: '0755-12345678-123',
      kind: 'landline',
    });
  });

  it('rejects what is neither', () => {
    expect(checkPhone('12345')).toEqual({ ok: false, reason: 'phone_format' });
    expect(checkPhone('1380013800')).toEqual({ ok: false, reason: 'phone_format' });
    expect(checkPhone(' ')).toEqual({ ok: false, reason: 'empty' });
  });
});
