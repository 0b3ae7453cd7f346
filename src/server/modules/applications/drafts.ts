import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, ValidationError } from '../../platform/errors';
import { assertCan, assertCanAny } from '../../platform/policy';
import { currentForm, type EligibilityRegistry, eligibilityOf, loadCall, loadCallForm } from '../programs';
import type { Answers, FormSection } from '../programs/form-contract';
import { callAccepts } from '../programs/lifecycle-contract';
import { readable } from './access';
import { validateAnswers } from './answers-contract';
import type { Application } from './contract';
import { notEligible } from './eligibility';
import { EDITABLE, editAction } from './lifecycle-contract';
import { mapApplication } from './read';
import { applications } from './schema';

function pickCompany(actor: Actor, companyId?: string): string {
  if (companyId) return companyId;
  if (actor.companyIds.length === 1) return actor.companyIds[0];
  throw new ValidationError('company_required', [{ path: 'companyId', message: 'required' }]);
}

/** Starts (or returns) the caller's company's draft for a call, after checking eligibility. */
export async function startApplication({
  db,
  actor,
  callId,
  companyId: given,
  rules,
}: {
  db: Database;
  actor: Actor;
  callId: string;
  companyId?: string;
  /** the installed eligibility evaluators */
  rules: EligibilityRegistry;
}): Promise<{ created: boolean; application: Application }> {
  assertCanAny(actor, 'application.apply');
  const companyId = pickCompany(actor, given);
  assertCan(actor, 'application.apply', { companyId });
  const { c, window } = await loadCall(db, actor, callId);
  const [existing] = await db
    .select()
    .from(applications)
    .where(and(eq(applications.callId, callId), eq(applications.companyId, companyId)));
  if (existing) return { created: false, application: await mapApplication(db, existing) };
  if (!callAccepts('startDraft', window)) throw new ConflictError('call_not_open');
  const checks = await eligibilityOf(db, c, companyId, rules);
  if (!checks.every((x) => x.ok)) throw notEligible(checks);
  const row = await db.transaction(async (tx) => {
    const f = await currentForm(tx, callId);
    const [created] = await tx
      .insert(applications)
      .values({ callId, companyId, formId: f.id, createdBy: actor.userId })
      .onConflictDoNothing({ target: [applications.callId, applications.companyId] })
      .returning();
    if (created)
      await recordAudit(tx, actor, {
        action: 'application.create',
        entityType: 'application',
        entityId: created.id,
        after: created,
      });
    return created;
  });
  if (!row) {
    const [again] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.callId, callId), eq(applications.companyId, companyId)));
    return { created: false, application: await mapApplication(db, again) };
  }
  return { created: true, application: await mapApplication(db, row) };
}

/** Autosave: merges the given answers into the saved ones (editable states only). */
export async function saveAnswers({
  db,
  actor,
  id,
  answers,
  version,
}: {
  db: Database;
  actor: Actor;
  id: string;
  answers: Answers;
  version?: number;
}) {
  assertCanAny(actor, 'application.apply');
  const row = await db.transaction(async (tx) => {
    const before = await readable(tx, actor, id, true);
    assertCan(actor, 'application.apply', { companyId: before.companyId });
    if (!EDITABLE.includes(before.status))
      throw new ConflictError('application_locked', { status: before.status });
    if (version !== undefined && version !== before.version) throw new ConflictError('stale_version');
    const ctx = await loadCallForm(tx, before.formId);
    if (!callAccepts(editAction(before.status, 'saveDraft'), ctx.window))
      throw new ConflictError('deadline_passed');
    const errors = validateAnswers(ctx.form.sections as FormSection[], answers, { submit: false });
    if (errors.length) throw new ValidationError('validation_failed', errors);
    const [after] = await tx
      .update(applications)
      .set({
        answers: sql`${applications.answers} || ${JSON.stringify(answers)}::jsonb`,
        version: sql`${applications.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(applications.id, id))
      .returning();
    const prev = before.answers as Answers;
    const changed = Object.keys(answers).filter(
      (k) => JSON.stringify(prev[k]) !== JSON.stringify(answers[k]),
    );
    if (changed.length)
      await recordAudit(tx, actor, {
        action: 'application.save',
        entityType: 'application',
        entityId: id,
        before: Object.fromEntries(changed.map((k) => [k, prev[k] ?? null])),
        after: Object.fromEntries(changed.map((k) => [k, answers[k]])),
      });
    return after;
  });
  return mapApplication(db, row);
}
