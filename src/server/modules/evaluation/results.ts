import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertCan } from '../../platform/policy';
import { evaluatedApplications } from '../applications';
import { type ApplicationResult, type ApplicationScores, aggregate, type SheetScore } from './aggregate';
import { currentRubric, maxTotal, requireCall, settingsOf } from './common';
import type { EvaluationResults } from './contract';
import {
  evaluationAssignments,
  evaluationBonuses,
  evaluationPanels,
  evaluationRubrics,
  scoreSheets,
} from './schema';

/**
 * Aggregated results of a call (see aggregate.ts): submitted sheets of active assignments only (a
 * recused, excluded or removed reviewer's sheet never counts; drafts never count). A sheet scored on an
 * older rubric version with other total points is put on the scale of the panel's current rubric.
 */
export async function evaluationResults({
  db,
  actor,
  callId,
}: {
  db: Database;
  actor: Actor;
  callId: string;
}): Promise<EvaluationResults> {
  assertCan(actor, 'evaluation.manage');
  await requireCall(db, callId);
  const { results } = await computeResults(db, callId);
  return {
    items: results.map((r) => ({
      applicationId: r.applicationId,
      rank: r.rank,
      stages: r.stages,
      bonus: r.bonus,
      final: r.final,
      passed: r.passed,
    })),
  };
}

/** The aggregation of a call's submitted sheets, in rank order (unscored last); no permission check. */
export async function computeResults(db: Database, callId: string) {
  const settings = await settingsOf(db, callId);
  const panels = await db
    .select()
    .from(evaluationPanels)
    .where(eq(evaluationPanels.callId, callId))
    .orderBy(asc(evaluationPanels.stage));
  const apps = await evaluatedApplications(db, callId);
  const panelMax = new Map<string, number>();
  for (const p of panels) panelMax.set(p.id, maxTotal((await currentRubric(db, p.id)).criteria));

  const sheets = panels.length
    ? await db
        .select({
          panelId: evaluationAssignments.panelId,
          applicationId: evaluationAssignments.applicationId,
          total: scoreSheets.total,
          points: scoreSheets.points,
          criteria: evaluationRubrics.criteria,
        })
        .from(scoreSheets)
        .innerJoin(evaluationAssignments, eq(evaluationAssignments.id, scoreSheets.assignmentId))
        .innerJoin(evaluationRubrics, eq(evaluationRubrics.id, scoreSheets.rubricId))
        .where(
          and(
            inArray(
              evaluationAssignments.panelId,
              panels.map((p) => p.id),
            ),
            eq(evaluationAssignments.status, 'assigned'),
            eq(scoreSheets.status, 'submitted'),
          ),
        )
        .orderBy(asc(scoreSheets.submittedAt), asc(scoreSheets.id))
    : [];
  const byApp = new Map<string, Record<string, SheetScore[]>>();
  for (const s of sheets) {
    const own = maxTotal(s.criteria);
    const target = panelMax.get(s.panelId) ?? own;
    const total = own === target ? Number(s.total) : (Number(s.total) * target) / own;
    const perPanel = byApp.get(s.applicationId) ?? {};
    perPanel[s.panelId] = [...(perPanel[s.panelId] ?? []), { total, criteria: s.points }];
    byApp.set(s.applicationId, perPanel);
  }
  const bonuses = apps.length
    ? await db
        .select({ applicationId: evaluationBonuses.applicationId, points: evaluationBonuses.points })
        .from(evaluationBonuses)
        .where(
          inArray(
            evaluationBonuses.applicationId,
            apps.map((a) => a.id),
          ),
        )
    : [];
  const bonus = new Map(bonuses.map((b) => [b.applicationId, Number(b.points)]));

  const input: ApplicationScores[] = apps.map((a) => ({
    applicationId: a.id,
    submittedAt: a.submittedAt?.getTime() ?? Number.MAX_SAFE_INTEGER,
    bonus: bonus.get(a.id) ?? 0,
    sheets: byApp.get(a.id) ?? {},
  }));
  const results = aggregate(input, {
    stages: panels.map((p) => ({
      panelId: p.id,
      weight: p.weight,
      trimMin: p.trimMin,
      maxTotal: panelMax.get(p.id),
    })),
    bonusCap: settings.bonusCap,
    cutoff: settings.cutoff,
    tieBreakCriterion: settings.tieBreakCriterion,
  });
  return { results: results as ApplicationResult[], settings };
}
