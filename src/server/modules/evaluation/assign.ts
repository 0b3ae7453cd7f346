import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { formatBrn } from '../../../shared/brn';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import {
  applicationForReview,
  applicationRef,
  EVALUATED_STATUSES,
  evaluatedApplications,
} from '../applications';
import { companyBrns } from '../companies';
import {
  type AssignmentRow,
  loadPanel,
  mapAssignment,
  mapConflict,
  type PanelRow,
  settingsOf,
} from './common';
import type { Assignment, Conflict, RelationshipKind } from './contract';
import { canMoveAssignment, canMoveConflict } from './lifecycle';
import { evaluationAssignments, evaluationConflicts, panelMembers, reviewerProfiles } from './schema';

type Ctx = { db: Database; actor: Actor };
type Profile = typeof reviewerProfiles.$inferSelect;

const RELATION_KO: Record<RelationshipKind, string> = {
  employee: '임직원',
  advisor: '자문',
  shareholder: '지분 보유',
  formerEmployer: '전 소속',
};

/**
 * 제척 grounds of a reviewer for a firm, or null: the reviewer works for the firm (affiliation BRN) or
 * declared a relationship with it (employee, advisor, shareholder, former employer).
 */
export function exclusionReason(
  profile: Pick<Profile, 'affiliationBrn' | 'relationships'> | undefined,
  brn: string,
) {
  if (!profile) return null;
  const shown = formatBrn(brn);
  if (profile.affiliationBrn === brn) return `제척: 평가위원 소속 기업(${shown})의 신청 / same company`;
  const rel = profile.relationships.find((r) => r.brn === brn);
  if (rel) return `제척: 신청기업(${shown})과 ${RELATION_KO[rel.kind]} 관계 신고 / declared ${rel.kind}`;
  return null;
}

async function profilesOf(tx: Database, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, Profile>();
  const rows = await tx
    .select()
    .from(reviewerProfiles)
    .where(inArray(reviewerProfiles.userId, [...ids]));
  return new Map(rows.map((r) => [r.userId, r]));
}

async function membersOf(tx: Database, panelId: string) {
  const rows = await tx
    .select({ id: panelMembers.reviewerId })
    .from(panelMembers)
    .where(eq(panelMembers.panelId, panelId))
    .orderBy(asc(panelMembers.reviewerId));
  return rows.map((r) => r.id);
}

/** Records a 제척 (exclusion) with its reason: an `excluded` assignment and a conflict-log row. */
async function recordExclusion(
  tx: Database,
  actor: Actor,
  panel: PanelRow,
  applicationId: string,
  reviewerId: string,
  reason: string,
  source: 'manual' | 'auto',
) {
  const [a] = await tx
    .insert(evaluationAssignments)
    .values({
      panelId: panel.id,
      applicationId,
      reviewerId,
      status: 'excluded',
      reason,
      source,
      createdBy: actor.userId,
    })
    .returning();
  const [c] = await tx
    .insert(evaluationConflicts)
    .values({
      panelId: panel.id,
      applicationId,
      reviewerId,
      kind: 'exclusion',
      status: 'recorded',
      reason,
      raisedBy: actor.userId ?? null,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: 'evaluation.exclusion',
    entityType: 'coiExclusion',
    entityId: c.id,
    after: c,
  });
  return { assignment: a, conflict: c };
}

async function requireEvaluated(tx: Database, panel: PanelRow, applicationId: string) {
  const app = await applicationRef(tx, applicationId);
  if (!app || app.callId !== panel.callId) throw new NotFoundError('application');
  if (!EVALUATED_STATUSES.includes(app.status)) throw new ConflictError('application_not_evaluated');
  return app;
}

/**
 * Assigns one reviewer (a member of the panel) by hand. A conflict of interest is not refused silently:
 * the assignment is recorded as `excluded` with the 제척 reason (and logged), and returned as such.
 */
