import { type SQL, sql } from 'drizzle-orm';
import { callRefsSql } from '../programs';

/**
 * Firms that received support: selected in a call that funds each firm (a per-firm cap, e.g. DX consulting
 * ≤ 40 M KRW, AI projects ≤ 100 M KRW) — not course cohorts, lectures or conferences. A subquery with
 * columns (company_id, program_code, year), one row per selection, for other modules (e.g. the diagnosis
 * before/after view) to join without knowing the applications and calls tables.
 */
export function supportedFirmsSql(programCode?: string): SQL {
  return sql`SELECT DISTINCT a.company_id, c.program_code, c.year
    FROM applications a JOIN (${callRefsSql}) c ON c.id = a.call_id
    WHERE a.status = 'selected' AND c.per_firm_cap IS NOT NULL${programCode ? sql` AND c.program_code = ${programCode}` : sql``}`;
}
