/**
 * Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check character
 * over the first 17; positions 9-17 are the old organization code with its own GB 11714 check.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'length' | 'character' | 'org_code_check' | 'check_character' };

/** GB 11714 values: digits as themselves, letters A=10 ... Z=35 (not the USCC alphabet's values). */
const orgValue = (c: string) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);

export function checkUscc(input: string): UsccResult {
  const value = input.trim().toUpperCase();
  if (value.length !== 18) return { ok: false, reason: 'length' };
  if ([...value].some((c) => !ALPHABET.includes(c))) return { ok: false, reason: 'character' };

  const org = value.slice(8, 16);
  const orgSum = [...org].reduce((s, c, i) => s + orgValue(c) * ORG_WEIGHTS[i]!, 0);
  const orgCheck = 11 - (orgSum % 11);
  const expectedOrg = orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck);
  if (value[16] !== expectedOrg) return { ok: false, reason: 'org_code_check' };

  const sum = [...value.slice(0, 17)].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  if (value[17] !== ALPHABET[check]) return { ok: false, reason: 'check_character' };
  return { ok: true, value };
}

/**
 * Completes a USCC from its first 16 characters (registration authority, type, region code and the 8
 * characters of the organization code) by adding both check characters: for demo data, tests and benchmarks.
 */
export function completeUscc(first16: string): string {
  const head = first16.toUpperCase();
  if (head.length !== 16 || [...head].some((c) => !ALPHABET.includes(c)))
    throw new Error(`completeUscc needs 16 USCC characters, got "${first16}"`);
  const orgSum = [...head.slice(8)].reduce((s, c, i) => s + orgValue(c) * ORG_WEIGHTS[i]!, 0);
  const orgCheck = 11 - (orgSum % 11);
  const seventeen = head + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const sum = [...seventeen].reduce((s, c, i) => s + ALPHABET.indexOf(c) * WEIGHTS[i]!, 0);
  return seventeen + ALPHABET[(31 - (sum % 31)) % 31]!;
}
