import type { AttachmentRef } from '../../db/schema/index.ts';
import type { Ctx } from '../context.ts';
import { newId } from '../ids.ts';
import { insertMessages } from './repo.ts';

export interface MailMessage {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  html?: string | null;
  /** Documents rendered to PDF when the message is delivered, not now. */
  attachments?: AttachmentRef[];
  entityType?: string;
  entityId?: string;
}

/**
 * Queues messages in the caller's transaction: if the business change rolls back, so do they, and
 * nothing is ever sent for a change that did not happen. The deliver-outbox job sends them.
 */
export async function enqueueMail(ctx: Ctx, ...messages: MailMessage[]): Promise<string[]> {
  const values = messages.map((m) => ({
    id: newId(),
    orgId: ctx.orgId,
    to: m.to,
    cc: m.cc ?? [],
    subject: m.subject,
    text: m.text,
    html: m.html ?? null,
    attachments: m.attachments ?? [],
    entityType: m.entityType ?? null,
    entityId: m.entityId ?? null,
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
    jobRunId: ctx.jobRunId,
  }));
  await insertMessages(ctx.tx, values);
  return values.map((v) => v.id);
}
