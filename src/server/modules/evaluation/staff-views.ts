import { asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertCan } from '../../platform/policy';
import { users } from '../../platform/schema';
import { iso, loadPanel, mapAssignment, mapConflict, requireCall } from './common';
import { evaluationAssignments, evaluationConflicts, evaluationPanels, scoreSheets } from './schema';

type Ctx = { db: Database; actor: Actor };

/** Staff follow the scoring of a panel: every assignment with its reviewer and sheet status and total. */
export async function listPanelAssignments({ db, actor, panelId }: Ctx & { panelId: string }) {
  assertCan(actor, 'evaluation.manage');
  await loadPanel(db, panelId);
  const rows = await db
    .select({ a: evaluationAssignments, name: users.name, sheet: scoreSheets })
    .from(evaluationAssignments)
    .innerJoin(users, eq(users.id, evaluationAssignments.reviewerId))
    .leftJoin(scoreSheets, eq(scoreSheets.assignmentId, evaluationAssignments.id))
    .where(eq(evaluationAssignments.panelId, panelId))
    .orderBy(asc(evaluationAssignments.applicationId), asc(users.name), asc(evaluationAssignments.id));
  return {
    items: rows.map((r) => ({
      ...mapAssignment(r.a),
      reviewerName: r.name,
      sheetStatus: r.sheet?.status ?? null,
      total: r.sheet?.total == null ? null : Number(r.sheet.total),
      recommendation: r.sheet?.recommendation ?? null,
      submittedAt: iso(r.sheet?.submittedAt ?? null),
    })),
  };
}

/** The conflict-of-interest log of a call: 제척, 회피 and 기피 with reasons and decisions, oldest first. */
export async function listConflicts({ db, actor, callId }: Ctx & { callId: string }) {
  assertCan(actor, 'evaluation.manage');
  await requireCall(db, callId);
  const panels = await db
    .select({ id: evaluationPanels.id })
    .from(evaluationPanels)
    .where(eq(evaluationPanels.callId, callId));
  if (panels.length === 0) return { items: [] };
  const rows = await db
    .select()
    .from(evaluationConflicts)
    .where(
      inArray(
        evaluationConflicts.panelId,
        panels.map((p) => p.id),
      ),
    )
    .orderBy(asc(evaluationConflicts.createdAt), asc(evaluationConflicts.id));
  return { items: rows.map(mapConflict) };
}
