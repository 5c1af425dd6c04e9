import { z } from 'zod';
import { STAFF_ROLES } from '../../../common/roles.ts';
import { pageOf, uuidParam } from '../../../common/schemas/paging.ts';
import {
  createUserBody,
  listUsersQuery,
  resetPasswordBody,
  updateUserBody,
  userView,
} from '../../../common/schemas/users.ts';
import type { App } from '../../platform/http/app-types.ts';
import { createUser } from './createUser.ts';
import { listUsers } from './listUsers.ts';
import { presentUser } from './present.ts';
import { staffDirectory } from './repo.ts';
import { resetPassword } from './resetPassword.ts';
import { updateUser } from './updateUser.ts';

const admin = ['admin'] as const;

export function userRoutes(app: App) {
  app.get(
    '/api/v1/users',
    {
      config: { policy: admin },
      schema: {
        tags: ['users'],
        summary: 'List users',
        querystring: listUsersQuery,
        response: { 200: pageOf(userView) },
      },
    },
    (req) => req.inOrg((ctx) => listUsers(ctx, req.query)),
  );

  app.get(
    '/api/v1/staff',
    {
      config: { policy: STAFF_ROLES },
      schema: {
        tags: ['users'],
        summary: 'Active staff, for pickers (custodian, assignee): names and roles only',
        response: {
          200: z.array(z.object({ id: z.uuid(), displayName: z.string(), roles: z.array(z.string()) })),
        },
      },
    },
    (req) => req.inOrg((ctx) => staffDirectory(ctx.tx)),
  );

  app.post(
    '/api/v1/users',
    {
      config: { policy: admin },
      schema: {
        tags: ['users'],
        summary: 'Create a user',
        body: createUserBody,
        response: { 201: userView },
      },
    },
    async (req, reply) => {
      const user = await req.inOrg((ctx) => createUser(ctx, req.body));
      return reply.status(201).send(presentUser(user));
    },
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { policy: admin },
      schema: {
        tags: ['users'],
        summary: 'Edit, deactivate or reactivate a user',
        params: uuidParam,
        body: updateUserBody,
        response: { 200: userView },
      },
    },
    async (req) => presentUser(await req.inOrg((ctx) => updateUser(ctx, req.params.id, req.body))),
  );

  app.post(
    '/api/v1/users/:id/password',
    {
      config: { policy: admin },
      schema: {
        tags: ['users'],
        summary: "Reset a user's password",
        params: uuidParam,
        body: resetPasswordBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await req.inOrg((ctx) => resetPassword(ctx, req.params.id, req.body.newPassword));
      return reply.status(204).send(null);
    },
  );
}
