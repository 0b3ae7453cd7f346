import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { NotFoundError } from '../../platform/errors';
import { callRef } from '../programs';
import type { Assignment, Conflict, Criterion, Panel, Rubric, Sheet } from './contract';
import {
  evaluationAssignments,
  type evaluationConflicts,
  evaluationPanels,
  evaluationRubrics,
  evaluationSettings,
  panelMembers,
  scoreSheets,
} from './schema';

export type PanelRow = typeof evaluationPanels.$inferSelect;
export type RubricRow = typeof evaluationRubrics.$inferSelect;
export type AssignmentRow = typeof evaluationAssignments.$inferSelect;
export type ConflictRow = typeof evaluationConflicts.$inferSelect;
export type SheetRow = typeof scoreSheets.$inferSelect;

export const maxTotal = (criteria: readonly Criterion[]) => criteria.reduce((s, c) => s + c.maxPoints, 0);
export const iso = (d: Date | null) => d?.toISOString() ?? null;

export async function requireCall(db: Database, callId: string, lock = false) {
  const call = await callRef(db, callId, lock);
  if (!call) throw new NotFoundError('call');
  return call;
}

export async function loadPanel(db: Database, id: string, lock = false) {
  const q = db.select().from(evaluationPanels).where(eq(evaluationPanels.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('panel');
  return row;
}

/** The panel's current (highest) rubric version. */
export async function currentRubric(db: Database, panelId: string): Promise<RubricRow> {
  const [row] = await db
    .select()
    .from(evaluationRubrics)
    .where(eq(evaluationRubrics.panelId, panelId))
    .orderBy(desc(evaluationRubrics.version))
    .limit(1);
  return row;
}

export async function rubricInUse(db: Database, rubricId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(scoreSheets)
    .where(eq(scoreSheets.rubricId, rubricId))
    .limit(1);
  return !!row;
}

export function mapRubric(r: RubricRow, frozen: boolean): Rubric {
  return { id: r.id, version: r.version, criteria: r.criteria, maxTotal: maxTotal(r.criteria), frozen };
}

export async function mapPanel(db: Database, p: PanelRow): Promise<Panel> {
  const rubric = await currentRubric(db, p.id);
  const members = await db
    .select({ id: panelMembers.reviewerId })
    .from(panelMembers)
    .where(eq(panelMembers.panelId, p.id))
    .orderBy(panelMembers.createdAt, panelMembers.reviewerId);
  return {
    id: p.id,
    callId: p.callId,
    stage: p.stage,
    name: p.name,
    weight: p.weight,
    trimMin: p.trimMin,
    dueAt: iso(p.dueAt),
    memberIds: members.map((m) => m.id),
    rubric: mapRubric(rubric, await rubricInUse(db, rubric.id)),
  };
}

export const mapAssignment = (a: AssignmentRow): Assignment => ({
  id: a.id,
  panelId: a.panelId,
  applicationId: a.applicationId,
  reviewerId: a.reviewerId,
  status: a.status,
  source: a.source as Assignment['source'],
  reason: a.reason,
});

export const mapConflict = (c: ConflictRow): Conflict => ({
  id: c.id,
  panelId: c.panelId,
  applicationId: c.applicationId,
  reviewerId: c.reviewerId,
  kind: c.kind,
  status: c.status,
  reason: c.reason,
  decisionReason: c.decisionReason,
  createdAt: c.createdAt.toISOString(),
  decidedAt: iso(c.decidedAt),
});

export const mapSheet = (s: SheetRow, rubricVersion: number): Sheet => ({
  id: s.id,
  assignmentId: s.assignmentId,
  rubricVersion,
  points: s.points,
  comments: s.comments,
  comment: s.comment,
  recommendation: s.recommendation ?? null,
  status: s.status,
  total: s.total === null ? null : Number(s.total),
  submittedAt: iso(s.submittedAt),
  reopenedAt: iso(s.reopenedAt),
  reopenReason: s.reopenReason,
  version: s.version,
  updatedAt: s.updatedAt.toISOString(),
});

/** The call's settings, or the defaults when staff have not set any. */
export async function settingsOf(db: Database, callId: string) {
  const [row] = await db.select().from(evaluationSettings).where(eq(evaluationSettings.callId, callId));
  return {
    cutoff: row ? Number(row.cutoff) : 70,
    bonusCap: row ? Number(row.bonusCap) : 0,
    tieBreakCriterion: row?.tieBreakCriterion ?? null,
    reviewersPerApplication: row?.reviewersPerApplication ?? 5,
  };
}

/** Active assignment ids of a panel and application (status `assigned`). */
export const activeAssignment = (panelId: string, applicationId: string, reviewerId: string) =>
  and(
    eq(evaluationAssignments.panelId, panelId),
    eq(evaluationAssignments.applicationId, applicationId),
    eq(evaluationAssignments.reviewerId, reviewerId),
  );
