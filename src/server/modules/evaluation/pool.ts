import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { maskEmail } from '../../../shared/text';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { users } from '../../platform/schema';
import type { Reviewer, ReviewerProfileBody } from './contract';
import { evaluationAssignments, reviewerProfiles } from './schema';

/**
 * 평가위원 pool: users with role `reviewer` and their profiles (expertise, affiliation, relationships);
 * e-mail addresses masked as in every list.
 */
export async function listReviewers({
  db,
  actor,
}: {
  db: Database;
  actor: Actor;
}): Promise<{ items: Reviewer[] }> {
  assertCan(actor, 'evaluation.manage');
  const rows = await db
    .select({ user: users, profile: reviewerProfiles })
    .from(users)
    .leftJoin(reviewerProfiles, eq(reviewerProfiles.userId, users.id))
    .where(and(eq(users.role, 'reviewer'), isNull(users.deletedAt)))
    .orderBy(asc(users.name), asc(users.id));
  const loads = await db
    .select({ reviewerId: evaluationAssignments.reviewerId, n: count() })
    .from(evaluationAssignments)
    .where(eq(evaluationAssignments.status, 'assigned'))
    .groupBy(evaluationAssignments.reviewerId);
  const load = new Map(loads.map((l) => [l.reviewerId, Number(l.n)]));
  return { items: rows.map((r) => mapReviewer(r.user, r.profile, load.get(r.user.id) ?? 0)) };
}

function mapReviewer(
  u: typeof users.$inferSelect,
  p: typeof reviewerProfiles.$inferSelect | null,
  load: number,
): Reviewer {
  return {
    userId: u.id,
    name: u.name,
    email: maskEmail(u.email) ?? '',
    active: u.active,
    expertise: p?.expertise ?? [],
    affiliation: p?.affiliation ?? '',
    affiliationBrn: p?.affiliationBrn ?? null,
    relationships: p?.relationships ?? [],
    load,
  };
}

/** Creates or replaces a reviewer's profile (staff). */
export async function saveReviewerProfile({
  db,
  actor,
  userId,
  input,
}: {
  db: Database;
  actor: Actor;
  userId: string;
  input: ReviewerProfileBody;
}): Promise<Reviewer> {
  assertCan(actor, 'evaluation.manage');
  return db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, userId));
    if (!u || u.deletedAt) throw new NotFoundError('reviewer');
    if (u.role !== 'reviewer') throw new ValidationError('not_a_reviewer');
    const [before] = await tx
      .select()
      .from(reviewerProfiles)
      .where(eq(reviewerProfiles.userId, userId))
      .for('update');
    const values = {
      expertise: input.expertise,
      affiliation: input.affiliation,
      affiliationBrn: input.affiliationBrn ?? null,
      relationships: input.relationships,
    };
    const [after] = before
      ? await tx
          .update(reviewerProfiles)
          .set({ ...values, version: before.version + 1, updatedAt: sql`now()` })
          .where(eq(reviewerProfiles.userId, userId))
          .returning()
      : await tx
          .insert(reviewerProfiles)
          .values({ userId, ...values })
          .returning();
    await recordAudit(tx, actor, {
      action: before ? 'reviewer.profile_update' : 'reviewer.profile_create',
      entityType: 'reviewerProfile',
      entityId: userId,
      before: before ?? null,
      after,
    });
    const [{ n }] = await tx
      .select({ n: count() })
      .from(evaluationAssignments)
      .where(and(eq(evaluationAssignments.reviewerId, userId), eq(evaluationAssignments.status, 'assigned')));
    return mapReviewer(u, after, Number(n));
  });
}
