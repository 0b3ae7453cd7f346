import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { updatePeerCounts } from './peers';
import { diagnoses, diagnosisInvitations } from './schema';

/**
 * When duplicate firms are merged, their diagnoses join one timeline: all submitted diagnoses move to the
 * surviving firm and are renumbered T0, T1, … by submission time; the latest one counts among peers (the
 * histograms move with it). A draft moves too; when both firms have one, the other firm's answers fill
 * the questions the surviving draft left blank (same instrument), then that draft is removed.
 * Invitations follow the firm.
 */
export async function mergeDiagnoses(tx: Database, fromId: string, intoId: string) {
  const latest = async (companyId: string) =>
    (
      await tx
        .select()
        .from(diagnoses)
        .where(and(eq(diagnoses.companyId, companyId), eq(diagnoses.isLatest, true)))
        .for('update')
    )[0];
  const oldFrom = await latest(fromId);
  const oldInto = await latest(intoId);

  const drafts = await tx
    .select()
    .from(diagnoses)
    .where(and(sql`${diagnoses.companyId} IN (${fromId}, ${intoId})`, eq(diagnoses.status, 'draft')))
    .for('update');
  const fromDraft = drafts.find((d) => d.companyId === fromId);
  const intoDraft = drafts.find((d) => d.companyId === intoId);
  if (fromDraft && intoDraft) {
    if (fromDraft.instrumentId === intoDraft.instrumentId) {
      const answers = { ...fromDraft.answers, ...intoDraft.answers };
      await tx
        .update(diagnoses)
        .set({ answers, updatedAt: sql`now()` })
        .where(eq(diagnoses.id, intoDraft.id));
    }
    await tx
      .update(diagnosisInvitations)
      .set({ diagnosisId: intoDraft.id })
      .where(eq(diagnosisInvitations.diagnosisId, fromDraft.id));
    await tx.delete(diagnoses).where(eq(diagnoses.id, fromDraft.id));
  }

  // clear the numbering first so the unique (company, seq) and (company, latest) never collide mid-update
  await tx.execute(sql`UPDATE diagnoses SET seq = NULL, is_latest = false
    WHERE company_id IN (${fromId}, ${intoId}) AND status = 'submitted'`);
  await tx.update(diagnoses).set({ companyId: intoId }).where(eq(diagnoses.companyId, fromId));
  await tx.execute(sql`UPDATE diagnoses d SET seq = r.rn - 1, is_latest = (r.rn = r.total)
    FROM (SELECT id, row_number() OVER (ORDER BY submitted_at, id) AS rn, count(*) OVER () AS total
          FROM diagnoses WHERE company_id = ${intoId} AND status = 'submitted') r
    WHERE d.id = r.id`);
  // peers counted the latest of each firm; now only the merged firm's latest counts
  const now = await latest(intoId);
  for (const old of [oldFrom, oldInto])
    if (old && old.id !== now?.id) await updatePeerCounts(tx, old, undefined);
  if (now && now.id !== oldFrom?.id && now.id !== oldInto?.id) await updatePeerCounts(tx, undefined, now);

  await tx
    .update(diagnosisInvitations)
    .set({ companyId: intoId })
    .where(eq(diagnosisInvitations.companyId, fromId));
}
