import type { OrgSettings } from '../../../common/schemas/organization.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { findOwnOrganization } from './repo.ts';
import { readSettings } from './settings.ts';

export interface OrgFacts {
  name: string;
  address: string | null;
  timeZone: string;
  /** Printed at the foot of every document. */
  footer: string | null;
  settings: OrgSettings;
}

/** The acting organization's name, address, time zone and settings (defaults filled in). */
export async function orgFacts(ctx: Ctx): Promise<OrgFacts> {
  const org = await findOwnOrganization(ctx.tx, ctx.orgId);
  if (!org) throw notFound('organization');
  const settings = readSettings(org.settings);
  return {
    name: org.name,
    address: org.address,
    timeZone: org.timeZone,
    footer: settings.documentFooter,
    settings,
  };
}
