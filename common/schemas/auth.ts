import { z } from 'zod';
import { ROLES } from '../roles.ts';

export const PASSWORD_MIN = 10;
export const password = z.string().min(PASSWORD_MIN).max(200);
export const username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash and underscore only')
  .transform((s) => s.toLowerCase());

export const loginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const sessionUser = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  org: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string() }),
});
export type SessionUser = z.infer<typeof sessionUser>;

export const sessionResponse = z.object({ user: sessionUser, csrfToken: z.string() });

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: password,
});
