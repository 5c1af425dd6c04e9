import { z } from 'zod';

export const OUTBOX_STATUSES = ['pending', 'sent', 'delivered_to_outbox', 'failed'] as const;

export const attachmentRef = z.object({ kind: z.string(), id: z.string(), filename: z.string() });

export const outboxItem = z.object({
  id: z.uuid(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  attachments: z.array(attachmentRef),
});

export const outboxDetail = outboxItem.extend({ text: z.string(), html: z.string().nullable() });

export const outboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
