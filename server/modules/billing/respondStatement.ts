import type { z } from 'zod';
import { todayIn } from '../../../common/dates.ts';
import type { respondStatementBody } from '../../../common/schemas/statements.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { sendStatement } from './issueStatement.ts';
import { recordResponse, statementById } from './statementRepo.ts';

/** The customer's answer to a statement, recorded by staff (the portal records it itself later). */
export async function respondStatement(
  ctx: Ctx,
  id: string,
  body: z.output<typeof respondStatementBody>,
  clock: { today: string; timeZone: string },
) {
  const { today } = clock;
  const s = await statementById(ctx.tx, id, true);
  if (!s) throw notFound('statement');
  if (s.status !== 'issued')
    throw new AppError('STATEMENT_ALREADY_ANSWERED', { number: s.number, date: s.respondedOn ?? '' });
  if (body.respondedOn > today) throw new AppError('BILLING_DATE_IN_FUTURE', { date: today }, 'respondedOn');
  const issuedOn = todayIn(clock.timeZone, new Date(s.createdAt));
  if (body.respondedOn < issuedOn)
    throw new AppError('STATEMENT_ANSWER_BEFORE_ISSUE', { date: issuedOn }, 'respondedOn');
  if (body.response === 'disputed' && !body.note)
    throw new AppError('STATEMENT_DISPUTE_NOTE_REQUIRED', {}, 'note');
  await recordResponse(ctx.tx, id, {
    status: body.response,
    respondedOn: body.respondedOn,
    respondent: body.respondent,
    note: body.note ?? null,
    by: ctx.actor.id,
  });
  await recordAudit(ctx, {
    entityType: 'statement',
    entityId: id,
    action: `statement.${body.response === 'confirmed' ? 'confirm' : 'dispute'}`,
    customerId: s.customerId,
    before: { status: s.status },
    after: {
      status: body.response,
      respondedOn: body.respondedOn,
      respondent: body.respondent,
      note: body.note,
    },
  });
}

/** Sends (or sends again) an issued statement. */
export async function resendStatement(ctx: Ctx, id: string) {
  const s = await statementById(ctx.tx, id, true);
  if (!s) throw notFound('statement');
  await sendStatement(ctx, s);
}
