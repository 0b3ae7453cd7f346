import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { CALL_ACTION_WINDOWS, type CallAction, WINDOWED_CALL_STATUSES } from './lifecycle-contract';
import { calls } from './schema';

/** The columns the window is computed from; by default the `calls` table's (another alias or a VALUES list in tests). */
export interface CallWindowColumns {
  status: AnyColumn | SQL;
  opensAt: AnyColumn | SQL;
  closesAt: AnyColumn | SQL;
}
const callColumns: CallWindowColumns = {
  status: calls.status,
  opensAt: calls.opensAt,
  closesAt: calls.closesAt,
};

const windowed = sql.raw(WINDOWED_CALL_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * The call's 접수 기간 window by the database's clock: 'upcoming' | 'open' | 'closed' — the SQL twin of
 * callWindow() in lifecycle-contract.ts (window.test.ts checks they agree at opens_at and closes_at).
 */
export function callWindowSql(cols: CallWindowColumns = callColumns): SQL<'upcoming' | 'open' | 'closed'> {
  return sql<'upcoming' | 'open' | 'closed'>`(CASE
    WHEN ${cols.status}::text NOT IN (${windowed}) THEN 'closed'
    WHEN now() >= ${cols.closesAt} THEN 'closed'
    WHEN now() >= ${cols.opensAt} THEN 'open'
    ELSE 'upcoming' END)`;
}

/** True when the call's window accepts the action (CALL_ACTION_WINDOWS), by the database's clock. */
export function callAcceptsSql(action: CallAction, cols: CallWindowColumns = callColumns): SQL<boolean> {
  const windows = sql.raw(CALL_ACTION_WINDOWS[action].map((w) => `'${w}'`).join(', '));
  return sql<boolean>`(${callWindowSql(cols)} IN (${windows}))`;
}

/** The status shown (effectiveCallStatus in SQL): the window for published/open calls, else the stored status. */
export function effectiveStatusSql(cols: CallWindowColumns = callColumns): SQL<string> {
  return sql<string>`(CASE WHEN ${cols.status}::text IN (${windowed})
    THEN (CASE ${callWindowSql(cols)} WHEN 'upcoming' THEN 'published' ELSE ${callWindowSql(cols)} END)
    ELSE ${cols.status}::text END)`;
}
