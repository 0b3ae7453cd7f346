import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import type { pledgeSignBody } from './contract';
import { evaluationPanels, panelMembers, pledgeSignatures, pledgeTexts } from './schema';

type Ctx = { db: Database; actor: Actor };

/** Whether the reviewer signed the pledge for the call (required before the first score). */
export async function signed(db: Database, reviewerId: string, callId: string) {
  const [row] = await db
    .select({ v: pledgeSignatures.pledgeVersion })
    .from(pledgeSignatures)
    .where(and(eq(pledgeSignatures.reviewerId, reviewerId), eq(pledgeSignatures.callId, callId)));
  return !!row;
}

export async function currentPledge(db: Database) {
  const [p] = await db.select().from(pledgeTexts).orderBy(desc(pledgeTexts.version)).limit(1);
  return { version: p.version, body: { ko: p.bodyKo, en: p.bodyEn } };
}

export async function getPledge({ db, actor }: Ctx) {
  assertCan(actor, 'evaluation.review');
  return currentPledge(db);
}

/** Signs the current pledge for a call the reviewer sits on a panel of (404 otherwise). */
export async function signPledge({
  db,
  actor,
  callId,
  input,
}: Ctx & { callId: string; input: z.infer<typeof pledgeSignBody> }) {
  assertCan(actor, 'evaluation.review');
  return db.transaction(async (tx) => {
    const [seat] = await tx
      .select({ one: sql`1` })
      .from(panelMembers)
      .innerJoin(evaluationPanels, eq(evaluationPanels.id, panelMembers.panelId))
      .where(and(eq(evaluationPanels.callId, callId), eq(panelMembers.reviewerId, actor.userId!)));
    if (!seat) throw new NotFoundError('call');
    const current = await currentPledge(tx);
    if (input.version !== current.version) throw new ConflictError('pledge_outdated');
    const [row] = await tx
      .insert(pledgeSignatures)
      .values({
        reviewerId: actor.userId!,
        callId,
        pledgeVersion: current.version,
        signedName: input.signedName,
        ip: actor.ip,
      })
      .onConflictDoNothing()
      .returning();
    const sig =
      row ??
      (
        await tx
          .select()
          .from(pledgeSignatures)
          .where(and(eq(pledgeSignatures.reviewerId, actor.userId!), eq(pledgeSignatures.callId, callId)))
      )[0];
    if (row)
      await recordAudit(tx, actor, {
        action: 'evaluation.pledge_sign',
        entityType: 'call',
        entityId: callId,
        // the signed name stays in the signature row, not in the audit log
        after: { reviewerId: row.reviewerId, pledgeVersion: row.pledgeVersion, signedAt: row.signedAt },
      });
    return { callId, version: sig.pledgeVersion, signedAt: sig.signedAt.toISOString() };
  });
}
