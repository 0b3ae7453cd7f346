import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { ApplicationStatus } from '../../../shared/enums';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { logPersonalRead, recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { assertCan, assertCanAny } from '../../platform/policy';
import { files, outbox, users } from '../../platform/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { companies } from '../companies/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { type EligibilityEvaluator, type EligibilityRegistry, evaluateRules } from '../programs/eligibility';
import type { EligibilityRule } from '../programs/eligibility-contract';
import type { Answers, FormSection } from '../programs/form-contract';
import {
  type CallWindow,
  callAccepts,
  competitionRatio,
  receiptPrefix,
} from '../programs/lifecycle-contract';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { callForms, calls, programs } from '../programs/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { dbNow, loadCall, loadCallForm, loadCompanyFacts } from '../programs/service';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { callAcceptsSql, callWindowSql } from '../programs/window';
import { validateAnswers } from './answers-contract';
import type { Application } from './contract';
import { COUNTED, canApplicantMove, canStaffMove, EDITABLE, editAction } from './lifecycle';
import { receiptMailTexts } from './mail';
import { applicationFiles, applications, supplementRequests } from './schema';

type AppRow = typeof applications.$inferSelect;

// 같은 사업에 같은 해 이미 선정된 기업 제외
export const notSelectedSameProgramYear: EligibilityEvaluator<'notSelectedSameProgramYear'> = async (
  _r,
  { db, company, call },
) => {
  const [hit] = await sqlRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE a.company_id = ${company.id} AND a.status = 'selected' AND c.program_id = ${call.programId}
          AND c.year = ${call.year} AND c.id <> ${call.id}`,
  );
  return hit.n === 0
    ? {
        type: 'notSelectedSameProgramYear',
        ok: true,
        reason: {
          ko: '같은 해 이 사업에 선정된 이력이 없습니다.',
          en: 'Not selected in this program this year.',
        },
      }
    : {
        type: 'notSelectedSameProgramYear',
        ok: false,
        reason: {
          ko: '같은 해 같은 사업에 이미 선정된 기업은 신청할 수 없습니다.',
          en: 'Firms already selected in this program this year may not apply.',
        },
      };
};

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

async function loadApplication(db: Database, id: string, lock = false) {
  const q = db.select().from(applications).where(eq(applications.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('application');
  return row;
}

/** Loads an application the caller may read (404 rather than 403 for other firms' applications). */
async function readable(db: Database, actor: Actor, id: string, lock = false) {
  assertCanAny(actor, 'application.read');
  const row = await loadApplication(db, id, lock);
  try {
    assertCan(actor, 'application.read', { companyId: row.companyId });
  } catch {
    throw new NotFoundError('application');
  }
  return row;
}

export async function mapApplication(db: Database, row: AppRow): Promise<Application> {
  const [ctx] = await db
    .select({ call: calls, form: callForms, company: companies })
    .from(calls)
    .innerJoin(callForms, eq(callForms.id, row.formId))
    .innerJoin(companies, eq(companies.id, row.companyId))
    .where(eq(calls.id, row.callId));
  const sections = ctx.form.sections as FormSection[];
  const prefill: Record<string, string | number | null> = {};
  for (const f of sections.flatMap((s) => s.fields)) {
    if (f.type === 'companyField' && f.companyField) {
      const v = ctx.company[f.companyField as keyof typeof ctx.company];
      prefill[f.key] = typeof v === 'string' || typeof v === 'number' ? v : null;
    }
  }
  const fileRows = await db
    .select({
      fieldKey: applicationFiles.fieldKey,
      fileId: files.id,
      name: files.originalName,
      size: files.size,
      mime: files.mime,
    })
    .from(applicationFiles)
    .innerJoin(files, eq(files.id, applicationFiles.fileId))
    .where(eq(applicationFiles.applicationId, row.id))
    .orderBy(asc(applicationFiles.createdAt));
  const sup = await db
    .select()
    .from(supplementRequests)
    .where(eq(supplementRequests.applicationId, row.id))
    .orderBy(desc(supplementRequests.createdAt));
  return {
    id: row.id,
    callId: row.callId,
    callTitle: ctx.call.title,
    companyId: row.companyId,
    companyName: ctx.company.name,
    formId: row.formId,
    formVersion: ctx.form.version,
    status: row.status,
    statusReason: row.statusReason,
    answers: row.answers as Answers,
    prefill,
    files: fileRows,
    supplements: sup.map((s) => ({
      id: s.id,
      message: s.message,
      dueAt: s.dueAt.toISOString(),
      createdAt: s.createdAt.toISOString(),
      resolvedAt: s.resolvedAt?.toISOString() ?? null,
    })),
    receiptNo: row.receiptNo,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    closesAt: ctx.call.closesAt.toISOString(),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Moves an application to a new status (version bump) and audits the move in the same transaction. */
async function moveStatus(
  tx: Database,
  actor: Actor,
  app: AppRow,
  action: string,
  set: PgUpdateSetSource<typeof applications> & { status: ApplicationStatus },
  note: Record<string, unknown> = {},
) {
  const [row] = await tx
    .update(applications)
    .set({ ...set, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(eq(applications.id, app.id))
    .returning();
  await recordAudit(tx, actor, {
    action,
    entityType: 'application',
    entityId: app.id,
    before: { status: app.status },
    after: { status: row.status, ...note },
  });
  return row;
}

function pickCompany(actor: Actor, companyId?: string): string {
  if (companyId) return companyId;
  if (actor.companyIds.length === 1) return actor.companyIds[0];
  throw new ValidationError('company_required', [{ path: 'companyId', message: 'required' }]);
}

async function eligibility(
  db: Database,
  call: typeof calls.$inferSelect,
  companyId: string,
  rules: EligibilityRegistry,
) {
  const company = await loadCompanyFacts(db, companyId);
  return evaluateRules(
    call.eligibility as EligibilityRule[],
    { db, company, call: { id: call.id, programId: call.programId, year: call.year }, now: await dbNow(db) },
    rules,
  );
}

function notEligible(checks: { ok: boolean; type: string; reason: { ko: string; en: string } }[]) {
  return new ValidationError(
    'not_eligible',
    checks.filter((c) => !c.ok).map((c) => ({ path: `eligibility.${c.type}`, message: c.reason.ko })),
  );
}

/** Starts (or returns) the caller's company's draft for a call, after checking eligibility. */
export async function startApplication({
  db,
  actor,
  callId,
  companyId: given,
  rules,
}: {
  db: Database;
  actor: Actor;
  callId: string;
  companyId?: string;
  /** the installed eligibility evaluators */
  rules: EligibilityRegistry;
}): Promise<{ created: boolean; application: Application }> {
  assertCanAny(actor, 'application.apply');
  const companyId = pickCompany(actor, given);
  assertCan(actor, 'application.apply', { companyId });
  const { c, window } = await loadCall(db, actor, callId);
  const [existing] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.companyId, companyId)));
  if (existing) return { created: false, application: await mapApplication(db, existing) };
  if (!callAccepts('startDraft', window)) throw new ConflictError('call_not_open');
  const checks = await eligibility(db, c, companyId, rules);
  if (!checks.every((x) => x.ok)) throw notEligible(checks);
  const row = await db.transaction(async (tx) => {
    const [f] = await tx
      .select()
      .from(callForms)
      .where(eq(callForms.callId, callId))
      .orderBy(desc(callForms.version))
      .limit(1);
    const [created] = await tx
      .insert(applications)
      .values({ callId, companyId, formId: f.id, createdBy: actor.userId })
      .onConflictDoNothing({ target: [applications.callId, applications.companyId] })
      .returning();
    if (created)
      await recordAudit(tx, actor, {
        action: 'application.create',
        entityType: 'application',
        entityId: created.id,
        after: created,
      });
    return created;
  });
  if (!row) {
    const [again] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.companyId, companyId)));
    return { created: false, application: await mapApplication(db, again) };
  }
  return { created: true, application: await mapApplication(db, row) };
}

export async function getApplication({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  const row = await readable(db, actor, id);
  const application = await mapApplication(db, row);
  // staff reading a firm's application (contact person, phone, documents): 개인정보 접속기록
  await logPersonalRead(db, actor, {
    subjectType: 'application',
    subjectId: id,
    ownCompanyId: row.companyId,
    fields: ['answers', 'prefill', 'files'],
  });
  return application;
}

/** Autosave: merges the given answers into the saved ones (editable states only). */
export async function saveAnswers({
  db,
  actor,
  id,
  answers,
  version,
}: {
  db: Database;
  actor: Actor;
  id: string;
  answers: Answers;
  version?: number;
}) {
  assertCanAny(actor, 'application.apply');
  const row = await db.transaction(async (tx) => {
    const before = await readable(tx, actor, id, true);
    assertCan(actor, 'application.apply', { companyId: before.companyId });
    if (!EDITABLE.includes(before.status))
      throw new ConflictError('application_locked', { status: before.status });
    if (version !== undefined && version !== before.version) throw new ConflictError('stale_version');
    const ctx = await loadCallForm(tx, before.formId);
    if (!callAccepts(editAction(before.status, 'saveDraft'), ctx.window))
      throw new ConflictError('deadline_passed');
    const errors = validateAnswers(ctx.form.sections as FormSection[], answers, { submit: false });
    if (errors.length) throw new ValidationError('validation_failed', errors);
    const [after] = await tx
      .update(applications)
      .set({
        answers: sql`${applications.answers} || ${JSON.stringify(answers)}::jsonb`,
        version: sql`${applications.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(applications.id, id))
      .returning();
    const prev = before.answers as Answers;
    const changed = Object.keys(answers).filter(
      (k) => JSON.stringify(prev[k]) !== JSON.stringify(answers[k]),
    );
    if (changed.length)
      await recordAudit(tx, actor, {
        action: 'application.save',
        entityType: 'application',
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, prev[k] ?? null])),
        after: Object.fromEntries(changed.map((k) => [k, answers[k]])),
      });
    return after;
  });
  return mapApplication(db, row);
}

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

