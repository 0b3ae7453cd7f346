import { sql } from 'drizzle-orm';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { ConflictError, ValidationError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { outbox } from '../../platform/schema';
import { activeMemberEmails } from '../companies';
import { loadApplication, moveStatus } from './access';
import { canStaffMove } from './lifecycle-contract';
import { mapApplication } from './read';
import { supplementRequests } from './schema';

/** Staff ask for missing documents by a date (보완요청); the applicant can edit and re-submit until then. */
export async function requestSupplement({
  db,
  actor,
  id,
  message,
  dueAt,
}: {
  db: Database;
  actor: Actor;
  id: string;
  message: string;
  dueAt: string;
}) {
  assertCan(actor, 'application.manage');
  const due = new Date(dueAt);
  const row = await db.transaction(async (tx) => {
    // the due date is checked against the database's clock
    const [{ past }] = await sqlRows<{ past: boolean }>(
      tx,
      sql`SELECT ${due.toISOString()}::timestamptz <= now() AS past`,
    );
    if (past) throw new ValidationError('validation_failed', [{ path: 'dueAt', message: 'due_in_past' }]);
    const app = await loadApplication(tx, id, true);
    if (!canStaffMove(app.status, 'supplement_requested'))
      throw new ConflictError('illegal_transition', { from: app.status, to: 'supplement_requested' });
    await tx
      .insert(supplementRequests)
      .values({ applicationId: id, message, dueAt: due, createdBy: actor.userId });
    const after = await moveStatus(
      tx,
      actor,
      app,
      'application.supplement_request',
      { status: 'supplement_requested', statusReason: message },
      { message, dueAt },
    );
    for (const email of await activeMemberEmails(tx, app.companyId))
      await tx.insert(outbox).values({
        to: email,
        subject: `[잇다] 보완 요청 — ${app.receiptNo}`,
        body: `${message}\n\n기한: ${due.toISOString()}\n잇다 > 내 신청에서 보완해 주세요.`,
      });
    return after;
  });
  return mapApplication(db, row);
}

/** Staff mark an application incomplete or ineligible (with a reason), or restore it to submitted. */
export async function reviewApplication({
  db,
  actor,
  id,
  status,
  reason,
}: {
  db: Database;
  actor: Actor;
  id: string;
  status: 'incomplete' | 'ineligible' | 'submitted';
  reason: string;
}) {
  assertCan(actor, 'application.manage');
  const row = await db.transaction(async (tx) => {
    const app = await loadApplication(tx, id, true);
    if (!canStaffMove(app.status, status))
      throw new ConflictError('illegal_transition', { from: app.status, to: status });
    return moveStatus(tx, actor, app, 'application.review', { status, statusReason: reason }, { reason });
  });
  return mapApplication(db, row);
}
