import { sql } from 'drizzle-orm';
import { sqlRows } from '../../db/client';
import type { EligibilityEvaluator } from '../programs';

/** 신청자격 `hasDiagnosis`: the company submitted a DX diagnosis within the last N months. */
export const hasDiagnosis: EligibilityEvaluator<'hasDiagnosis'> = async (r, { db, company, now }) => {
  const [hit] = await sqlRows<{ last: Date | string | null; recent: boolean }>(
    db,
    sql`SELECT max(submitted_at) AS last,
          coalesce(max(submitted_at) >= ${now}::timestamptz - make_interval(months => ${r.withinMonths}::int), false) AS recent
        FROM diagnoses WHERE company_id = ${company.id} AND status = 'submitted'`,
  );
  const last = hit?.last ? new Date(hit.last) : null;
  const day = last ? new Date(last.getTime() + 9 * 3600_000).toISOString().slice(0, 10) : '';
  if (hit?.recent)
    return {
      type: 'hasDiagnosis',
      ok: true,
      reason: {
        ko: `최근 ${r.withinMonths}개월 안에 DX 수준진단을 마쳤습니다 (${day}).`,
        en: `Took the DX diagnosis within the last ${r.withinMonths} months (${day}).`,
      },
    };
  return {
    type: 'hasDiagnosis',
    ok: false,
    reason: last
      ? {
          ko: `최근 ${r.withinMonths}개월 안에 제출한 DX 수준진단이 필요합니다 (마지막 진단 ${day}). 진단을 다시 받아 주세요.`,
          en: `A DX diagnosis submitted within the last ${r.withinMonths} months is required (last one ${day}). Please take it again.`,
        }
      : {
          ko: `최근 ${r.withinMonths}개월 안에 제출한 DX 수준진단이 필요합니다. 먼저 진단을 받아 주세요.`,
          en: `A DX diagnosis submitted within the last ${r.withinMonths} months is required. Please take it first.`,
        },
  };
};
