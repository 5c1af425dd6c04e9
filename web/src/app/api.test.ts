import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, setCsrfToken, setUnauthorizedHandler } from './api.ts';
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

  it('keeps the details an error carries, such as the record a duplicate points to', async () => {
    const details = { existingId: '0190a0b0-0000-7000-8000-000000000001', existingName: '某公司' };
    answer(409, { error: { code: 'CUSTOMER_USCC_TAKEN', message: '已存在', field: 'uscc', details } });
    await expect(api.post('/v1/customers', {})).rejects.toMatchObject({ field: 'uscc', details });
  });

  it('uploads a multipart form as it is, with the CSRF token and no JSON content type', async () => {
    answer(201, { id: 'd1' });
    setCsrfToken('tok');
    const form = new FormData();
    form.append('kind', 'business_licence');
    await expect(api.upload('/v1/customers/c1/documents', form)).resolves.toEqual({ id: 'd1' });
    expect(calls[0]?.init.body).toBe(form);
    expect(header(calls[0], 'x-csrf-token')).toBe('tok');
    expect(header(calls[0], 'Content-Type')).toBeUndefined();
  });

  it('builds plain download links with the filters that are set', () => {
    expect(buildUrl('/v1/customers/export.xlsx', { q: '科技', status: undefined, tag: '' })).toBe(
      `/api/v1/customers/export.xlsx?q=${encodeURIComponent('科技')}`,
    );
  });

  it('returns nothing for 204', async () => {
    answer(204);
    await expect(api.post('/v1/auth/logout')).resolves.toBeUndefined();
  });
});
