/** Staff roles (R9.1) plus the portal role. A user may hold several. */
export const STAFF_ROLES = ['admin', 'business', 'legal', 'finance', 'management', 'service'] as const;
export const ROLES = [...STAFF_ROLES, 'customer'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

export function isStaffRole(r: string): r is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(r);
}
