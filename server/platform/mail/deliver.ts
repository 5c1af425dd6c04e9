import type { DocumentRegistry } from '../documents/registry.ts';
import { renderPdf } from '../documents/renderPdf.ts';
import type { JobContext, JobDefinition } from '../jobs/registry.ts';
import {
  type AttachmentRef,
  claimDue,
  markAttemptFailed,
  markDelivered,
  type OutboxRow,
  organizationName,
} from './repo.ts';
import type { MailTransport } from './transport.ts';

export const MAX_ATTEMPTS = 8;
const BATCH = 50;
const MAX_BATCHES_PER_RUN = 20;
const CLAIM_SECONDS = 300;

export interface DeliveryServices {
  documents: DocumentRegistry;
  mail: MailTransport;
  /** Address part of From; the organization's name is its display name. */
  mailFrom: string;
}

async function renderAttachment(job: JobContext, docs: DocumentRegistry, ref: AttachmentRef) {
  const kind = docs.get(ref.kind);
  if (!kind) throw new Error(`unknown document kind ${ref.kind}`);
  const model = await job.inOrg((ctx) => kind.load(ctx, ref.id));
  if (!model) throw new Error(`document ${ref.kind}/${ref.id} not found`);
  return { filename: ref.filename, content: await renderPdf(model), contentType: 'application/pdf' };
}

async function deliverOne(
  job: JobContext,
  s: DeliveryServices,
  from: string,
  m: OutboxRow,
): Promise<'sent' | 'outbox' | 'retry'> {
  try {
    // Rendered now, at delivery: queuing a message costs one row, however big its PDF.
    const attachments = [];
    for (const ref of m.attachments) attachments.push(await renderAttachment(job, s.documents, ref));
    const { messageId } = await s.mail.send({
      from,
      to: m.to,
      cc: m.cc,
      subject: m.subject,
      text: m.text,
      html: m.html ?? undefined,
      attachments,
    });
    const status = s.mail.kind === 'smtp' ? 'sent' : 'delivered_to_outbox';
    await job.inOrg((ctx) => markDelivered(ctx.tx, m.id, status, messageId));
    return status === 'sent' ? 'sent' : 'outbox';
  } catch (e) {
    await job.inOrg((ctx) =>
      markAttemptFailed(ctx.tx, m.id, e instanceof Error ? e.message : String(e), MAX_ATTEMPTS),
    );
    return 'retry';
  }
}

/** Sends what is due for one organization, in batches, each claim committed before sending. */
export async function deliverDue(job: JobContext, s: DeliveryServices): Promise<Record<string, number>> {
  const counts = { sent: 0, outbox: 0, retry: 0 };
  const orgName = (await job.inOrg((ctx) => organizationName(ctx.tx, ctx.orgId))) ?? 'Tenantry';
  const from = `"${orgName.replaceAll('"', '')}" <${s.mailFrom}>`;
  for (let i = 0; i < MAX_BATCHES_PER_RUN; i++) {
    const batch = await job.inOrg((ctx) => claimDue(ctx.tx, BATCH, CLAIM_SECONDS));
    for (const m of batch) counts[await deliverOne(job, s, from, m)]++;
    if (batch.length < BATCH) break;
  }
  return counts;
}

export function deliverOutboxJob(s: DeliveryServices): JobDefinition {
  return {
    name: 'deliver-outbox',
    description: { 'zh-CN': '发送待发邮件（发件箱）', en: 'Deliver queued e-mail (outbox)' },
    schedule: '*/20 * * * * *',
    frequent: true,
    run: (job) => deliverDue(job, s),
  };
}
