import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/enums';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { auditInsertSql } from '../../platform/audit';
import { ConflictError, ValidationError } from '../../platform/errors';
import { outboxInsertSql } from '../../platform/mail';
import { assertCan, assertCanAny } from '../../platform/policy';
import {
  type EligibilityRegistry,
  eligibilityOf,
  loadCallForm,
  releaseSubmissionSlotSql,
  takeSubmissionSlotSql,
} from '../programs';
import type { Answers, FormSection } from '../programs/form-contract';
import { callAccepts, receiptPrefix } from '../programs/lifecycle-contract';
import { moveStatus, readable } from './access';
import { validateAnswers } from './answers-contract';
import { notEligible } from './eligibility';
import { canApplicantMove } from './lifecycle-contract';
import { receiptMailTexts } from './mail';
import { mapApplication } from './read';
import { applicationFiles, supplementRequests } from './schema';

/**
 * Program-year 접수번호 counters known to exist, per database (they are never deleted): the existence check
 * runs once per process and counter. Marked only after the creating transaction committed.
 */
const knownCounters = new WeakMap<object, Set<string>>();

/**
 * Makes sure the receipt counter of a program and year exists, started from the highest number already
 * issued (e.g. by the demo world or an import). Runs before the call row is locked. Returns the key to
 * mark as known once the transaction has committed, or undefined when it was known already.
 */
async function ensureReceiptCounter(db: Database, tx: Database, programCode: string, year: number) {
  const key = `${programCode}:${year}`;
  if (knownCounters.get(db)?.has(key)) return undefined;
  await tx.execute(sql`INSERT INTO receipt_counters (program_code, year, seq)
    SELECT ${programCode}, ${year}, coalesce(max(split_part(receipt_no, '-', 3)::int), 0)
    FROM applications WHERE receipt_no LIKE ${`${receiptPrefix(year, programCode)}%`}
    ON CONFLICT DO NOTHING`);
  return key;
}
const markCounterKnown = (db: Database, key: string) => {
  const known = knownCounters.get(db) ?? new Set<string>();
  known.add(key);
  knownCounters.set(db, known);
};

/**
 * Submits before the deadline, by the database's clock. The call row is locked while its receipt
 * serial and count move, so two app instances can neither issue the same receipt number nor accept a
 * submission after `closes_at`. Submitting a submitted application again (or with the same
 * Idempotency-Key) returns the same receipt.
 */