export async function assignManually({
  db,
  actor,
  panelId,
  input,
}: Ctx & { panelId: string; input: { applicationId: string; reviewerId: string } }): Promise<Assignment> {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    const panel = await loadPanel(tx, panelId, true);
    const app = await requireEvaluated(tx, panel, input.applicationId);
    if (!(await membersOf(tx, panelId)).includes(input.reviewerId))
      throw new ValidationError('validation_failed', [{ path: 'reviewerId', message: 'not_panel_member' }]);
    const [existing] = await tx
      .select()
      .from(evaluationAssignments)
      .where(
        and(
          eq(evaluationAssignments.panelId, panelId),
          eq(evaluationAssignments.applicationId, app.id),
          eq(evaluationAssignments.reviewerId, input.reviewerId),
        ),
      )
      .for('update');
    if (existing?.status === 'assigned') return mapAssignment(existing);
    if (existing && !canMoveAssignment(existing.status, 'assigned'))
      throw new ConflictError('assignment_inactive');
    const brn = (await companyBrns(tx, [app.companyId])).get(app.companyId)?.brn ?? '';
    const reason = exclusionReason((await profilesOf(tx, [input.reviewerId])).get(input.reviewerId), brn);
    if (reason) {
      if (existing) await tx.delete(evaluationAssignments).where(eq(evaluationAssignments.id, existing.id));
      return mapAssignment(
        (await recordExclusion(tx, actor, panel, app.id, input.reviewerId, reason, 'manual')).assignment,
      );
    }
    const [after] = existing
      ? await tx
          .update(evaluationAssignments)
          .set({ status: 'assigned', reason: null, source: 'manual', updatedAt: sql`now()` })
          .where(eq(evaluationAssignments.id, existing.id))
          .returning()
      : await tx
          .insert(evaluationAssignments)
          .values({ panelId, applicationId: app.id, reviewerId: input.reviewerId, createdBy: actor.userId })
          .returning();
    await recordAudit(tx, actor, {
      action: 'evaluation.assign',
      entityType: 'assignment',
      entityId: after.id,
      before: existing ?? null,
      after,
    });
    return mapAssignment(after);
  });
}

/** Words an application's answers contain (lower case), for the expertise match. */
function answerWords(answers: Record<string, unknown>): Set<string> {
  const words = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string')
      for (const w of v.toLowerCase().split(/[\s,;/]+/))
        if (w) words.add(w);
        else if (Array.isArray(v)) v.forEach(add);
  };
  Object.values(answers).forEach(add);
  return words;
}

/**
 * Automatic assignment: each evaluated application gets up to N active reviewers from the panel —
 * conflicts excluded first (recorded with the reason), then by expertise match with the application's
 * answers, then the lighter load in this panel, then reviewer id (deterministic). Applications are
 * taken in receipt order; existing assignments count and are kept.
 */
