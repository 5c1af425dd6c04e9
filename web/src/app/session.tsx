import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { SessionUser } from '../../../common/schemas/auth.ts';
import { fetchSession } from '../features/auth/authApi.ts';

export const SESSION_KEY = ['session'] as const;

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY });
}

export const UserContext = createContext<SessionUser | null>(null);

/** The signed-in user; only valid below the signed-in layout. */
export function useUser(): SessionUser {
  const user = useContext(UserContext);
  if (!user) throw new Error('useUser outside the signed-in layout');
  return user;
}

export function hasAnyRole(user: SessionUser, roles: readonly string[] | undefined): boolean {
  return !roles || user.roles.some((r) => roles.includes(r));
}

/** Only same-site paths may be a return target; anything else could send the user to another site. */
export function safeReturnPath(value: string | null): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}
