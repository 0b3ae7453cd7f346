import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { companies } from './schema';

/** BRN and name of companies by id (for other modules, e.g. evaluation's conflict checks). */
export async function companyBrns(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, { brn: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: companies.id, brn: companies.brn, name: companies.name })
    .from(companies)
    .where(inArray(companies.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { brn: r.brn, name: r.name }]));
}
