import type { SessionUser } from '../../../../common/schemas/auth.ts';
import { api, setCsrfToken } from '../../app/api.ts';

interface SessionResponse {
  user: SessionUser;
  csrfToken: string;
}

export async function fetchSession(): Promise<SessionUser> {
  const res = await api.get<SessionResponse>('/v1/auth/me');
  setCsrfToken(res.csrfToken);
  return res.user;
}

export async function login(body: { username: string; password: string }): Promise<SessionUser> {
  const res = await api.post<SessionResponse>('/v1/auth/login', body, { skipAuthRedirect: true });
  setCsrfToken(res.csrfToken);
  return res.user;
}

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/v1/auth/logout', undefined, { skipAuthRedirect: true });
  } finally {
    setCsrfToken(null);
  }
}

export function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  return api.post<void>('/v1/auth/password', body);
}
