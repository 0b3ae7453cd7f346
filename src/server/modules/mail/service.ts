import { and, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { maskEmail } from '../../../shared/text';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { logAccess, recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { MAIL_MAX_ATTEMPTS, type MailDelivery } from '../../platform/mail';
import type { MaintenanceTask } from '../../platform/maintenance';
import { assertCan } from '../../platform/policy';
import { outbox } from '../../platform/schema';
import { OUTBOX_STATUSES, type OutboxStatus, type outboxListQuery } from './contract';

/** Sent and failed mail (addresses, bodies) is deleted 90 days after it was written. */
export const OUTBOX_KEEP_DAYS = 90;
/** Retention of the outbox (a maintenance task of the mail module). */
export const purgeOldMail: MaintenanceTask = (db) =>
  db
    .delete(outbox)
    .where(
      and(
        sql`${outbox.status} IN ('sent', 'failed')`,
        lt(outbox.createdAt, sql`now() - make_interval(days => ${OUTBOX_KEEP_DAYS})`),
      ),
    );

type Row = typeof outbox.$inferSelect;
/**
 * Mail whose body holds a secret link: a password reset (flagged `sensitive`) or a sign-up confirmation
 * (whoever opens it creates the account and is signed in). The 발송함 never shows their bodies.
 */
const holdsSecret = (r: Row) => r.sensitive || r.kind === 'signup_verify';
const base = (r: Row) => ({
  id: r.id,
  subject: r.subject,
  status: r.status as OutboxStatus,
  attempts: r.attempts,
  createdAt: r.createdAt.toISOString(),
  sentAt: r.sentAt?.toISOString() ?? null,
  nextAttemptAt: r.status === 'queued' ? r.nextAttemptAt.toISOString() : null,
  lastError: r.lastError,
  sensitive: holdsSecret(r),
});

/** The 발송함 list: newest first, recipients masked. */
export async function listOutbox({
  db,
  actor,
  input,
  delivery,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof outboxListQuery>;
  delivery: MailDelivery;
}) {
  assertCan(actor, 'outbox.manage');
  const where = input.status ? eq(outbox.status, input.status) : undefined;
  const [rows, [{ n }], byStatus] = await Promise.all([
    db
      .select()
      .from(outbox)
      .where(where)
      .orderBy(desc(outbox.createdAt), desc(outbox.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(outbox).where(where),
    db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status),
  ]);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of byStatus) if (r.status in counts) counts[r.status as OutboxStatus] = Number(r.n);
  return {
    items: rows.map((r) => ({ ...base(r), to: maskEmail(r.to) ?? '' })),
    total: Number(n),
    page: input.page,
    pageSize: input.pageSize,
    delivery,
    maxAttempts: MAIL_MAX_ATTEMPTS,
    counts,
  };
}

/** One message as it is (or would be) sent; the unmasked recipient is a personal-data access, logged. */
export async function getOutboxMessage({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'outbox.manage');
  const [r] = await db.select().from(outbox).where(eq(outbox.id, id));
  if (!r) throw new NotFoundError('message');
  await logAccess(db, actor, { action: 'view', subjectType: 'outbox', subjectId: id });
  return { ...base(r), to: r.to, body: holdsSecret(r) ? null : r.body };
}

/** A failed message goes back to the queue with a fresh set of attempts. */
export async function retryOutboxMessage({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'outbox.manage');
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(outbox).where(eq(outbox.id, id)).for('update');
    if (!before) throw new NotFoundError('message');
    if (before.status !== 'failed') throw new ConflictError('outbox_not_failed');
    const [after] = await tx
      .update(outbox)
      .set({ status: 'queued', attempts: 0, nextAttemptAt: sql`now()`, claimedUntil: null })
      .where(eq(outbox.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'outbox.retry',
      entityType: 'outbox',
      entityId: id,
      before: { status: before.status, attempts: before.attempts, lastError: before.lastError },
      after: { status: after.status },
    });
    return { ...base(after), to: maskEmail(after.to) ?? '' };
  });
}
