import type { z } from 'zod';
import { formatYuan } from '../../../common/money.ts';
import type { issueStatementBody } from '../../../common/schemas/statements.ts';
import { recordAudit } from '../../platform/audit/record.ts';
import type { Ctx } from '../../platform/context.ts';
import { nextNumber } from '../../platform/db/numbers.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { enqueueMail } from '../../platform/mail/enqueue.ts';
import { orgFacts } from '../orgs/index.ts';
import { billingRecipient } from './deliveryRepo.ts';
import { computeStatement } from './statement.ts';
import { insertStatement, markSent, type StatementRow, statementById } from './statementRepo.ts';

export const STATEMENT_KIND = 'statement';

/**
 * Issues a statement: its figures are computed now and kept as issued, so what the customer confirms or
 * disputes is exactly what was sent, whatever is posted later. Optionally e-mails it at once.
 */
export async function issueStatement(
  ctx: Ctx,
  customerId: string,
  body: z.output<typeof issueStatementBody>,
) {
  const figures = await computeStatement(ctx, customerId, body.from, body.to);
  const id = newId();
  const number = await nextNumber(ctx.tx, ctx.orgId, 'DZ', Number(body.to.slice(0, 4)));
  await insertStatement(ctx.tx, {
    id,
    orgId: ctx.orgId,
    number,
    customerId,
    from: body.from,
    to: body.to,
    openingFen: figures.openingFen,
    chargesFen: figures.chargesFen,
    receivedFen: figures.receivedFen,
    closingFen: figures.closingFen,
    entries: figures.entries,
    createdBy: ctx.actor.id,
  });
  await recordAudit(ctx, {
    entityType: 'statement',
    entityId: id,
    action: 'statement.issue',
    customerId,
    after: {
      number,
      from: body.from,
      to: body.to,
      openingFen: figures.openingFen,
      closingFen: figures.closingFen,
      entries: figures.entries.length,
    },
  });
  const statement = (await statementById(ctx.tx, id))!;
  if (body.send) await sendStatement(ctx, statement);
  return id;
}

/** E-mails the statement, with its PDF rendered at delivery, to the finance contact (or the primary one). */
export async function sendStatement(ctx: Ctx, s: StatementRow) {
  const to = await billingRecipient(ctx.tx, s.customerId);
  if (!to) throw new AppError('STATEMENT_NO_RECIPIENT');
  const org = await orgFacts(ctx);
  const owes =
    s.closingFen >= 0
      ? `期末应付余额 ${formatYuan(s.closingFen)} 元`
      : `期末预收余额 ${formatYuan(-s.closingFen)} 元`;
  await enqueueMail(ctx, {
    to: [to.email],
    subject: `【${org.name}】对账单 ${s.number}（${s.from} 至 ${s.to}）`,
    text:
      `${to.name}：您好！\n\n附件为贵司（${s.customerName}）${s.from} 至 ${s.to} 的对账单（编号 ${s.number}），` +
      `${owes}。请核对，如无异议请回复确认；如有异议，请于收到后 10 日内告知具体事项。\n\n${org.name}`,
    attachments: [{ kind: STATEMENT_KIND, id: s.id, filename: `对账单-${s.number}.pdf` }],
    entityType: 'statement',
    entityId: s.id,
  });
  await markSent(ctx.tx, s.id, to.email);
  await recordAudit(ctx, {
    entityType: 'statement',
    entityId: s.id,
    action: 'statement.send',
    customerId: s.customerId,
    after: { to: to.email },
  });
}
