import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { NotFoundError, ValidationError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import type { EligibilityRegistry } from '../programs';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { listCalls, listPrograms } from '../programs/service';
import type { Recommendation, Rule, RuleCondition, RuleCreateBody, RulePatchBody } from './contract';
import { currentInstrumentRow } from './instruments';
import { diagnosisRules } from './schema';

/**
 * Recommendation rules are data that staff edit: all conditions on stage / overall / dimension scores
 * hold → the program is recommended, with the rule's reason. Shown only with calls open now for which
 * the firm is eligible.
 */
type RuleRow = typeof diagnosisRules.$inferSelect;

export function mapRule(r: RuleRow): Rule {
  return {
    id: r.id,
    programCode: r.programCode,
    conditions: r.conditions,
    reason: { ko: r.reasonKo, en: r.reasonEn },
    priority: r.priority,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export interface ResultFacts {
  stage: number;
  overall: number;
  dimensions: Record<string, number | null>;
}

const OPS: Record<RuleCondition['op'], (a: number, b: number) => boolean> = {
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
};

/** Whether one condition holds; a condition on an unscored or unknown dimension does not. */
export function conditionHolds(c: RuleCondition, f: ResultFacts): boolean {
  const value = c.on === 'stage' ? f.stage : c.on === 'overall' ? f.overall : f.dimensions[c.dimension];
  return value !== null && value !== undefined && OPS[c.op](value, c.value);
}

/** The active rules whose conditions all hold, by priority. */
export function matchRules<R extends Pick<Rule, 'conditions' | 'active' | 'priority'>>(
  rules: R[],
  f: ResultFacts,
): R[] {
  return rules
    .filter((r) => r.active && r.conditions.every((c) => conditionHolds(c, f)))
    .sort((a, b) => a.priority - b.priority);
}

export async function listRules({ db, actor }: { db: Database; actor: Actor }) {
  assertCan(actor, 'diagnosis.manage');
  const rows = await db
    .select()
    .from(diagnosisRules)
    .orderBy(asc(diagnosisRules.priority), asc(diagnosisRules.programCode), desc(diagnosisRules.createdAt));
  return { items: rows.map(mapRule) };
}

/** 422 when the program code or a dimension key is unknown (dimensions of the current instrument). */
async function validateRule(db: Database, programCode?: string, conditions?: RuleCondition[]) {
  if (programCode) {
    const { items } = await listPrograms({ db });
    if (!items.some((p) => p.code === programCode))
      throw new ValidationError('validation_failed', [{ path: 'programCode', message: 'invalid_value' }]);
  }
  if (conditions) {
    const cur = await currentInstrumentRow(db);
    const keys = new Set((cur?.content?.dimensions ?? []).map((d) => d.key));
    const bad = conditions.findIndex((c) => c.on === 'dimension' && cur && !keys.has(c.dimension));
    if (bad >= 0)
      throw new ValidationError('validation_failed', [
        { path: `conditions.${bad}.dimension`, message: 'unknown_dimension' },
      ]);
  }
}

export async function createRule({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: RuleCreateBody;
}) {
  assertCan(actor, 'diagnosis.manage');
  await validateRule(db, input.programCode, input.conditions);
  const row = await db.transaction(async (tx) => {
    const [r] = await tx
      .insert(diagnosisRules)
      .values({
        programCode: input.programCode,
        conditions: input.conditions,
        reasonKo: input.reason.ko,
        reasonEn: input.reason.en,
        priority: input.priority,
        active: input.active,
        createdBy: actor.userId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'rule.create',
      entityType: 'diagnosis_rule',
      entityId: r.id,
      after: r,
    });
    return r;
  });
  return mapRule(row);
}

export async function patchRule({
  db,
  actor,
  id,
  input,
}: {
  db: Database;
  actor: Actor;
  id: string;
  input: RulePatchBody;
}) {
  assertCan(actor, 'diagnosis.manage');
  await validateRule(db, input.programCode, input.conditions);
  const row = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(diagnosisRules).where(eq(diagnosisRules.id, id)).for('update');
    if (!before) throw new NotFoundError('rule');
    const { reason, ...rest } = input;
    const [after] = await tx
      .update(diagnosisRules)
      .set({
        ...rest,
        ...(reason ? { reasonKo: reason.ko, reasonEn: reason.en } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(diagnosisRules.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'rule.update',
      entityType: 'diagnosis_rule',
      entityId: id,
      before,
      after,
    });
    return after;
  });
  return mapRule(row);
}

export async function deleteRule({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'diagnosis.manage');
  await db.transaction(async (tx) => {
    const [before] = await tx.delete(diagnosisRules).where(eq(diagnosisRules.id, id)).returning();
    if (!before) throw new NotFoundError('rule');
    await recordAudit(tx, actor, {
      action: 'rule.delete',
      entityType: 'diagnosis_rule',
      entityId: id,
      before,
    });
  });
  return { ok: true as const };
}

/**
 * Recommendations for a result: programs of the matching rules that have a call open now for which
 * the company is eligible (the programs module's eligibility evaluator decides), each with the reasons.
 * The caller must be allowed to read the company (checked by the programs service too).
 */
export async function recommendFor(
  db: Database,
  actor: Actor,
  companyId: string,
  facts: ResultFacts,
  eligibilityRules: EligibilityRegistry,
): Promise<Recommendation[]> {
  const rules = (await db.select().from(diagnosisRules).where(eq(diagnosisRules.active, true))).map(mapRule);
  const matched = matchRules(rules, facts);
  if (matched.length === 0) return [];
  const { items: programs } = await listPrograms({ db });
  const calls = await listCalls({
    db,
    actor,
    input: { status: 'open', eligibleFor: companyId, page: 1, pageSize: 100 },
    rules: eligibilityRules,
  });
  const out: Recommendation[] = [];
  for (const rule of matched) {
    const program = programs.find((p) => p.code === rule.programCode);
    if (!program) continue;
    const open = calls.items.filter((c) => c.programCode === rule.programCode);
    if (open.length === 0) continue;
    const existing = out.find((o) => o.programCode === rule.programCode);
    if (existing) {
      existing.reasons.push({ ruleId: rule.id, text: rule.reason });
      continue;
    }
    out.push({
      programCode: program.code,
      programName: { ko: program.nameKo, en: program.nameEn },
      reasons: [{ ruleId: rule.id, text: rule.reason }],
      calls: open.map((c) => ({ id: c.id, title: c.title, closesAt: c.closesAt })),
    });
  }
  return out;
}