export async function submitApplication({
  db,
  actor,
  id,
  idempotencyKey,
  rules,
}: {
  db: Database;
  actor: Actor;
  id: string;
  idempotencyKey?: string;
  /** the installed eligibility evaluators */
  rules: EligibilityRegistry;
}) {
  assertCanAny(actor, 'application.apply');
  let counterKey: string | undefined;
  const result = await db.transaction(async (tx) => {
    const app = await readable(tx, actor, id, true);
    assertCan(actor, 'application.apply', { companyId: app.companyId });
    if (app.status === 'submitted' && app.receiptNo && app.submittedAt) {
      return { row: app, fresh: false };
    }
    if (!canApplicantMove(app.status, 'submitted'))
      throw new ConflictError('application_locked', { status: app.status });
    const ctx = await loadCallForm(tx, app.formId);
    const fileKeys = new Set(
      (
        await tx
          .select({ k: applicationFiles.fieldKey })
          .from(applicationFiles)
          .where(eq(applicationFiles.applicationId, id))
      ).map((r) => r.k),
    );
    const required = (ctx.call.requiredDocuments as { key: string; required: boolean }[]).filter(
      (d) => d.required,
    );
    const errors = [
      ...validateAnswers(ctx.form.sections as FormSection[], app.answers as Answers, {
        submit: true,
        fileKeys,
      }),
      ...required
        .filter((d) => !fileKeys.has(d.key))
        .map((d) => ({ path: `documents.${d.key}`, message: 'required' })),
    ];
    if (errors.length) throw new ValidationError('validation_failed', errors);

    if (app.status === 'supplement_requested') {
      // Supplements are answered by their due date, after the call's deadline too (answerSupplement).
      if (!callAccepts('answerSupplement', ctx.window)) throw new ConflictError('deadline_passed');
      const [open] = await tx
        .update(supplementRequests)
        .set({ resolvedAt: sql`now()` })
        .where(
          and(
            eq(supplementRequests.applicationId, id),
            isNull(supplementRequests.resolvedAt),
            sql`now() < ${supplementRequests.dueAt}`,
          ),
        )
        .returning();
      if (!open) throw new ConflictError('supplement_overdue');
      const row = await moveStatus(tx, actor, app, 'application.supplement_submit', {
        status: 'submitted',
        statusReason: null,
      });
      return { row, fresh: true };
    }

    const checks = await eligibilityOf(tx, ctx.call, app.companyId, rules);
    if (!checks.every((x) => x.ok)) throw notEligible(checks);
    const needsReceipt = !app.receiptNo;
    if (needsReceipt) counterKey = await ensureReceiptCounter(db, tx, ctx.program.code, ctx.call.year);
    // One statement takes a submission slot on the call row (programs: window, seats), the program-year
    // receipt counter, moves the application, queues its email and writes its audit row: the rows stay
    // locked only for this statement and the commit, so concurrent submits to one call queue briefly.
    const email = actor.email ?? null;
    const mailTexts = receiptMailTexts(ctx.call.title);
    const [row] = await sqlRows<{
      id: string;
      status: ApplicationStatus;
      receipt_no: string | null;
      submitted_at: Date;
    }>(
      tx,
      sql`WITH slot AS (${takeSubmissionSlotSql(app.callId, { newReceipt: needsReceipt })}),
          counter AS (
            UPDATE receipt_counters SET seq = seq + 1
            WHERE ${needsReceipt} AND program_code = ${ctx.program.code} AND year = ${ctx.call.year}
              AND EXISTS (SELECT 1 FROM slot)
            RETURNING seq),
          moved AS (
            UPDATE applications SET status = 'submitted',
              receipt_no = coalesce(receipt_no, ${receiptPrefix(ctx.call.year, ctx.program.code)} ||
                (SELECT CASE WHEN seq < 10000 THEN lpad(seq::text, 4, '0') ELSE seq::text END FROM counter)),
              submitted_at = now(), withdrawn_at = NULL, idempotency_key = ${idempotencyKey ?? null},
              version = version + 1, updated_at = now()
            WHERE id = ${id} AND EXISTS (SELECT 1 FROM slot)
            RETURNING id, status, receipt_no, submitted_at,
              to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS submitted_iso),
          mail AS (${outboxInsertSql({
            to: sql`${email}`,
            subject: sql`${mailTexts.subjectBeforeReceipt} || m.receipt_no`,
            body: sql`${mailTexts.bodyBeforeReceipt} || m.receipt_no || ${mailTexts.bodyBeforeTime} ||
                   m.submitted_iso || ${mailTexts.bodyEnd}`,
            from: sql`moved m WHERE ${email}::text IS NOT NULL`,
          })}),
          audit AS (${auditInsertSql(actor, {
            action: 'application.submit',
            entityType: 'application',
            entityId: sql`m.id::text`,
            before: { status: app.status },
            after: sql`jsonb_build_object('status', m.status, 'receiptNo', m.receipt_no, 'submittedAt', m.submitted_iso)`,
            from: sql`moved m`,
          })})
          SELECT id, status, receipt_no, submitted_at FROM moved`,
    );
    if (!row) {
      // same transaction, same now(): the window the slot fragment saw
      const { window } = await loadCallForm(tx, app.formId);
      if (window !== 'open')
        throw new ConflictError(window === 'closed' ? 'deadline_passed' : 'call_not_open');
      if (ctx.call.maxApplications !== null) throw new ConflictError('call_full');
      throw new ConflictError('call_not_open');
    }
    if (!row.receipt_no) throw new Error('receipt counter missing');
    const receiptNo = row.receipt_no;
    return {
      row: { id: row.id, status: row.status, receiptNo, submittedAt: new Date(row.submitted_at) },
      fresh: true,
    };
  });
  if (counterKey) markCounterKnown(db, counterKey);
  const r = result.row;
  return {
    fresh: result.fresh,
    body: { id: r.id, status: r.status, receiptNo: r.receiptNo!, submittedAt: r.submittedAt!.toISOString() },
  };
}

/** Withdraws a submitted application before the deadline; it may be submitted again (same receipt). */
export async function withdrawApplication({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCanAny(actor, 'application.apply');
  const row = await db.transaction(async (tx) => {
    const app = await readable(tx, actor, id, true);
    assertCan(actor, 'application.apply', { companyId: app.companyId });
    if (!canApplicantMove(app.status, 'withdrawn'))
      throw new ConflictError('application_locked', { status: app.status });
    const [slot] = await sqlRows<{ id: string }>(tx, releaseSubmissionSlotSql(app.callId));
    if (!slot) throw new ConflictError('deadline_passed');
    return moveStatus(tx, actor, app, 'application.withdraw', {
      status: 'withdrawn',
      withdrawnAt: sql`now()`,
    });
  });
  return mapApplication(db, row);
}
