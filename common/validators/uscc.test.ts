import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, completeUscc } from './uscc.ts';

describe('USCC check (GB 32100-2015, DOMAIN.md)', () => {
  it.each(['91350100M000100Y43', '914403001922038216', '9144030071526726XG', '91310000MA1FL0R09G'])(
    'accepts %s',
    (c) => {
      expect(checkUscc(c)).toEqual({ ok: true, value: c });
    },
  );

  it('trims and upper-cases input', () => {
    expect(checkUscc(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('says which rule failed', () => {
    expect(checkUscc('91350100M000100Y4')).toEqual({ ok: false, reason: 'length' });
    expect(checkUscc('91350100M000100YI3')).toEqual({ ok: false, reason: 'character' });
    expect(checkUscc('91350100M000100Y44')).toEqual({ ok: false, reason: 'check_character' });
    expect(checkUscc('91350100M000100X43')).toEqual({ ok: false, reason: 'org_code_check' });
  });

  it('uses GB 11714 letter values for the organization code check, not the USCC alphabet', () => {
    // M and A differ between the two value tables; this code is only valid under GB 11714's.
    expect(checkUscc('91310000MA1FL0R09G').ok).toBe(true);
  });

  it('completeUscc adds both check characters so that any 16-character head validates', () => {
    expect(completeUscc('91350100M000100Y')).toBe('91350100M000100Y43');
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 16, maxLength: 16 }), (chars) => {
        const code = completeUscc(chars.join(''));
        expect(checkUscc(code)).toEqual({ ok: true, value: code });
      }),
    );
    expect(() => completeUscc('91350100M000100')).toThrow(/16 USCC characters/);
  });
});
