import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { maskEmail, maskName, maskPhone } from '../../../shared/text';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { logAccess, PERSONAL_AUDIT_FIELDS, recordAudit } from '../../platform/audit';
import { ConflictError, type FieldError, NotFoundError, ValidationError } from '../../platform/errors';
import { type FileStore, openUpload } from '../../platform/files';
import { assertCan } from '../../platform/policy';
import { applicationForReview, applicationRefs, isApplicationDocument } from '../applications';
import { companyBrns } from '../companies';
import { callRef } from '../programs';
import { type AssignmentRow, currentRubric, iso, mapRubric, mapSheet, type SheetRow } from './common';
import type { Criterion, sheetBody } from './contract';
import { canMoveAssignment, reviewerMayMoveSheet, staffMayMoveSheet } from './lifecycle';
import { signed } from './pledge';
import {
  evaluationAssignments,
  evaluationConflicts,
  evaluationPanels,
  evaluationRubrics,
  scoreSheets,
} from './schema';

type Ctx = { db: Database; actor: Actor };

/**
 * The caller's own assignment, or 404 — also for another reviewer's assignment, so that a reviewer never
 * learns which applications or sheets exist beyond their own.
 */
async function ownAssignment(db: Database, actor: Actor, id: string, lock = false) {
  const q = db
    .select({ a: evaluationAssignments, p: evaluationPanels })
    .from(evaluationAssignments)
    .innerJoin(evaluationPanels, eq(evaluationPanels.id, evaluationAssignments.panelId))
    .where(and(eq(evaluationAssignments.id, id), eq(evaluationAssignments.reviewerId, actor.userId ?? '')));
  const [row] = lock ? await q.for('update', { of: evaluationAssignments }) : await q;
  if (!row) throw new NotFoundError('assignment');
  assertCan(actor, 'evaluation.review', { reviewerId: row.a.reviewerId });
  return row;
}

async function sheetOf(db: Database, assignmentId: string, lock = false) {
  const q = db.select().from(scoreSheets).where(eq(scoreSheets.assignmentId, assignmentId));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}

async function rubricVersion(db: Database, rubricId: string) {
  const [r] = await db.select().from(evaluationRubrics).where(eq(evaluationRubrics.id, rubricId));
  return r;
}

/**
 * A reviewer reads the answers with the applicant's personal fields (contact name, phone, e-mail)
 * masked: scoring needs none of them, and no personal-data access is then logged for reviewers.
 */
export function maskAnswers(answers: Record<string, unknown>): Record<string, unknown> {
  const mask = (k: string, v: unknown) => {
    if (typeof v !== 'string') return v;
    if ((PERSONAL_AUDIT_FIELDS.emails as readonly string[]).includes(k)) return maskEmail(v);
    if ((PERSONAL_AUDIT_FIELDS.phones as readonly string[]).includes(k)) return maskPhone(v);
    if ((PERSONAL_AUDIT_FIELDS.names as readonly string[]).includes(k)) return maskName(v);
    return v;
  };
  return Object.fromEntries(Object.entries(answers).map(([k, v]) => [k, mask(k, v)]));
}

// ---------- own assignments ----------

/** Maps assignments for their reviewer: applications, firms and sheets batched; two queries per call. */
async function describe(db: Database, rows: { a: AssignmentRow; p: typeof evaluationPanels.$inferSelect }[]) {
  if (rows.length === 0) return [];
  const apps = await applicationRefs(
    db,
    rows.map((r) => r.a.applicationId),
  );
  const calls = new Map<string, { title: string; signed: boolean }>();
  for (const { a, p } of rows)
    if (!calls.has(p.callId))
      calls.set(p.callId, {
        title: (await callRef(db, p.callId))?.title ?? '',
        signed: await signed(db, a.reviewerId, p.callId),
      });
  const firms = await companyBrns(
    db,
    [...apps.values()].flatMap((x) => (x ? [x.companyId] : [])),
  );
  const sheets = await db
    .select({ assignmentId: scoreSheets.assignmentId, status: scoreSheets.status })
    .from(scoreSheets)
    .where(
      inArray(
        scoreSheets.assignmentId,
        rows.map((r) => r.a.id),
      ),
    );
  const sheetStatus = new Map(sheets.map((x) => [x.assignmentId, x.status]));
  return rows.map(({ a, p }) => {
    const app = apps.get(a.applicationId);
    const call = calls.get(p.callId)!;
    return {
      id: a.id,
      panelId: p.id,
      panelName: p.name,
      stage: p.stage,
      callId: p.callId,
      callTitle: call.title,
      applicationId: a.applicationId,
      receiptNo: app?.receiptNo ?? null,
      companyName: (app && firms.get(app.companyId)?.name) ?? '',
      status: a.status,
      sheetStatus: sheetStatus.get(a.id) ?? null,
      dueAt: iso(p.dueAt),
      pledgeSigned: call.signed,
    };
  });
}

