import type { z } from 'zod';
import type { siteBody } from '../../../common/schemas/spaces.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { listSites, updateSiteRow } from './repo.ts';

export async function updateSite(ctx: Ctx, id: string, input: Partial<z.output<typeof siteBody>>) {
  const [before] = await listSites(ctx.tx, { id, limit: 1 });
  if (!before) throw notFound('site');
  await guardConflict(
    ctx.tx,
    (sp) => updateSiteRow(sp, id, input),
    () => new AppError('SITE_NAME_TAKEN', { name: input.name ?? '' }, 'name'),
  );
  const pick = (s: typeof before) => ({ name: s.name, city: s.city, address: s.address });
  const after = { ...pick(before), ...input };
  await recordAudit(ctx, {
    entityType: 'site',
    entityId: id,
    action: 'site.update',
    before: pick(before),
    after,
  });
  return (await listSites(ctx.tx, { id, limit: 1 }))[0]!;
}
