import { type SQL, sql } from 'drizzle-orm';

/**
 * Firms that received support: selected in a call that funds each firm (a per-firm cap, e.g. DX consulting
 * ≤ 40 M KRW, AI projects ≤ 100 M KRW) — not course cohorts, lectures or conferences. A subquery with
 * columns (company_id, program_code, year), one row per selection, for other modules (e.g. the diagnosis
 * before/after view) to join without knowing the applications and calls tables.
 */
export function supportedFirmsSql(programCode?: string): SQL {
  return sql`SELECT DISTINCT a.company_id, p.code AS program_code, c.year
    FROM applications a JOIN calls c ON c.id = a.call_id JOIN programs p ON p.id = c.program_id
    WHERE a.status = 'selected' AND c.per_firm_cap IS NOT NULL${programCode ? sql` AND p.code = ${programCode}` : sql``}`;
}