export async function myAssignments({ db, actor }: Ctx) {
  assertCan(actor, 'evaluation.review');
  const rows = await db
    .select({ a: evaluationAssignments, p: evaluationPanels })
    .from(evaluationAssignments)
    .innerJoin(evaluationPanels, eq(evaluationPanels.id, evaluationAssignments.panelId))
    .where(eq(evaluationAssignments.reviewerId, actor.userId ?? ''))
    .orderBy(
      asc(evaluationPanels.dueAt),
      asc(evaluationAssignments.createdAt),
      asc(evaluationAssignments.id),
    );
  return { items: await describe(db, rows) };
}

/** One assignment: the application read-only (answers, document list), the rubric and the own sheet. */
export async function getAssignment({ db, actor, id }: Ctx & { id: string }) {
  assertCan(actor, 'evaluation.review');
  const row = await ownAssignment(db, actor, id);
  if (row.a.status !== 'assigned') throw new NotFoundError('assignment');
  const [assignment] = await describe(db, [row]);
  const app = (await applicationForReview(db, row.a.applicationId))!;
  const sheet = await sheetOf(db, id);
  const rubric = sheet ? await rubricVersion(db, sheet.rubricId) : await currentRubric(db, row.p.id);
  return {
    assignment,
    application: {
      id: app.id,
      receiptNo: app.receiptNo,
      callTitle: assignment.callTitle,
      companyName: assignment.companyName,
      submittedAt: iso(app.submittedAt),
      answers: maskAnswers(app.answers),
      files: app.files,
    },
    rubric: mapRubric(rubric, !!sheet),
    sheet: sheet ? mapSheet(sheet, rubric.version) : null,
  };
}

/** A document of an assigned application (download, access logged); 404 for anything else. */
export async function downloadAssignedDocument({
  db,
  store,
  actor,
  id,
  fileId,
}: Ctx & { store: FileStore; id: string; fileId: string }) {
  assertCan(actor, 'evaluation.review');
  const { a } = await ownAssignment(db, actor, id);
  if (a.status !== 'assigned' || !(await isApplicationDocument(db, a.applicationId, fileId)))
    throw new NotFoundError('file');
  const { file, body } = await openUpload(db, store, fileId);
  await logAccess(db, actor, { action: 'download', subjectType: 'application', subjectId: a.applicationId });
  return { file, body };
}

/** 회피: the reviewer declares a conflict and steps back from one application (reason recorded). */
export async function recuse({ db, actor, id, reason }: Ctx & { id: string; reason: string }) {
  assertCan(actor, 'evaluation.review');
  return db.transaction(async (tx) => {
    const { a } = await ownAssignment(tx, actor, id, true);
    if (!canMoveAssignment(a.status, 'recused')) throw new ConflictError('assignment_inactive');
    const sheet = await sheetOf(tx, id);
    if (sheet?.status === 'submitted') throw new ConflictError('sheet_submitted');
    const [after] = await tx
      .update(evaluationAssignments)
      .set({ status: 'recused', reason: `회피 / recusal: ${reason}`, updatedAt: sql`now()` })
      .where(eq(evaluationAssignments.id, id))
      .returning();
    const [c] = await tx
      .insert(evaluationConflicts)
      .values({
        panelId: a.panelId,
        applicationId: a.applicationId,
        reviewerId: a.reviewerId,
        kind: 'recusal',
        status: 'recorded',
        reason,
        raisedBy: actor.userId ?? null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'evaluation.recusal',
      entityType: 'coiRecusal',
      entityId: c.id,
      before: a,
      after,
    });
    return { id: after.id, status: after.status, reason: after.reason };
  });
}

// ---------- score sheets ----------

/** Points within 0..max of a criterion of the rubric; comments only on the rubric's criteria. */
function sheetErrors(
  criteria: readonly Criterion[],
  input: { points: Record<string, number>; comments: Record<string, string> },
): FieldError[] {
  const byCode = new Map(criteria.map((c) => [c.code, c]));
  const errors: FieldError[] = [];
  for (const [code, v] of Object.entries(input.points)) {
    const c = byCode.get(code);
    if (!c) errors.push({ path: `points.${code}`, message: 'unknown_criterion' });
    else if (v < 0 || v > c.maxPoints)
      errors.push({ path: `points.${code}`, message: 'points_out_of_range' });
  }
  for (const code of Object.keys(input.comments))
    if (!byCode.has(code)) errors.push({ path: `comments.${code}`, message: 'unknown_criterion' });
  return errors;
}

