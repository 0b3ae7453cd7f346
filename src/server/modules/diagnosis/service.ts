import { and, asc, eq, sql } from 'drizzle-orm';
import { ksicSectionOf } from '../../../shared/ksic';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { assertCan, assertCanAny } from '../../platform/policy';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { loadCompany } from '../companies/service';
import type { EligibilityRegistry } from '../programs';
import type { AnswerValue, Diagnosis, InstrumentContent } from './contract';
import { currentInstrumentRow, instrumentContentOf } from './instruments';
import { trackInvitationStart, trackInvitationSubmit } from './invitations';
import { type PeerBenchmark, updatePeerCounts } from './peers';
import { type ResultFacts, recommendFor } from './recommendations';
import { buildResult } from './result';
import { diagnoses } from './schema';
import { answerError, questionsByKey, scoreDiagnosis } from './scoring';

/**
 * 진단: an SME member starts a diagnosis for their company, answers (autosaved, partial merge), resumes,
 * and submits; the scores and the peer-group facts are stored on the row at submit.
 */
type Row = typeof diagnoses.$inferSelect;

async function loadRow(db: Database, id: string, lock = false) {
  const q = db.select().from(diagnoses).where(eq(diagnoses.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('diagnosis');
  return row;
}

/** Loads a diagnosis the caller may act on (404, not 403, for other firms' diagnoses). */
async function accessible(
  db: Database,
  actor: Actor,
  id: string,
  action: 'diagnosis.read' | 'diagnosis.take',
  lock = false,
) {
  assertCanAny(actor, action);
  const row = await loadRow(db, id, lock);
  try {
    assertCan(actor, action, { companyId: row.companyId });
  } catch {
    throw new NotFoundError('diagnosis');
  }
  return row;
}

/** Serialises starts and submits of one company's diagnoses (draft uniqueness, seq, is_latest). */
async function lockCompany(tx: Database, companyId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7215102, hashtext(${companyId}))`);
}

const tLabel = (seq: number | null) => (seq === null ? null : `T${seq}`);

export async function mapDiagnosis(
  db: Database,
  row: Row,
  companyName: string,
  peers?: PeerBenchmark,
): Promise<Diagnosis> {
  const { version, content } = await instrumentContentOf(db, row.instrumentId);
  const answers = row.answers;
  const s = scoreDiagnosis(content, answers);
  return {
    id: row.id,
    companyId: row.companyId,
    companyName,
    instrumentId: row.instrumentId,
    instrumentVersion: version,
    status: row.status,
    seq: row.seq,
    label: tLabel(row.seq),
    answers,
    progress: {
      answered: s.answered,
      total: s.total,
      required: s.required,
      requiredAnswered: s.requiredAnswered,
    },
    missing: s.missing,
    startedAt: row.startedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    instrument: content,
    result: row.status === 'submitted' ? await buildResult(db, row, content, peers) : null,
  };
}

/**
 * Starts a diagnosis of the company with the current instrument, or resumes its draft (`created: false`).
 * An invitation token links the invitation; open invitations of the company are marked started.
 */
export async function startDiagnosis({
  db,
  actor,
  companyId,
  invitationToken,
}: {
  db: Database;
  actor: Actor;
  companyId: string;
  invitationToken?: string;
}): Promise<{ created: boolean; diagnosis: Diagnosis }> {
  assertCanAny(actor, 'diagnosis.take');
  const { row: company, resource } = await loadCompany(db, companyId);
  assertCan(actor, 'diagnosis.take', resource);
  const result = await db.transaction(async (tx) => {
    await lockCompany(tx, companyId);
    const [draft] = await tx
      .select()
      .from(diagnoses)
      .where(and(eq(diagnoses.companyId, companyId), eq(diagnoses.status, 'draft')));
    if (draft) {
      await trackInvitationStart(tx, { companyId, diagnosisId: draft.id, token: invitationToken });
      return { created: false, row: draft };
    }
    const instrument = await currentInstrumentRow(tx);
    if (!instrument) throw new ConflictError('instrument_none');
    const [row] = await tx
      .insert(diagnoses)
      .values({ companyId, instrumentId: instrument.id, startedBy: actor.userId })
      .returning();
    await trackInvitationStart(tx, { companyId, diagnosisId: row.id, token: invitationToken });
    await recordAudit(tx, actor, {
      action: 'diagnosis.start',
      entityType: 'diagnosis',
      entityId: row.id,
      after: { companyId, instrumentId: instrument.id, instrumentVersion: instrument.version },
    });
    return { created: true, row };
  });
  return { created: result.created, diagnosis: await mapDiagnosis(db, result.row, company.name) };
}

export async function getDiagnosis({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCanAny(actor, 'diagnosis.read');
  const row = await accessible(db, actor, id, 'diagnosis.read');
  const { row: company } = await loadCompany(db, row.companyId);
  return mapDiagnosis(db, row, company.name);
}

/** Checks answers against the instrument: unknown questions and values that do not fit are 422s. */
function validateAnswers(content: InstrumentContent, answers: Record<string, AnswerValue | null>) {
  const byKey = questionsByKey(content);
  const fields: { path: string; message: string }[] = [];
  for (const [k, v] of Object.entries(answers)) {
    const q = byKey.get(k);
    if (!q) fields.push({ path: `answers.${k}`, message: 'unknown_field' });
    else if (v !== null) {
      const err = answerError(q, v);
      if (err) fields.push({ path: `answers.${k}`, message: err });
    }
  }
  if (fields.length) throw new ValidationError('validation_failed', fields);
}

/** Autosave: merges the given answers into the saved ones; `null` clears an answer. Drafts only. */
export async function saveAnswers({
  db,
  actor,
  id,
  answers,
}: {
  db: Database;
  actor: Actor;
  id: string;
  answers: Record<string, AnswerValue | null>;
}) {
  assertCanAny(actor, 'diagnosis.take');
  const row = await db.transaction(async (tx) => {
    const before = await accessible(tx, actor, id, 'diagnosis.take', true);
    if (before.status !== 'draft') throw new ConflictError('diagnosis_submitted');
    const { content } = await instrumentContentOf(tx, before.instrumentId);
    validateAnswers(content, answers);
    const set = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== null));
    const clear = Object.keys(answers).filter((k) => answers[k] === null);
    const [after] = await tx
      .update(diagnoses)
      .set({
        answers: clear.length
          ? sql`(${diagnoses.answers} || ${JSON.stringify(set)}::jsonb) - ARRAY[${sql.join(
              clear.map((k) => sql`${k}`),
              sql`, `,
            )}]::text[]`
          : sql`${diagnoses.answers} || ${JSON.stringify(set)}::jsonb`,
        updatedAt: sql`now()`,
      })
      .where(eq(diagnoses.id, id))
      .returning();
    const prev = before.answers;
    const changed = Object.keys(answers).filter(
      (k) => JSON.stringify(prev[k] ?? null) !== JSON.stringify(answers[k]),
    );
    if (changed.length)
      await recordAudit(tx, actor, {
        action: 'diagnosis.save',
        entityType: 'diagnosis',
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, prev[k] ?? null])),
        after: Object.fromEntries(changed.map((k) => [k, answers[k]])),
      });
    return after;
  });
  const { row: company } = await loadCompany(db, row.companyId);
  return mapDiagnosis(db, row, company.name);
}

/**
 * Submits: every required question must be answered (422 lists the missing ones). Scores, stage and the
 * company's size class, KSIC section and district are stored; the diagnosis becomes the company's latest
 * (T0, T1, …). Submitting again returns the same result.
 */
export async function submitDiagnosis({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCanAny(actor, 'diagnosis.take');
  const pre = await accessible(db, actor, id, 'diagnosis.take');
  const { row: company } = await loadCompany(db, pre.companyId);
  const row = await db.transaction(async (tx) => {
    await lockCompany(tx, pre.companyId);
    const before = await loadRow(tx, id, true);
    if (before.status === 'submitted') return before;
    const { content } = await instrumentContentOf(tx, before.instrumentId);
    const s = scoreDiagnosis(content, before.answers);
    if (s.missing.length)
      throw new ValidationError(
        'diagnosis_incomplete',
        s.missing.map((k) => ({ path: `answers.${k}`, message: 'required' })),
        { count: s.missing.length },
      );
    const [{ seq }] = await sqlRows<{ seq: number }>(
      tx,
      sql`SELECT coalesce(max(seq) + 1, 0)::int AS seq FROM diagnoses WHERE company_id = ${before.companyId} AND status = 'submitted'`,
    );
    const [previous] = await tx
      .update(diagnoses)
      .set({ isLatest: false })
      .where(and(eq(diagnoses.companyId, before.companyId), eq(diagnoses.isLatest, true)))
      .returning();
    const [after] = await tx
      .update(diagnoses)
      .set({
        status: 'submitted',
        seq,
        isLatest: true,
        overall: s.overall,
        stage: s.stage,
        dimensionScores: s.dimensions,
        sizeClass: company.sizeClass,
        ksicSection: company.ksicCode ? (ksicSectionOf(company.ksicCode) ?? null) : null,
        district: company.district,
        submittedAt: sql`now()`,
        submittedBy: actor.userId,
        updatedAt: sql`now()`,
      })
      .where(and(eq(diagnoses.id, id), eq(diagnoses.status, 'draft')))
      .returning();
    await updatePeerCounts(tx, previous, after);
    await trackInvitationSubmit(tx, { companyId: before.companyId, diagnosisId: id });
    await recordAudit(tx, actor, {
      action: 'diagnosis.submit',
      entityType: 'diagnosis',
      entityId: id,
      before: { status: before.status },
      after: {
        status: after.status,
        seq,
        overall: s.overall,
        stage: s.stage,
        dimensionScores: s.dimensions,
        sizeClass: after.sizeClass,
        ksicSection: after.ksicSection,
      },
    });
    return after;
  });
  return mapDiagnosis(db, row, company.name);
}

/** A company's diagnoses in order: T0, T1, … then the open draft. */
export async function companyTimeline({
  db,
  actor,
  companyId,
}: {
  db: Database;
  actor: Actor;
  companyId: string;
}) {
  assertCanAny(actor, 'diagnosis.read');
  const { row: company, resource } = await loadCompany(db, companyId);
  assertCan(actor, 'diagnosis.read', resource);
  const rows = await db
    .select()
    .from(diagnoses)
    .where(eq(diagnoses.companyId, companyId))
    .orderBy(sql`${diagnoses.seq} ASC NULLS LAST`, asc(diagnoses.startedAt));
  const items = [];
  for (const r of rows) {
    const { version } = await instrumentContentOf(db, r.instrumentId);
    items.push({
      id: r.id,
      seq: r.seq,
      label: tLabel(r.seq),
      status: r.status,
      instrumentVersion: version,
      startedAt: r.startedAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
      overall: r.overall,
      stage: r.stage,
      dimensionScores: r.dimensionScores ?? {},
    });
  }
  return { companyId, companyName: company.name, items };
}

/** A submitted diagnosis the caller may read, with its instrument and company. */
export async function submittedForReading(db: Database, actor: Actor, id: string) {
  assertCanAny(actor, 'diagnosis.read');
  const row = await accessible(db, actor, id, 'diagnosis.read');
  if (row.status !== 'submitted') throw new ConflictError('diagnosis_not_submitted');
  const { row: company } = await loadCompany(db, row.companyId);
  const { version, content } = await instrumentContentOf(db, row.instrumentId);
  return { row, company, version, content };
}

export function factsOf(row: Row): ResultFacts {
  return {
    stage: row.stage ?? 1,
    overall: row.overall ?? 0,
    dimensions: row.dimensionScores ?? {},
  };
}

/** Programs recommended by the rules, with calls open now for which the firm is eligible. */
export async function getRecommendations({
  db,
  actor,
  id,
  rules,
}: {
  db: Database;
  actor: Actor;
  id: string;
  /** the installed eligibility evaluators */
  rules: EligibilityRegistry;
}) {
  assertCanAny(actor, 'diagnosis.read');
  const { row } = await submittedForReading(db, actor, id);
  return { diagnosisId: id, items: await recommendFor(db, actor, row.companyId, factsOf(row), rules) };
}
