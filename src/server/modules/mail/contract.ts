import { z } from 'zod';
import { pagingQuery } from '../../../shared/validators';

export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const outboxListQuery = pagingQuery.extend({ status: z.enum(OUTBOX_STATUSES).optional() });

const outboxBase = {
  id: z.uuid(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sensitive: z.boolean(),
};

/** In the list the recipient is masked (PIPA); the message view shows it and is logged. */
export const outboxItem = z.object({ ...outboxBase, to: z.string() });
export const outboxListResponse = z.object({
  items: z.array(outboxItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** smtp: a sender delivers the outbox; outbox: no mail server configured (SMTP_URL), nothing is sent */
  delivery: z.enum(['smtp', 'outbox']),
  maxAttempts: z.number(),
  counts: z.record(z.enum(OUTBOX_STATUSES), z.number()),
});
export type OutboxList = z.infer<typeof outboxListResponse>;

export const outboxMessage = z.object({
  ...outboxBase,
  to: z.string(),
  /** null for a message holding a secret (password-reset link): never shown to staff */
  body: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessage>;