export async function myApplications({ db, actor }: { db: Database; actor: Actor }) {
  assertCan(actor, 'self.read');
  if (actor.companyIds.length === 0) return { items: [] };
  const rows = await db
    .select({
      a: applications,
      callTitle: calls.title,
      companyName: companies.name,
      companyBrn: companies.brn,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(inArray(applications.companyId, actor.companyIds))
    .orderBy(desc(applications.updatedAt));
  return { items: rows.map((r) => summary(r.a, r.callTitle, r.companyName, r.companyBrn)) };
}

function summary(a: AppRow, callTitle: string, companyName: string, companyBrn: string) {
  return {
    id: a.id,
    callId: a.callId,
    callTitle,
    companyId: a.companyId,
    companyName,
    companyBrn,
    status: a.status,
    receiptNo: a.receiptNo,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Staff list of a call's applications with counts per status and the competition ratio. */
export async function listCallApplications({
  db,
  actor,
  callId,
  input,
}: {
  db: Database;
  actor: Actor;
  callId: string;
  input: { status?: ApplicationStatus; q?: string; page: number; pageSize: number };
}) {
  assertCan(actor, 'application.manage');
  const { c } = await loadCall(db, actor, callId);
  const parts: (SQL | undefined)[] = [
    eq(applications.callId, callId),
    input.status ? eq(applications.status, input.status) : sql`${applications.status} <> 'draft'`,
    input.q
      ? or(
          ilike(companies.name, `%${input.q}%`),
          ilike(applications.receiptNo, `%${input.q}%`),
          eq(companies.brn, input.q.replace(/-/g, '')),
        )
      : undefined,
  ];
  const where = and(...parts);
  const rows = await db
    .select({
      a: applications,
      callTitle: calls.title,
      companyName: companies.name,
      companyBrn: companies.brn,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(where)
    .orderBy(asc(applications.receiptNo), asc(applications.createdAt))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [{ n }] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(where);
  const byStatus = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(eq(applications.callId, callId))
    .groupBy(applications.status);
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]));
  const live = COUNTED.reduce((s, k) => s + (counts[k] ?? 0), 0);
  return {
    items: rows.map((r) => summary(r.a, r.callTitle, r.companyName, r.companyBrn)),
    total: Number(n),
    page: input.page,
    pageSize: input.pageSize,
    counts,
    capacity: c.capacity,
    competitionRatio: competitionRatio(live, c.capacity),
  };
}

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
  if (due.getTime() <= Date.now())
    throw new ValidationError('validation_failed', [{ path: 'dueAt', message: 'due_in_past' }]);
  const row = await db.transaction(async (tx) => {
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
    const members = await tx
      .select({ email: users.email })
      .from(users)
      .innerJoin(sql`company_members cm`, sql`cm.user_id = ${users.id}`)
      .where(sql`cm.company_id = ${app.companyId} AND cm.status = 'active'`);
    for (const m of members)
      await tx.insert(outbox).values({
        to: m.email,
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

// When two company records are merged, applications move to the surviving record — except where it
// already applied to the same call (one application per company per call); those stay, and the audit
// entry of the merge keeps the link.
export async function mergeApplications(tx: Database, fromId: string, intoId: string) {
  await tx.execute(sql`
    UPDATE applications a SET company_id = ${intoId}, updated_at = now()
    WHERE a.company_id = ${fromId}
      AND NOT EXISTS (SELECT 1 FROM applications b WHERE b.company_id = ${intoId} AND b.call_id = a.call_id)`);
}
