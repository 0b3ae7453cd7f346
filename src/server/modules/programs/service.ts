import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import type { CallStatus } from '../../../shared/enums';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { isStaff } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { applicationCountSql, undecidedCount } from '../applications';
import { companyRecord } from '../companies';
import { assertCallFiles, callAttachments } from './call-files';
import type { Call, CallCreateBody, CallPatchBody, CallSummary } from './contract';
import { type EligibilityRegistry, evaluateRules } from './eligibility';
import {
  canTransition,
  competitionRatio,
  effectiveCallStatus,
  PUBLIC_CALL_STATUSES,
} from './lifecycle-contract';
import { callForms, calls, programs } from './schema';
import { callAcceptsSql, callWindowSql, effectiveStatusSql } from './window';

type CallRow = typeof calls.$inferSelect;
type ProgramRow = typeof programs.$inferSelect;

/** Programs (사업) live in program-service.ts; re-exported for the modules that import them from here. */
export { createProgram, listPrograms, patchProgram } from './program-service';

function mapSummary(c: CallRow, p: ProgramRow, now: Date): CallSummary {
  return {
    id: c.id,
    programId: p.id,
    programCode: p.code,
    programNameKo: p.nameKo,
    programNameEn: p.nameEn,
    module: p.module,
    year: c.year,
    title: c.title,
    status: effectiveCallStatus(c.status, c.opensAt, c.closesAt, now),
    opensAt: c.opensAt.toISOString(),
    closesAt: c.closesAt.toISOString(),
    capacity: c.capacity,
    perFirmCap: c.perFirmCap,
    submittedCount: c.submittedCount,
    competitionRatio: competitionRatio(c.submittedCount, c.capacity),
  };
}

export async function dbNow(db: Database): Promise<Date> {
  const [r] = await sqlRows<{ now: Date | string }>(db, sql`SELECT now() AS now`);
  return new Date(r.now);
}

