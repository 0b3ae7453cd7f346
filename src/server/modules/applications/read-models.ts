import { type SQL, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/enums';

/**
 * Applications counted for another module, as a scalar SQL expression (int): all applications (drafts
 * included) on a form version or a call, or only those in the given statuses. Programs uses it to freeze
 * a form version that has applications, without reading the applications table itself.
 */
export function applicationCountSql(where: {
  formId?: string;
  callId?: string;
  statuses?: readonly ApplicationStatus[];
}): SQL<number> {
  const parts = [
    where.formId !== undefined ? sql`form_id = ${where.formId}` : undefined,
    where.callId !== undefined ? sql`call_id = ${where.callId}` : undefined,
    where.statuses
      ? sql`status::text IN (${sql.join(
          where.statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`
      : undefined,
  ].filter((p): p is SQL => p !== undefined);
  const filter = parts.length ? sql` WHERE ${sql.join(parts, sql` AND `)}` : sql``;
  return sql<number>`(SELECT count(*)::int FROM applications${filter})`;
}
