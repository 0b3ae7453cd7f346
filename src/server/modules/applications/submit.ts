import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/enums';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, ValidationError } from '../../platform/errors';
import { assertCan, assertCanAny } from '../../platform/policy';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import type { EligibilityRegistry } from '../programs/eligibility';
import type { Answers, FormSection } from '../programs/form-contract';
import { type CallWindow, receiptPrefix } from '../programs/lifecycle-contract';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { callForms, calls, programs } from '../programs/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { callAcceptsSql, callWindowSql } from '../programs/window';
import { moveStatus, readable } from './access';
import { validateAnswers } from './answers-contract';
import { eligibility, notEligible } from './eligibility';
import { canApplicantMove } from './lifecycle';
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
    const [ctx] = await tx
      .select({ form: callForms, call: calls, program: programs })
      .from(callForms)
      .innerJoin(calls, eq(calls.id, callForms.callId))
      .innerJoin(programs, eq(programs.id, calls.programId))
      .where(eq(callForms.id, app.formId));
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
      // Supplements are answered by their due date, after the call's deadline too.
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

    const checks = await eligibility(tx, ctx.call, app.companyId, rules);
    if (!checks.every((x) => x.ok)) throw notEligible(checks);
    const needsReceipt = !app.receiptNo;
    if (needsReceipt) counterKey = await ensureReceiptCounter(db, tx, ctx.program.code, ctx.call.year);
    // One statement takes the call row (count, deadline, cap), the program-year receipt counter, moves the
    // application and queues its email: the rows stay locked only for this statement, the audit row and
    // the commit, so concurrent submits to one call queue as briefly as possible.
    const email = actor.email ?? null;
    const mailTexts = receiptMailTexts(ctx.call.title);
    const [row] = await sqlRows<{
      id: string;
      status: ApplicationStatus;
      receipt_no: string | null;
      submitted_at: Date;
    }>(
      tx,
      sql`WITH slot AS (
            UPDATE calls SET receipt_seq = receipt_seq + ${needsReceipt ? 1 : 0}, submitted_count = submitted_count + 1
            WHERE id = ${app.callId} AND ${callAcceptsSql('submit')}
              AND (max_applications IS NULL OR submitted_count < max_applications)
            RETURNING id),
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
            RETURNING id, status, receipt_no, submitted_at),
          mail AS (
            INSERT INTO outbox ("to", subject, body)
            SELECT ${email}, ${mailTexts.subjectBeforeReceipt} || m.receipt_no,
                   ${mailTexts.bodyBeforeReceipt} || m.receipt_no || ${mailTexts.bodyBeforeTime} ||
                   to_char(m.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') ||
                   ${mailTexts.bodyEnd}
            FROM moved m WHERE ${email}::text IS NOT NULL)
          SELECT * FROM moved`,
    );
    if (!row) {
      const [c] = await sqlRows<{ window: CallWindow }>(
        tx,
        sql`SELECT ${callWindowSql()} AS window FROM calls WHERE id = ${app.callId}`,
      );
      if (c?.window !== 'open')
        throw new ConflictError(c?.window === 'closed' ? 'deadline_passed' : 'call_not_open');
      if (ctx.call.maxApplications !== null) throw new ConflictError('call_full');
      throw new ConflictError('call_not_open');
    }
    if (!row.receipt_no) throw new Error('receipt counter missing');
    const receiptNo = row.receipt_no;
    await recordAudit(tx, actor, {
      action: 'application.submit',
      entityType: 'application',
      entityId: id,
      before: { status: app.status },
      after: { status: row.status, receiptNo, submittedAt: row.submitted_at },
    });
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
    const [slot] = await sqlRows<{ id: string }>(
      tx,
      sql`UPDATE calls SET submitted_count = submitted_count - 1 WHERE id = ${app.callId} AND ${callAcceptsSql('withdraw')} RETURNING id`,
    );
    if (!slot) throw new ConflictError('deadline_passed');
    return moveStatus(tx, actor, app, 'application.withdraw', {
      status: 'withdrawn',
      withdrawnAt: sql`now()`,
    });
  });
  return mapApplication(db, row);
}
