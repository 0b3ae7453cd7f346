import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { NotFoundError } from '../../platform/errors';
import { defineModule } from '../../platform/module';
import { users } from '../../platform/schema';
import { registerCompanyImportJob } from './import';
import { companyImportRoutes } from './import-routes';
import { companyRoutes } from './routes';
import { companies, companyMembers } from './schema';

export { companyBrns } from './brn-lookup';

/** The company registry: records, members, claims, link requests, imports, merges. */
export const companiesModule = defineModule({
  name: 'companies',
  routes: [companyRoutes, companyImportRoutes],
  jobs: (runner, { handle, config }) => registerCompanyImportJob(runner, handle, config),
});

// Read models for other modules, which never use the companies tables themselves.

/** A company's registry record (eligibility facts, form prefill); 404 when missing. */
export async function companyRecord(db: Database, id: string) {
  const [row] = await db.select().from(companies).where(eq(companies.id, id));
  if (!row) throw new NotFoundError('company');
  return row;
}

/** Companies as a subquery (id, name, brn, district) for other modules' lists: `JOIN (${companyRefsSql}) co ON co.id = …`. */
export const companyRefsSql = sql`SELECT id, name, brn, district FROM companies`;

/** E-mail addresses of a company's active members (notices about the company's applications). */
export async function activeMemberEmails(db: Database, companyId: string): Promise<string[]> {
  const rows = await db
    .select({ email: users.email })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.status, 'active')));
  return rows.map((r) => r.email);
}
