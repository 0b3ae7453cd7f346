import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { users } from '../../platform/schema';
import { applicationRef, EVALUATED_STATUSES, evaluatedApplications } from '../applications';
import {
  currentRubric,
  loadPanel,
  mapConflict,
  mapPanel,
  mapRubric,
  requireCall,
  rubricInUse,
  settingsOf,
} from './common';
import type {
  bonusBody,
  EvaluationSettings,
  evaluationSettingsBody,
  Panel,
  panelCreateBody,
  panelPatchBody,
  Rubric,
  rubricBody,
} from './contract';
import {
  evaluationAssignments,
  evaluationBonuses,
  evaluationConflicts,
  evaluationPanels,
  evaluationRubrics,
  evaluationSettings,
  panelMembers,
  scoreSheets,
} from './schema';

type Ctx = { db: Database; actor: Actor };

export async function getSettings({
  db,
  actor,
  callId,
}: Ctx & { callId: string }): Promise<EvaluationSettings> {
  assertCan(actor, 'evaluation.manage');
  await requireCall(db, callId);
  return settingsOf(db, callId);
}

export async function saveSettings({
  db,
  actor,
  callId,
  input,
}: Ctx & { callId: string; input: z.infer<typeof evaluationSettingsBody> }): Promise<EvaluationSettings> {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    await requireCall(tx, callId, true);
    if (input.tieBreakCriterion) await checkTieBreak(tx, callId, input.tieBreakCriterion);
    const before = await settingsOf(tx, callId);
    await tx
      .insert(evaluationSettings)
      .values({ callId, ...input })
      .onConflictDoUpdate({ target: evaluationSettings.callId, set: { ...input, updatedAt: sql`now()` } });
    const after = await settingsOf(tx, callId);
    await recordAudit(tx, actor, {
      action: 'evaluation.settings',
      entityType: 'call',
      entityId: callId,
      before,
      after,
    });
    return after;
  });
}

/** The tie-break criterion must be a criterion of the call's rubrics, once there are panels. */
async function checkTieBreak(tx: Database, callId: string, code: string) {
  const panels = await tx
    .select({ id: evaluationPanels.id })
    .from(evaluationPanels)
    .where(eq(evaluationPanels.callId, callId));
  if (panels.length === 0) return;
  for (const p of panels) if ((await currentRubric(tx, p.id)).criteria.some((c) => c.code === code)) return;
  throw new ValidationError('validation_failed', [
    { path: 'tieBreakCriterion', message: 'unknown_criterion' },
  ]);
}

/** Members must be active users with role `reviewer`. */
async function checkReviewers(tx: Database, ids: readonly string[]) {
  if (ids.length === 0) return;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.role, 'reviewer'), eq(users.active, true)));
  const ok = new Set(rows.map((r) => r.id));
  const bad = ids.findIndex((id) => !ok.has(id));
  if (bad >= 0)
    throw new ValidationError('validation_failed', [{ path: `memberIds.${bad}`, message: 'not_a_reviewer' }]);
}

async function setMembers(tx: Database, panelId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)];
  await checkReviewers(tx, unique);
  await tx
    .delete(panelMembers)
    .where(
      unique.length
        ? and(eq(panelMembers.panelId, panelId), notInArray(panelMembers.reviewerId, unique))
        : eq(panelMembers.panelId, panelId),
    );
  if (unique.length)
    await tx
      .insert(panelMembers)
      .values(unique.map((reviewerId) => ({ panelId, reviewerId })))
      .onConflictDoNothing();
}

/** 평가위원회: one per call and stage, with its first rubric version and members. */
export async function createPanel({
  db,
  actor,
  callId,
  input,
}: Ctx & { callId: string; input: z.infer<typeof panelCreateBody> }): Promise<Panel> {
  assertCan(actor, 'evaluation.manage');
  const id = await db.transaction(async (tx) => {
    await requireCall(tx, callId, true);
    const [taken] = await tx
      .select({ id: evaluationPanels.id })
      .from(evaluationPanels)
      .where(and(eq(evaluationPanels.callId, callId), eq(evaluationPanels.stage, input.stage)));
    if (taken) throw new ConflictError('panel_stage_taken');
    const [p] = await tx
      .insert(evaluationPanels)
      .values({
        callId,
        stage: input.stage,
        name: input.name,
        weight: input.weight,
        trimMin: input.trimMin,
        dueAt: input.dueAt ? new Date(input.dueAt) : null,
      })
      .returning();
    const [r] = await tx
      .insert(evaluationRubrics)
      .values({ panelId: p.id, version: 1, criteria: input.criteria })
      .returning();
    await setMembers(tx, p.id, input.memberIds);
    await recordAudit(tx, actor, {
      action: 'evaluation.panel_create',
      entityType: 'panel',
      entityId: p.id,
      after: { ...p, rubric: r, memberIds: input.memberIds },
    });
    return p.id;
  });
  return mapPanel(db, await loadPanel(db, id));
}

export async function patchPanel({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: z.infer<typeof panelPatchBody> }): Promise<Panel> {
  assertCan(actor, 'evaluation.manage');
  await db.transaction(async (tx) => {
    const before = await loadPanel(tx, id, true);
    const { memberIds, dueAt, ...fields } = input;
    const set = { ...fields, ...(dueAt !== undefined ? { dueAt: dueAt ? new Date(dueAt) : null } : {}) };
    const [after] = await tx
      .update(evaluationPanels)
      .set({ ...set, version: before.version + 1, updatedAt: sql`now()` })
      .where(eq(evaluationPanels.id, id))
      .returning();
    if (memberIds) await setMembers(tx, id, memberIds);
    await recordAudit(tx, actor, {
      action: 'evaluation.panel_update',
      entityType: 'panel',
      entityId: id,
      before,
      after: { ...after, ...(memberIds ? { memberIds } : {}) },
    });
  });
  return mapPanel(db, await loadPanel(db, id));
}

