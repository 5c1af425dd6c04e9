import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits; only the SHA-256 of a session token is stored, so a database leak grants no session. */
export const newToken = (): string => randomBytes(32).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

export function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
