import type { z } from 'zod';
import type { statementsQuery } from '../../../common/schemas/statements.ts';
import type { Ctx } from '../../platform/context.ts';
import { notFound } from '../../platform/errors.ts';
import { CURSOR_PART, decodeCursor, page } from '../../platform/http/cursor.ts';
import { listStatements, type StatementRow, statementById } from './statementRepo.ts';

const present = <T extends Omit<StatementRow, 'entries'>>(s: T) => ({
  ...s,
  sentAt: s.sentAt ? new Date(s.sentAt).toISOString() : null,
  createdAt: new Date(s.createdAt).toISOString(),
});

export async function findStatements(ctx: Ctx, q: z.output<typeof statementsQuery>) {
  const after = decodeCursor<[string]>(q.cursor, 1, [CURSOR_PART.uuid]);
  const list = await listStatements(ctx.tx, { ...q, after, limit: q.limit + 1 });
  return page(list, q.limit, (s) => [s.id], present);
}

export async function getStatement(ctx: Ctx, id: string) {
  const s = await statementById(ctx.tx, id);
  if (!s) throw notFound('statement');
  return present(s);
}

export async function statementRow(ctx: Ctx, id: string) {
  const s = await statementById(ctx.tx, id);
  if (!s) throw notFound('statement');
  return s;
}
