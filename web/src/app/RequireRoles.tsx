import type { ReactNode } from 'react';
import { Forbidden } from '../components/StatusResult.tsx';
import { hasAnyRole, useUser } from './session.tsx';

/** Hides a page from users without one of its roles; the server checks again on every call. */
export function RequireRoles({
  roles,
  children,
}: {
  roles: readonly string[] | undefined;
  children: ReactNode;
}) {
  const user = useUser();
  return hasAnyRole(user, roles) ? children : <Forbidden />;
}