export async function assignAutomatically({
  db,
  actor,
  panelId,
  perApplication,
}: Ctx & { panelId: string; perApplication?: number }) {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    const panel = await loadPanel(tx, panelId, true);
    const wanted = perApplication ?? (await settingsOf(tx, panel.callId)).reviewersPerApplication;
    const members = await membersOf(tx, panelId);
    const profiles = await profilesOf(tx, members);
    const apps = await evaluatedApplications(tx, panel.callId);
    const brns = await companyBrns(
      tx,
      apps.map((a) => a.companyId),
    );
    const rows = await tx
      .select()
      .from(evaluationAssignments)
      .where(eq(evaluationAssignments.panelId, panelId));
    const byApp = new Map<string, AssignmentRow[]>();
    const load = new Map<string, number>(members.map((m) => [m, 0]));
    for (const r of rows) {
      byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
      if (r.status === 'assigned') load.set(r.reviewerId, (load.get(r.reviewerId) ?? 0) + 1);
    }
    const assigned: Assignment[] = [];
    const excluded: Conflict[] = [];
    const short: { applicationId: string; assigned: number; wanted: number }[] = [];
    for (const app of apps) {
      const existing = byApp.get(app.id) ?? [];
      const taken = new Set(existing.map((r) => r.reviewerId));
      let active = existing.filter((r) => r.status === 'assigned').length;
      const brn = brns.get(app.companyId)?.brn ?? '';
      const free: string[] = [];
      for (const m of members) {
        if (taken.has(m)) continue;
        const reason = exclusionReason(profiles.get(m), brn);
        if (reason)
          excluded.push(
            mapConflict((await recordExclusion(tx, actor, panel, app.id, m, reason, 'auto')).conflict),
          );
        else free.push(m);
      }
      if (active < wanted && free.length) {
        const words = answerWords((await applicationForReview(tx, app.id))?.answers ?? {});
        const match = (m: string) =>
          (profiles.get(m)?.expertise ?? []).filter((e) => words.has(e.toLowerCase())).length;
        free.sort((a, b) => match(b) - match(a) || load.get(a)! - load.get(b)! || (a < b ? -1 : 1));
        for (const m of free.slice(0, wanted - active)) {
          const [row] = await tx
            .insert(evaluationAssignments)
            .values({
              panelId,
              applicationId: app.id,
              reviewerId: m,
              source: 'auto',
              createdBy: actor.userId,
            })
            .returning();
          assigned.push(mapAssignment(row));
          load.set(m, load.get(m)! + 1);
          active++;
        }
      }
      if (active < wanted) short.push({ applicationId: app.id, assigned: active, wanted });
    }
    await recordAudit(tx, actor, {
      action: 'evaluation.auto_assign',
      entityType: 'panel',
      entityId: panelId,
      after: {
        wanted,
        assigned: assigned.map((a) => a.id),
        excluded: excluded.map((c) => c.id),
        short: short.length,
      },
    });
    return { assigned, excluded, short };
  });
}

/** Staff take a reviewer off an application (with a reason); the sheet, if any, no longer counts. */
export async function removeAssignment({ db, actor, id, reason }: Ctx & { id: string; reason: string }) {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(evaluationAssignments)
      .where(eq(evaluationAssignments.id, id))
      .for('update');
    if (!before) throw new NotFoundError('assignment');
    if (!canMoveAssignment(before.status, 'removed')) throw new ConflictError('assignment_inactive');
    const [after] = await tx
      .update(evaluationAssignments)
      .set({ status: 'removed', reason, updatedAt: sql`now()` })
      .where(eq(evaluationAssignments.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'evaluation.unassign',
      entityType: 'assignment',
      entityId: id,
      before,
      after,
    });
    return mapAssignment(after);
  });
}

/** Staff decide an applicant's objection (기피): upheld takes the reviewer off the application. */
export async function decideObjection({
  db,
  actor,
  id,
  decision,
  reason,
}: Ctx & { id: string; decision: 'upheld' | 'dismissed'; reason: string }): Promise<Conflict> {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(evaluationConflicts)
      .where(eq(evaluationConflicts.id, id))
      .for('update');
    if (before?.kind !== 'objection') throw new NotFoundError('objection');
    if (!canMoveConflict(before.status, decision)) throw new ConflictError('objection_decided');
    const [after] = await tx
      .update(evaluationConflicts)
      .set({
        status: decision,
        decisionReason: reason,
        decidedBy: actor.userId ?? null,
        decidedAt: sql`now()`,
      })
      .where(eq(evaluationConflicts.id, id))
      .returning();
    if (decision === 'upheld')
      await tx
        .update(evaluationAssignments)
        .set({ status: 'excluded', reason: `기피 인용 / objection upheld: ${reason}`, updatedAt: sql`now()` })
        .where(
          and(
            eq(evaluationAssignments.panelId, before.panelId),
            eq(evaluationAssignments.applicationId, before.applicationId),
            eq(evaluationAssignments.reviewerId, before.reviewerId),
            eq(evaluationAssignments.status, 'assigned'),
          ),
        );
    await recordAudit(tx, actor, {
      action: `evaluation.objection_${decision}`,
      entityType: 'coiObjection',
      entityId: id,
      before,
      after,
    });
    return mapConflict(after);
  });
}
