import type { z } from 'zod';
import {
  type OrgSettings,
  orgSettings,
  type updateOrganizationBody,
} from '../../../common/schemas/organization.ts';
import type { OrgRow } from './repo.ts';

/** Stored settings with every default filled in; unknown keys from older versions are dropped. */
export const readSettings = (raw: unknown): OrgSettings => orgSettings.parse(raw ?? {});

export function mergeSettings(
  current: OrgSettings,
  patch: z.output<typeof updateOrganizationBody>['settings'],
): OrgSettings {
  if (!patch) return current;
  return orgSettings.parse({
    ...current,
    ...(patch.documentFooter !== undefined ? { documentFooter: patch.documentFooter } : {}),
    vatRates: { ...current.vatRates, ...patch.vatRates },
    admission: { ...current.admission, ...patch.admission },
    billing: { ...current.billing, ...patch.billing },
    contracts: { ...current.contracts, ...patch.contracts },
  });
}

export const presentOrganization = (o: OrgRow) => ({
  id: o.id,
  name: o.name,
  uscc: o.uscc,
  address: o.address,
  timeZone: o.timeZone,
  currency: o.currency,
  settings: readSettings(o.settings),
});
