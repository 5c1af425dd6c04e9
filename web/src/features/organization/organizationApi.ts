import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { organizationView, updateOrganizationBody } from '../../../../common/schemas/organization.ts';
import { api } from '../../app/api.ts';

export type OrganizationView = z.infer<typeof organizationView>;
export type OrganizationChanges = z.input<typeof updateOrganizationBody>;

export const ORGANIZATION_KEY = ['organization'] as const;

export function getOrganization(): Promise<OrganizationView> {
  return api.get<OrganizationView>('/v1/organization');
}

export function updateOrganization(body: OrganizationChanges): Promise<OrganizationView> {
  return api.patch<OrganizationView>('/v1/organization', body);
}

/** The organization and its settings, as every signed-in user may read them (e.g. billing thresholds). */
export function useOrganization() {
  return useQuery({ queryKey: ORGANIZATION_KEY, queryFn: getOrganization });
}
