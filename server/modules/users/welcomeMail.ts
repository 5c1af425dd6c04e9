import { ROLE_LABELS, type Role } from '../../../common/roles.ts';
import type { MailMessage } from '../../platform/mail/enqueue.ts';

/** The message a new user receives: who opened the account and under which name; never a password. */
export function welcomeMail(
  u: { id: string; username: string; displayName: string; email: string; roles: Role[] },
  orgName: string,
): MailMessage {
  const zhRoles = u.roles.map((r) => ROLE_LABELS[r]['zh-CN']).join('、');
  const enRoles = u.roles.map((r) => ROLE_LABELS[r].en).join(', ');
  return {
    to: [u.email],
    subject: `您的 Tenantry 账号已开通 / Your Tenantry account is ready`,
    text: [
      `${u.displayName}，您好：`,
      '',
      `${orgName} 已为您开通 Tenantry 租户管家账号。`,
      `用户名：${u.username}`,
      `角色：${zhRoles}`,
      '初始密码由管理员另行告知；首次登录后请在右上角菜单中修改密码。',
      '',
      `Hello ${u.displayName},`,
      `${orgName} has opened a Tenantry account for you. Username: ${u.username}. Roles: ${enRoles}.`,
      'Your administrator will give you the initial password; please change it after you first sign in.',
    ].join('\n'),
    entityType: 'user',
    entityId: u.id,
  };
}
