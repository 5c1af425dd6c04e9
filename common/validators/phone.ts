/**
 * Mainland China phone numbers. Mobiles are 11 digits starting 1[3-9]; landlines are an area code
 * (010 and 02x are 0 + 2 digits, the rest 0 + 3 digits), a 7-8 digit local number not starting with 0,
 * and an optional extension.
 */
export type MobileResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'mobile_format' };
export type LandlineResult = { ok: true; value: string } | { ok: false; reason: 'empty' | 'landline_format' };
export type PhoneResult =
  | { ok: true; value: string; kind: 'mobile' | 'landline' }
  | { ok: false; reason: 'empty' | 'phone_format' };

const MOBILE = /^(?:\+86|0086|86)?(1[3-9]\d{9})$/;
// Knowing which area codes are short keeps 01012345678 from being read as 0101-2345678.
const LANDLINE = /^\(?(010|02\d|0[3-9]\d{2})\)?[\s-]?([1-9]\d{6,7})(?:(?:\s*-\s*|\s*转\s*)(\d{1,6}))?$/;

/** Accepts +86 / 0086 / 86 and spaces or dashes anywhere (+86 138-0013-8000); the value is the 11 digits. */
export function checkMobile(input: string): MobileResult {
  const s = input.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  const m = MOBILE.exec(s.replace(/[\s-]/g, ''));
  return m ? { ok: true, value: m[1]! } : { ok: false, reason: 'mobile_format' };
}

/** Accepts 010-12345678, (0755)1234567, 0755 12345678-123, 02112345678转8001; the value is 0755-12345678-123. */
export function checkLandline(input: string): LandlineResult {
  const s = input.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  const m = LANDLINE.exec(s);
  if (!m) return { ok: false, reason: 'landline_format' };
  return { ok: true, value: `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ''}` };
}

export function checkPhone(input: string): PhoneResult {
  const mobile = checkMobile(input);
  if (mobile.ok) return { ...mobile, kind: 'mobile' };
  if (!mobile.ok && mobile.reason === 'empty') return { ok: false, reason: 'empty' };
  const landline = checkLandline(input);
  return landline.ok ? { ...landline, kind: 'landline' } : { ok: false, reason: 'phone_format' };
}
