import { sql } from 'drizzle-orm';
import { type Database, sqlRows } from '../../db/client';
import { ValidationError } from '../../platform/errors';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { type EligibilityEvaluator, type EligibilityRegistry, evaluateRules } from '../programs/eligibility';
import type { EligibilityRule } from '../programs/eligibility-contract';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import type { calls } from '../programs/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { dbNow, loadCompanyFacts } from '../programs/service';

// 같은 사업에 같은 해 이미 선정된 기업 제외
export const notSelectedSameProgramYear: EligibilityEvaluator<'notSelectedSameProgramYear'> = async (
  _r,
  { db, company, call },
) => {
  const [hit] = await sqlRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM applications a JOIN calls c ON c.id = a.call_id
        WHERE a.company_id = ${company.id} AND a.status = 'selected' AND c.program_id = ${call.programId}
          AND c.year = ${call.year} AND c.id <> ${call.id}`,
  );
  return hit.n === 0
    ? {
        type: 'notSelectedSameProgramYear',
        ok: true,
        reason: {
          ko: '같은 해 이 사업에 선정된 이력이 없습니다.',
          en: 'Not selected in this program this year.',
        },
      }
    : {
        type: 'notSelectedSameProgramYear',
        ok: false,
        reason: {
          ko: '같은 해 같은 사업에 이미 선정된 기업은 신청할 수 없습니다.',
          en: 'Firms already selected in this program this year may not apply.',
        },
      };
};

export async function eligibility(
  db: Database,
  call: typeof calls.$inferSelect,
  companyId: string,
  rules: EligibilityRegistry,
) {
  const company = await loadCompanyFacts(db, companyId);
  return evaluateRules(
    call.eligibility as EligibilityRule[],
    { db, company, call: { id: call.id, programId: call.programId, year: call.year }, now: await dbNow(db) },
    rules,
  );
}

export function notEligible(checks: { ok: boolean; type: string; reason: { ko: string; en: string } }[]) {
  return new ValidationError(
    'not_eligible',
    checks.filter((c) => !c.ok).map((c) => ({ path: `eligibility.${c.type}`, message: c.reason.ko })),
  );
}
