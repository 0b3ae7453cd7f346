import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { assertCan, assertCanAny } from '../../platform/policy';
import { users } from '../../platform/schema';
import { applicationRef } from '../applications';
import { mapConflict } from './common';
import type { objectionBody } from './contract';
import { evaluationAssignments, evaluationConflicts, evaluationPanels, reviewerProfiles } from './schema';

type Ctx = { db: Database; actor: Actor };

/** The caller's own company's application (404 for others', as applications do). */
async function ownApplication(db: Database, actor: Actor, id: string) {
  assertCanAny(actor, 'evaluation.object');
  const app = await applicationRef(db, id);
  if (!app) throw new NotFoundError('application');
  try {
    assertCan(actor, 'evaluation.object', { companyId: app.companyId });
  } catch {
    throw new NotFoundError('application');
  }
  return app;
}

/** The reviewers assigned to the caller's application (name and affiliation), to object to one (기피). */
export async function applicationReviewers({ db, actor, id }: Ctx & { id: string }) {
  assertCanAny(actor, 'evaluation.object');
  await ownApplication(db, actor, id);
  const rows = await db
    .select({
      panelId: evaluationPanels.id,
      stage: evaluationPanels.stage,
      reviewerId: users.id,
      name: users.name,
      affiliation: reviewerProfiles.affiliation,
    })
    .from(evaluationAssignments)
    .innerJoin(evaluationPanels, eq(evaluationPanels.id, evaluationAssignments.panelId))
    .innerJoin(users, eq(users.id, evaluationAssignments.reviewerId))
    .leftJoin(reviewerProfiles, eq(reviewerProfiles.userId, users.id))
    .where(and(eq(evaluationAssignments.applicationId, id), eq(evaluationAssignments.status, 'assigned')))
    .orderBy(asc(evaluationPanels.stage), asc(users.name));
  return { items: rows.map((r) => ({ ...r, affiliation: r.affiliation ?? '' })) };
}

/** 기피: the applicant objects to one assigned reviewer with a reason; staff decide (pending until then). */
export async function objectToReviewer({
  db,
  actor,
  id,
  input,
}: Ctx & { id: string; input: z.infer<typeof objectionBody> }) {
  assertCanAny(actor, 'evaluation.object');
  return db.transaction(async (tx) => {
    const app = await ownApplication(tx, actor, id);
    const [a] = await tx
      .select()
      .from(evaluationAssignments)
      .where(
        and(
          eq(evaluationAssignments.panelId, input.panelId),
          eq(evaluationAssignments.applicationId, app.id),
          eq(evaluationAssignments.reviewerId, input.reviewerId),
          eq(evaluationAssignments.status, 'assigned'),
        ),
      );
    if (!a) throw new NotFoundError('assignment');
    const [c] = await tx
      .insert(evaluationConflicts)
      .values({
        panelId: a.panelId,
        applicationId: app.id,
        reviewerId: a.reviewerId,
        kind: 'objection',
        status: 'pending',
        reason: input.reason,
        raisedBy: actor.userId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!c) throw new ConflictError('conflict');
    await recordAudit(tx, actor, {
      action: 'evaluation.objection',
      entityType: 'coiObjection',
      entityId: c.id,
      after: c,
    });
    return mapConflict(c);
  });
}
