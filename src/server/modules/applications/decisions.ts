import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/enums';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError } from '../../platform/errors';
import { EVALUATED_STATUSES } from './evaluation-read';
import { applications } from './schema';

/** 선정 / 예비선정(대기) / 탈락 — the outcomes of an evaluation. */
export const DECISION_STATUSES = ['selected', 'waitlisted', 'rejected'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export interface Decision {
  applicationId: string;
  status: DecisionStatus;
  reason: string;
}

/**
 * Moves evaluated applications of a call to their decision (called by the evaluation service, inside
 * its transaction): from submitted or an earlier decision only (409 otherwise), version bumped, audited.
 */
export async function recordDecisions(
  tx: Database,
  actor: Actor,
  callId: string,
  decisions: readonly Decision[],
) {
  if (decisions.length === 0) return;
  const ids = decisions.map((d) => d.applicationId);
  const rows = await tx
    .select()
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.id, ids)))
    .orderBy(applications.id)
    .for('update');
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const d of decisions) {
    const before = byId.get(d.applicationId);
    if (!before || !EVALUATED_STATUSES.includes(before.status))
      throw new ConflictError('illegal_transition', { from: before?.status ?? '-', to: d.status });
    const [after] = await tx
      .update(applications)
      .set({
        status: d.status,
        statusReason: d.reason,
        version: sql`${applications.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, d.applicationId))
      .returning();
    await recordAudit(tx, actor, {
      action: 'application.decision',
      entityType: 'application',
      entityId: d.applicationId,
      before: { status: before.status, statusReason: before.statusReason },
      after: { status: after.status, statusReason: after.statusReason },
    });
  }
}

/** Statuses still waiting for a decision; a call is announced only when none is left (announce guard). */
export const UNDECIDED_STATUSES: readonly ApplicationStatus[] = ['submitted', 'supplement_requested'];

export async function undecidedCount(db: Database, callId: string): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.status, [...UNDECIDED_STATUSES])));
  return Number(n);
}
