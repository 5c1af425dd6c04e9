/** Staff roles (R9.1) plus the portal role. A user may hold several. */
export const STAFF_ROLES = ['admin', 'business', 'legal', 'finance', 'management', 'service'] as const;
export const ROLES = [...STAFF_ROLES, 'customer'] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];
export type Role = (typeof ROLES)[number];

export function isStaffRole(r: string): r is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(r);
}

/** Role names as the policy's departments are called, for messages and documents the server writes. */
export const ROLE_LABELS: Record<Role, { 'zh-CN': string; en: string }> = {
  admin: { 'zh-CN': '系统管理员', en: 'Administrator' },
  business: { 'zh-CN': '业务部', en: 'Business' },
  legal: { 'zh-CN': '法务部', en: 'Legal' },
  finance: { 'zh-CN': '财务部', en: 'Finance' },
  management: { 'zh-CN': '管理层', en: 'Management' },
  service: { 'zh-CN': '客服部', en: 'Service' },
  customer: { 'zh-CN': '客户', en: 'Customer' },
};
