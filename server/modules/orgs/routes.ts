import { organizationView, updateOrganizationBody } from '../../../common/schemas/organization.ts';
import { notFound } from '../../platform/errors.ts';
import type { App } from '../../platform/http/app-types.ts';
import { findOwnOrganization } from './repo.ts';
import { presentOrganization } from './settings.ts';
import { updateOrganization } from './updateOrganization.ts';

export function organizationRoutes(app: App) {
  app.get(
    '/api/v1/organization',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags: ['organization'],
        summary: 'My organization and its settings',
        response: { 200: organizationView },
      },
    },
    (req) =>
      req.inOrg(async (ctx) => {
        const o = await findOwnOrganization(ctx.tx, ctx.orgId);
        if (!o) throw notFound('organization');
        return presentOrganization(o);
      }),
  );

  app.patch(
    '/api/v1/organization',
    {
      config: { policy: ['admin'] },
      schema: {
        tags: ['organization'],
        summary: 'Edit the organization and its settings',
        body: updateOrganizationBody,
        response: { 200: organizationView },
      },
    },
    async (req) => presentOrganization(await req.inOrg((ctx) => updateOrganization(ctx, req.body))),
  );
}