/**
 * Replaces the panel's rubric: in place while no sheet uses the current version, otherwise as a new
 * version (sheets keep the version they were scored on).
 */
export async function saveRubric({
  db,
  actor,
  panelId,
  input,
}: Ctx & { panelId: string; input: z.infer<typeof rubricBody> }): Promise<Rubric> {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    await loadPanel(tx, panelId, true);
    const current = await currentRubric(tx, panelId);
    const frozen = await rubricInUse(tx, current.id);
    const [after] = frozen
      ? await tx
          .insert(evaluationRubrics)
          .values({ panelId, version: current.version + 1, criteria: input.criteria })
          .returning()
      : await tx
          .update(evaluationRubrics)
          .set({ criteria: input.criteria })
          .where(eq(evaluationRubrics.id, current.id))
          .returning();
    await recordAudit(tx, actor, {
      action: frozen ? 'evaluation.rubric_version' : 'evaluation.rubric_update',
      entityType: 'rubric',
      entityId: after.id,
      before: current,
      after,
    });
    return mapRubric(after, false);
  });
}

/** 가점 of one application (capped by the call's settings when aggregated). */
export async function setBonus({
  db,
  actor,
  applicationId,
  input,
}: Ctx & { applicationId: string; input: z.infer<typeof bonusBody> }) {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    const app = await applicationRef(tx, applicationId);
    if (!app) throw new NotFoundError('application');
    if (!EVALUATED_STATUSES.includes(app.status)) throw new ConflictError('application_not_evaluated');
    const [before] = await tx
      .select()
      .from(evaluationBonuses)
      .where(eq(evaluationBonuses.applicationId, applicationId));
    const values = { points: input.points, reason: input.reason, setBy: actor.userId ?? null };
    const [after] = await tx
      .insert(evaluationBonuses)
      .values({ applicationId, ...values })
      .onConflictDoUpdate({
        target: evaluationBonuses.applicationId,
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'evaluation.bonus',
      entityType: 'application',
      entityId: applicationId,
      before: before ?? null,
      after,
    });
    return { applicationId, points: Number(after.points), reason: after.reason };
  });
}

/**
 * Staff overview of a call's evaluation: settings, panels, applications lacking reviewers per panel,
 * reviewers with open sheets after the panel's due time (database clock), pending objections.
 */
export async function evaluationOverview({ db, actor, callId }: Ctx & { callId: string }) {
  assertCan(actor, 'evaluation.manage');
  await requireCall(db, callId);
  const settings = await settingsOf(db, callId);
  const panelRows = await db
    .select()
    .from(evaluationPanels)
    .where(eq(evaluationPanels.callId, callId))
    .orderBy(asc(evaluationPanels.stage));
  const panels = await Promise.all(panelRows.map((p) => mapPanel(db, p)));
  const apps = await evaluatedApplications(db, callId);
  const panelIds = panelRows.map((p) => p.id);
  const active = panelIds.length
    ? await db
        .select({
          panelId: evaluationAssignments.panelId,
          applicationId: evaluationAssignments.applicationId,
        })
        .from(evaluationAssignments)
        .where(
          and(inArray(evaluationAssignments.panelId, panelIds), eq(evaluationAssignments.status, 'assigned')),
        )
    : [];
  const counts = new Map<string, number>();
  for (const a of active)
    counts.set(`${a.panelId}/${a.applicationId}`, (counts.get(`${a.panelId}/${a.applicationId}`) ?? 0) + 1);
  const lackingReviewers = panelRows.flatMap((p) =>
    apps
      .map((a) => ({ panelId: p.id, applicationId: a.id, assigned: counts.get(`${p.id}/${a.id}`) ?? 0 }))
      .filter((x) => x.assigned < settings.reviewersPerApplication),
  );
  const late = panelIds.length
    ? await db
        .select({
          panelId: evaluationAssignments.panelId,
          reviewerId: evaluationAssignments.reviewerId,
          name: users.name,
          open: sql<number>`count(*)::int`,
        })
        .from(evaluationAssignments)
        .innerJoin(evaluationPanels, eq(evaluationPanels.id, evaluationAssignments.panelId))
        .innerJoin(users, eq(users.id, evaluationAssignments.reviewerId))
        .leftJoin(scoreSheets, eq(scoreSheets.assignmentId, evaluationAssignments.id))
        .where(
          and(
            inArray(evaluationAssignments.panelId, panelIds),
            eq(evaluationAssignments.status, 'assigned'),
            sql`${evaluationPanels.dueAt} < now()`,
            sql`coalesce(${scoreSheets.status}, 'draft') <> 'submitted'`,
          ),
        )
        .groupBy(evaluationAssignments.panelId, evaluationAssignments.reviewerId, users.name)
        .orderBy(users.name)
    : [];
  const pending = panelIds.length
    ? await db
        .select()
        .from(evaluationConflicts)
        .where(and(inArray(evaluationConflicts.panelId, panelIds), eq(evaluationConflicts.status, 'pending')))
        .orderBy(asc(evaluationConflicts.createdAt))
    : [];
  return {
    settings,
    panels,
    applications: apps.length,
    lackingReviewers,
    lateReviewers: late.map((l) => ({ ...l, open: Number(l.open) })),
    pendingObjections: pending.map(mapConflict),
  };
}
