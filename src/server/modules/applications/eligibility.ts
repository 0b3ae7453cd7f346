import { sql } from 'drizzle-orm';
import { sqlRows } from '../../db/client';
import { ValidationError } from '../../platform/errors';
import { callRefsSql, type EligibilityEvaluator } from '../programs';

// 같은 사업에 같은 해 이미 선정된 기업 제외
export const notSelectedSameProgramYear: EligibilityEvaluator<'notSelectedSameProgramYear'> = async (
  _r,
  { db, company, call },
) => {
  const [hit] = await sqlRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM applications a JOIN (${callRefsSql}) c ON c.id = a.call_id
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

export function notEligible(checks: { ok: boolean; type: string; reason: { ko: string; en: string } }[]) {
  return new ValidationError(
    'not_eligible',
    checks.filter((c) => !c.ok).map((c) => ({ path: `eligibility.${c.type}`, message: c.reason.ko })),
  );
}