export async function listCalls({
  db,
  actor,
  input,
  rules,
}: {
  db: Database;
  actor: Actor;
  /** the installed eligibility evaluators (needed with `eligibleFor`) */
  rules: EligibilityRegistry;
  input: {
    module?: string;
    programId?: string;
    status?: CallStatus;
    year?: number;
    q?: string;
    eligibleFor?: string;
    page: number;
    pageSize: number;
  };
}) {
  const parts: (SQL | undefined)[] = [
    isStaff(actor) ? undefined : inArray(calls.status, PUBLIC_CALL_STATUSES),
    input.module ? eq(programs.module, input.module as ProgramRow['module']) : undefined,
    input.programId ? eq(calls.programId, input.programId) : undefined,
    input.year ? eq(calls.year, input.year) : undefined,
    input.q ? ilike(calls.title, `%${input.q.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
    input.status ? sql`${effectiveStatusSql()} = ${input.status}` : undefined,
  ];
  if (input.eligibleFor) {
    assertCan(actor, 'company.read', { companyId: input.eligibleFor });
    parts.push(callAcceptsSql('startDraft'));
  }
  const where = and(...parts);
  const order = [sql`(${callWindowSql()} = 'open') DESC`, desc(calls.closesAt)];
  let rows = await db
    .select({ c: calls, p: programs })
    .from(calls)
    .innerJoin(programs, eq(programs.id, calls.programId))
    .where(where)
    .orderBy(...order);
  const now = await dbNow(db);
  if (input.eligibleFor) {
    const company = await loadCompanyFacts(db, input.eligibleFor);
    const keep = [];
    for (const r of rows) {
      const checks = await evaluateRules(
        r.c.eligibility,
        { db, company, call: { id: r.c.id, programId: r.c.programId, year: r.c.year }, now },
        rules,
      );
      if (checks.every((c) => c.ok)) keep.push(r);
    }
    rows = keep;
  }
  const total = rows.length;
  const page = rows.slice((input.page - 1) * input.pageSize, input.page * input.pageSize);
  return {
    items: page.map((r) => mapSummary(r.c, r.p, now)),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

/** A call's current (latest) form version, or its first with `which: 'first'`. */
export async function currentForm(db: Database, callId: string, which: 'latest' | 'first' = 'latest') {
  const [f] = await db
    .select()
    .from(callForms)
    .where(eq(callForms.callId, callId))
    .orderBy(which === 'first' ? asc(callForms.version) : desc(callForms.version))
    .limit(1);
  return f;
}

/** Loads a call and its window (by the database's clock); drafts are visible to staff only (404 for others). */
export async function loadCall(db: Database, actor: Actor, id: string, lock = false) {
  const q = db
    .select({ c: calls, p: programs, window: callWindowSql() })
    .from(calls)
    .innerJoin(programs, eq(programs.id, calls.programId))
    .where(eq(calls.id, id));
  const [row] = lock ? await q.for('update', { of: calls }) : await q;
  if (!row || (row.c.status === 'draft' && !isStaff(actor))) throw new NotFoundError('call');
  return row;
}

/**
 * A form version with its call, program and the call's window (by the database's clock), for the
 * applications filed on that form; 404 when the form does not exist.
 */
export async function loadCallForm(db: Database, formId: string) {
  const [row] = await db
    .select({ form: callForms, call: calls, program: programs, window: callWindowSql() })
    .from(callForms)
    .innerJoin(calls, eq(calls.id, callForms.callId))
    .innerJoin(programs, eq(programs.id, calls.programId))
    .where(eq(callForms.id, formId));
  if (!row) throw new NotFoundError('call');
  return row;
}

/** JSON with sorted keys (jsonb does not keep key order), for comparing form definitions. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );

/** Applications (drafts included) on a form version: such a version is frozen. */
async function formApplicationCount(db: Database, formId: string): Promise<number> {
  const [r] = await sqlRows<{ n: number }>(db, sql`SELECT ${applicationCountSql({ formId })} AS n`);
  return Number(r?.n ?? 0);
}

export async function getCall({ db, actor, id }: { db: Database; actor: Actor; id: string }): Promise<Call> {
  const { c, p } = await loadCall(db, actor, id);
  const form = await currentForm(db, id);
  const now = await dbNow(db);
  const attachments = await callAttachments(db, c.attachmentIds);
  const inUse = (await formApplicationCount(db, form.id)) > 0;
  return {
    ...mapSummary(c, p, now),
    body: c.body,
    evaluationAt: c.evaluationAt?.toISOString() ?? null,
    announceAt: c.announceAt?.toISOString() ?? null,
    maxApplications: c.maxApplications,
    totalBudget: c.totalBudget,
    eligibility: c.eligibility,
    requiredDocuments: c.requiredDocuments,
    attachmentIds: c.attachmentIds,
    attachments,
    form: { id: form.id, version: form.version, sections: form.sections },
    formInUse: inUse,
    version: c.version,
    now: now.toISOString(),
  };
}

export async function createCall({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: CallCreateBody;
}) {
  assertCan(actor, 'call.manage');
  const id = await db.transaction(async (tx) => {
    const [p] = await tx.select().from(programs).where(eq(programs.id, input.programId));
    if (!p) throw new ValidationError('validation_failed', [{ path: 'programId', message: 'invalid_value' }]);
    await assertCallFiles(tx, input.attachmentIds);
    const { form, ...rest } = input;
    const [c] = await tx
      .insert(calls)
      .values({
        ...rest,
        opensAt: new Date(input.opensAt),
        closesAt: new Date(input.closesAt),
        evaluationAt: input.evaluationAt ? new Date(input.evaluationAt) : null,
        announceAt: input.announceAt ? new Date(input.announceAt) : null,
        createdBy: actor.userId,
      })
      .returning();
    await tx.insert(callForms).values({ callId: c.id, version: 1, sections: form });
    await recordAudit(tx, actor, {
      action: 'call.create',
      entityType: 'call',
      entityId: c.id,
      after: { ...c, form },
    });
    return c.id;
  });
  return getCall({ db, actor, id });
}

export async function patchCall({
  db,
  actor,
  id,
  input,
}: {
  db: Database;
  actor: Actor;
  id: string;
  input: CallPatchBody;
}) {
  assertCan(actor, 'call.manage');
  await db.transaction(async (tx) => {
    const { c: before } = await loadCall(tx, actor, id, true);
    if (input.version !== before.version) throw new ConflictError('stale_version');
    if (before.status === 'archived') throw new ConflictError('call_archived');
    await assertCallFiles(tx, input.attachmentIds);
    const { form, version: _v, ...rest } = input;
    const dates = Object.fromEntries(
      (['opensAt', 'closesAt', 'evaluationAt', 'announceAt'] as const)
        .filter((k) => input[k] !== undefined)
        .map((k) => [k, input[k] ? new Date(input[k] as string) : null]),
    );
    const next = { ...rest, ...dates } as Partial<typeof calls.$inferInsert>;
    const opensAt = (next.opensAt as Date | undefined) ?? before.opensAt;
    const closesAt = (next.closesAt as Date | undefined) ?? before.closesAt;
    if (closesAt <= opensAt)
      throw new ValidationError('validation_failed', [{ path: 'closesAt', message: 'closes_before_opens' }]);
    const [after] = await tx
      .update(calls)
      .set({ ...next, version: sql`${calls.version} + 1`, updatedAt: sql`now()` })
      .where(eq(calls.id, id))
      .returning();
    const cur = form ? await currentForm(tx, id) : undefined;
    // An unchanged form (the editor sends it back as it was) is not a new version.
    if (form && cur && canonical(cur.sections) !== canonical(form)) {
      // A form version that has applications is frozen: changing the form publishes a new version.
      if ((await formApplicationCount(tx, cur.id)) > 0)
        await tx.insert(callForms).values({ callId: id, version: cur.version + 1, sections: form });
      else await tx.update(callForms).set({ sections: form }).where(eq(callForms.id, cur.id));
    }
    await recordAudit(tx, actor, {
      action: 'call.update',
      entityType: 'call',
      entityId: id,
      before,
      after: { ...after, form },
    });
  });
  return getCall({ db, actor, id });
}

export async function transitionCall({
  db,
  actor,
  id,
  to,
  reason,
}: {
  db: Database;
  actor: Actor;
  id: string;
  to: CallStatus;
  reason?: string;
}) {
  assertCan(actor, 'call.manage');
  await db.transaction(async (tx) => {
    const { c } = await loadCall(tx, actor, id, true);
    const now = await dbNow(tx);
    const from = effectiveCallStatus(c.status, c.opensAt, c.closesAt, now);
    if (!canTransition(from, to)) throw new ConflictError('illegal_transition', { from, to });
    if (from === 'published' && to === 'draft' && c.submittedCount > 0)
      throw new ConflictError('call_has_applications');
    // 발표 only when every counted application has a decision (evaluation moves the statuses)
    const undecided = to === 'announced' ? await undecidedCount(tx, id) : 0;
    if (undecided > 0) throw new ConflictError('call_undecided', { count: undecided });
    const [after] = await tx
      .update(calls)
      .set({ status: to, version: sql`${calls.version} + 1`, updatedAt: sql`now()` })
      .where(eq(calls.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'call.transition',
      entityType: 'call',
      entityId: id,
      before: { status: from },
      after: { status: after.status, reason: reason ?? null },
    });
  });
  return getCall({ db, actor, id });
}

/** The facts eligibility rules look at, from the company registry (companies' index); 404 when missing. */
export async function loadCompanyFacts(db: Database, companyId: string) {
  const { id, district, sizeClass, ksicCode, foundedOn } = await companyRecord(db, companyId);
  return { id, district, sizeClass, ksicCode, foundedOn };
}

/** Checks a company against a call's eligibility rules (the installed evaluators), by the database's clock. */
export async function eligibilityOf(
  db: Database,
  call: Pick<CallRow, 'id' | 'programId' | 'year' | 'eligibility'>,
  companyId: string,
  rules: EligibilityRegistry,
) {
  const company = await loadCompanyFacts(db, companyId);
  return evaluateRules(
    call.eligibility,
    { db, company, call: { id: call.id, programId: call.programId, year: call.year }, now: await dbNow(db) },
    rules,
  );
}

/** Eligibility of one company for one call, with a reason per rule. */
export async function checkEligibility({
  db,
  actor,
  callId,
  companyId,
  rules,
}: {
  db: Database;
  actor: Actor;
  callId: string;
  companyId: string;
  rules: EligibilityRegistry;
}) {
  assertCan(actor, 'company.read', { companyId });
  const { c } = await loadCall(db, actor, callId);
  const checks = await eligibilityOf(db, c, companyId, rules);
  return { companyId, eligible: checks.every((x) => x.ok), checks };
}