/** An open (assigned, pledge signed) assignment with its sheet locked, for writing. */
async function writable(tx: Database, actor: Actor, id: string) {
  const { a, p } = await ownAssignment(tx, actor, id, true);
  if (a.status !== 'assigned') throw new ConflictError('assignment_inactive');
  if (!(await signed(tx, a.reviewerId, p.callId))) throw new ConflictError('pledge_required');
  const sheet = await sheetOf(tx, id, true);
  if (sheet && !reviewerMayMoveSheet(sheet.status, 'draft')) throw new ConflictError('sheet_submitted');
  return { a, p, sheet };
}

/** Saves a draft (PUT, autosave): any subset of criteria; unanswered ones stay unanswered, never 0. */
export async function saveDraft({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: z.infer<typeof sheetBody> }) {
  assertCan(actor, 'evaluation.review');
  return db.transaction(async (tx) => {
    const { p, sheet } = await writable(tx, actor, id);
    if (input.version !== undefined && sheet && input.version !== sheet.version)
      throw new ConflictError('stale_version');
    const rubric = sheet ? await rubricVersion(tx, sheet.rubricId) : await currentRubric(tx, p.id);
    const errors = sheetErrors(rubric.criteria, input);
    if (errors.length) throw new ValidationError('validation_failed', errors);
    const values = {
      points: input.points,
      comments: input.comments,
      comment: input.comment,
      recommendation: input.recommendation,
    };
    const [after] = sheet
      ? await tx
          .update(scoreSheets)
          .set({ ...values, version: sheet.version + 1, updatedAt: sql`now()` })
          .where(eq(scoreSheets.id, sheet.id))
          .returning()
      : await tx
          .insert(scoreSheets)
          .values({ assignmentId: id, rubricId: rubric.id, ...values })
          .returning();
    await recordAudit(tx, actor, {
      action: 'evaluation.sheet_save',
      entityType: 'scoreSheet',
      entityId: after.id,
      before: sheet,
      after,
    });
    return mapSheet(after, rubric.version);
  });
}

/** Submits the sheet: every criterion scored and a recommendation given (422 listing the gaps otherwise). */
export async function submitSheet({ db, actor, id }: Ctx & { id: string }) {
  assertCan(actor, 'evaluation.review');
  return db.transaction(async (tx) => {
    const { p, sheet } = await writable(tx, actor, id);
    const rubric = sheet ? await rubricVersion(tx, sheet.rubricId) : await currentRubric(tx, p.id);
    const points = sheet?.points ?? {};
    const errors: FieldError[] = rubric.criteria
      .filter((c) => typeof points[c.code] !== 'number')
      .map((c) => ({ path: `points.${c.code}`, message: 'unanswered' }));
    if (!sheet?.recommendation) errors.push({ path: 'recommendation', message: 'required' });
    if (!sheet || errors.length) throw new ValidationError('sheet_incomplete', errors);
    const total = rubric.criteria.reduce((s, c) => s + points[c.code], 0);
    const [after] = await tx
      .update(scoreSheets)
      .set({
        status: 'submitted',
        total,
        submittedAt: sql`now()`,
        version: sheet.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(scoreSheets.id, sheet.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'evaluation.sheet_submit',
      entityType: 'scoreSheet',
      entityId: after.id,
      before: sheet,
      after,
    });
    return mapSheet(after, rubric.version);
  });
}

/** Staff reopen a submitted sheet with a reason; it goes back to draft for the reviewer. */
export async function reopenSheet({
  db,
  actor,
  assignmentId,
  reason,
}: Ctx & { assignmentId: string; reason: string }) {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    const sheet: SheetRow | null = await sheetOf(tx, assignmentId, true);
    if (!sheet) throw new NotFoundError('scoreSheet');
    if (!staffMayMoveSheet(sheet.status, 'draft')) throw new ConflictError('sheet_not_submitted');
    const [after] = await tx
      .update(scoreSheets)
      .set({
        status: 'draft',
        reopenedAt: sql`now()`,
        reopenReason: reason,
        version: sheet.version + 1,
        updatedAt: sql`now()`,
      })
      .where(eq(scoreSheets.id, sheet.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'evaluation.sheet_reopen',
      entityType: 'scoreSheet',
      entityId: sheet.id,
      before: sheet,
      after,
    });
    return mapSheet(after, (await rubricVersion(tx, sheet.rubricId)).version);
  });
}
