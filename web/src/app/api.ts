import { i18n } from './i18n.ts';

/** An error answered by the API (`{ error: { code, message, field?, requestId? } }`) or by the network. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | undefined;
  readonly requestId: string | undefined;
  /** Seconds from a Retry-After header (429). */
  readonly retryAfter: number | undefined;
  /** Extra facts some errors carry, e.g. the existing record a duplicate points to. */
  readonly details: Record<string, unknown> | undefined;

  constructor(init: {
    status: number;
    code: string;
    message: string;
    field?: string | undefined;
    requestId?: string | undefined;
    retryAfter?: number | undefined;
    details?: Record<string, unknown> | undefined;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
    this.details = init.details;
  }
}

/** One page of a keyset-paged list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A multipart body (uploads); the browser sets its Content-Type with the boundary. */
  form?: FormData;
  /** The login call answers 401 for wrong credentials; that must not bounce to the login page. */
  skipAuthRedirect?: boolean;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** The URL of an API path with its query, for plain links such as downloads. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

async function readError(res: Response): Promise<ApiError> {
  const retryHeader = res.headers.get('Retry-After');
  const retryAfter = retryHeader && /^\d+$/.test(retryHeader) ? Number(retryHeader) : undefined;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Proxies and crashed servers answer with HTML or nothing; fall back to a generic message.
  }
  const error = (
    body as {
      error?: { code?: unknown; message?: unknown; field?: unknown; requestId?: unknown; details?: unknown };
    }
  )?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    return new ApiError({
      status: res.status,
      code: error.code,
      message: error.message,
      field: typeof error.field === 'string' ? error.field : undefined,
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
      retryAfter,
      details:
        error.details && typeof error.details === 'object'
          ? (error.details as Record<string, unknown>)
          : undefined,
    });
  }
  return new ApiError({
    status: res.status,
    code: `HTTP_${res.status}`,
    message: i18n.t('errors.http', { status: res.status }),
    retryAfter,
  });
}

async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'zh-CN',
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
  } catch {
    throw new ApiError({ status: 0, code: 'NETWORK', message: i18n.t('errors.network') });
  }

  if (!res.ok) {
    const error = await readError(res);
    if (res.status === 401 && !options.skipAuthRedirect) onUnauthorized?.();
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) =>
    request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, { form }),
};
