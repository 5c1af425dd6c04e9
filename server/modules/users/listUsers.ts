import type { z } from 'zod';
import type { listUsersQuery } from '../../../common/schemas/users.ts';
import type { Ctx } from '../../platform/context.ts';
import { decodeCursor, page } from '../../platform/http/cursor.ts';
import { presentUser } from './present.ts';
import { listUsers as selectUsers } from './repo.ts';

export async function listUsers(ctx: Ctx, q: z.output<typeof listUsersQuery>) {
  const after = decodeCursor<[string]>(q.cursor, 1);
  const rows = await selectUsers(ctx.tx, {
    q: q.q || undefined,
    role: q.role,
    active: q.active === undefined ? undefined : q.active === 'true',
    afterUsername: after?.[0],
    limit: q.limit + 1,
  });
  return page(rows, q.limit, (u) => [u.username], presentUser);
}
