import type { OrgSettings } from '../../../common/schemas/organization.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findOwnOrganization, readSettings } from '../orgs/index.ts';

export interface OrgFacts {
  name: string;
  address: string | null;
  timeZone: string;
  footer: string | null;
  admission: OrgSettings['admission'];
}

/** The organization's admission settings and what its documents print. */
export async function orgFacts(ctx: Ctx): Promise<OrgFacts> {
  const org = await findOwnOrganization(ctx.tx, ctx.orgId);
  if (!org) throw notFound('organization');
  const settings = readSettings(org.settings);
  return {
    name: org.name,
    address: org.address,
    timeZone: org.timeZone,
    footer: settings.documentFooter,
    admission: settings.admission,
  };
}
