import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { password, username } from './auth.ts';
import { emailField, phoneField } from './fields.ts';

export const userView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  active: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

export const createUserBody = z.object({
  username,
  displayName: z.string().trim().min(1).max(100),
  email: emailField().nullish(),
  phone: phoneField().nullish(),
  roles: z.array(z.enum(ROLES)).min(1),
  password,
});

export const updateUserBody = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    email: emailField().nullable(),
    phone: phoneField().nullable(),
    roles: z.array(z.enum(ROLES)).min(1),
    active: z.boolean(),
  })
  .partial();

export const resetPasswordBody = z.object({ newPassword: password });

export const listUsersQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
});
