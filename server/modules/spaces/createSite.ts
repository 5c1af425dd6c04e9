import type { z } from 'zod';
import type { siteBody } from '../../../common/schemas/spaces.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { guardConflict } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { insertSite } from './repo.ts';

export async function createSite(ctx: Ctx, input: z.output<typeof siteBody>) {
  const site = await guardConflict(
    ctx.tx,
    (sp) => insertSite(sp, { id: newId(), orgId: ctx.orgId, ...input }),
    () => new AppError('SITE_NAME_TAKEN', { name: input.name }, 'name'),
  );
  await recordAudit(ctx, { entityType: 'site', entityId: site.id, action: 'site.create', after: input });
  return site;
}
