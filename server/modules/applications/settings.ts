import type { OrgSettings } from '../../../common/schemas/organization.ts';
import type { Ctx } from '../../platform/context.ts';
import { type OrgFacts as Facts, orgFacts as facts } from '../orgs/index.ts';

export interface OrgFacts extends Facts {
  admission: OrgSettings['admission'];
}

/** The organization's admission settings and what its documents print. */
export async function orgFacts(ctx: Ctx): Promise<OrgFacts> {
  const f = await facts(ctx);
  return { ...f, admission: f.settings.admission };
}
