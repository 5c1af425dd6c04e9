/**
 * A pragmatic e-mail check: what people mistype, not RFC 5322. One @, no spaces, a domain of dot-separated
 * letter-or-digit labels ending in a label of two or more letters; at most 254 characters (64 before the @).
 * The domain is lower-cased, the local part kept as typed.
 */
export type EmailResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'empty' | 'format' | 'too_long' };

// Commas, semicolons and brackets in an address are nearly always a slip (qq,com) or a pasted display name.
const LOCAL = /^[^\s@,;:<>()[\]\\"]+$/;
const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:\\p{L}{2,}|xn--[a-z0-9-]+)$`, 'u');

export function checkEmail(input: string): EmailResult {
  const s = input.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  if (s.length > 254) return { ok: false, reason: 'too_long' };
  const at = s.indexOf('@');
  if (at < 0 || at !== s.lastIndexOf('@')) return { ok: false, reason: 'format' };
  const local = s.slice(0, at);
  const domain = s.slice(at + 1).toLowerCase();
  const dotsOk = !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
  if (!LOCAL.test(local) || !dotsOk || !DOMAIN.test(domain)) return { ok: false, reason: 'format' };
  if (local.length > 64) return { ok: false, reason: 'too_long' };
  return { ok: true, value: `${local}@${domain}` };
}
