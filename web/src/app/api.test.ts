import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { i18n } from './i18n.ts';

type Call = { url: string; init: RequestInit };
let calls: Call[] = [];

function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers });
  });
}

const header = (call: Call | undefined, name: string) =>
  (call?.init.headers as Record<string, string> | undefined)?.[name];

beforeEach(() => {
  calls = [];
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});
afterEach(() => {
  vi.unstubAllGlobals();
  void i18n.changeLanguage('zh-CN');
});

describe('api', () => {
  it('sends the language on every call and the CSRF token only on writes', async () => {
    answer(200, { ok: true });
    setCsrfToken('tok');
    await api.get('/v1/users', { q: 'li', role: undefined, active: '' });
    await i18n.changeLanguage('en');
    await api.patch('/v1/users/1', { active: false });

    expect(calls[0]?.url).toBe('/api/v1/users?q=li');
    expect(header(calls[0], 'Accept-Language')).toBe('zh-CN');
    expect(header(calls[0], 'x-csrf-token')).toBeUndefined();
    expect(header(calls[1], 'Accept-Language')).toBe('en');
    expect(header(calls[1], 'x-csrf-token')).toBe('tok');
    expect(calls[1]?.init.credentials).toBe('same-origin');
  });

  it('turns an error body into an ApiError with its field and retry delay', async () => {
    answer(
      429,
      { error: { code: 'AUTH_THROTTLED', message: '请 30 秒后再试', field: 'username' } },
      {
        'Retry-After': '30',
      },
    );
    const error = await api.post('/v1/auth/login', {}, { skipAuthRedirect: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: 'AUTH_THROTTLED', field: 'username', retryAfter: 30 });
    expect((error as ApiError).message).toBe('请 30 秒后再试');
  });

  it('sends the user to the login page on 401, except for the login call itself', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    answer(401, { error: { code: 'AUTH_REQUIRED', message: '请先登录' } });

    await expect(api.get('/v1/auth/me')).rejects.toMatchObject({ code: 'AUTH_REQUIRED' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(api.post('/v1/auth/login', {}, { skipAuthRedirect: true })).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('explains answers that are not ours (a proxy page, say) in the user language', async () => {
    answer(502, '<html>Bad gateway</html>');
    await expect(api.get('/v1/jobs')).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
    await expect(api.get('/v1/jobs')).rejects.toThrow('HTTP 502');
  });

  it('returns nothing for 204', async () => {
    answer(204);
    await expect(api.post('/v1/auth/logout')).resolves.toBeUndefined();
  });
});
