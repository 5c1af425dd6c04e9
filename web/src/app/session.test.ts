import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../common/schemas/auth.ts';
import { hasAnyRole, safeReturnPath } from './session.tsx';

describe('safeReturnPath', () => {
  it('keeps paths of this site', () => {
    expect(safeReturnPath('/users?q=li')).toBe('/users?q=li');
  });

  it('refuses other sites, the login page itself and nothing', () => {
    expect(safeReturnPath('//evil.example/x')).toBe('/');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('/login?next=/users')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});

describe('hasAnyRole', () => {
  const user = { roles: ['management'] } as SessionUser;

  it('lets anyone in when a page names no roles', () => {
    expect(hasAnyRole(user, undefined)).toBe(true);
  });

  it('needs one of the named roles', () => {
    expect(hasAnyRole(user, ['admin', 'management'])).toBe(true);
    expect(hasAnyRole(user, ['admin'])).toBe(false);
  });
});
