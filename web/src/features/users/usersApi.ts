import { useQuery } from '@tanstack/react-query';
import type { Role } from '../../../../common/roles.ts';
import type { UserView } from '../../../../common/schemas/users.ts';
import { api, type Page } from '../../app/api.ts';

export interface UserFilters {
  q?: string;
  role?: Role;
  active?: 'true' | 'false';
}

export interface NewUser {
  username: string;
  displayName: string;
  email?: string | null;
  phone?: string | null;
  roles: Role[];
  password: string;
}

export interface UserChanges {
  displayName?: string;
  email?: string | null;
  phone?: string | null;
  roles?: Role[];
  active?: boolean;
}

export const PAGE_SIZE = 20;

export function listUsers(filters: UserFilters, cursor: string | undefined): Promise<Page<UserView>> {
  return api.get<Page<UserView>>('/v1/users', { ...filters, cursor, limit: PAGE_SIZE });
}

export function createUser(body: NewUser): Promise<UserView> {
  return api.post<UserView>('/v1/users', body);
}

export function updateUser(id: string, body: UserChanges): Promise<UserView> {
  return api.patch<UserView>(`/v1/users/${encodeURIComponent(id)}`, body);
}

export function resetUserPassword(id: string, newPassword: string): Promise<void> {
  return api.post<void>(`/v1/users/${encodeURIComponent(id)}/password`, { newPassword });
}

/** An active member of staff as every staff role may see them: for pickers (custodian, assignee …). */
export interface StaffMember {
  id: string;
  displayName: string;
  roles: Role[];
}

/**
 * The organization's active staff, by name (GET /staff). A short list that changes rarely; under `users`
 * so that the users page's refresh after an edit refreshes it too.
 */
export function useStaffDirectory() {
  return useQuery({
    queryKey: ['users', 'staff-directory'],
    queryFn: () => api.get<StaffMember[]>('/v1/staff'),
    staleTime: 5 * 60_000,
  });
}
