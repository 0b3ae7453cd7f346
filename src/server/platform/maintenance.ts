import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { purgeExpiredSessions } from './auth/sessions';
import { loginAttempts } from './schema';

/**
 * Periodic housekeeping (retention): expired sessions go at once; login attempts are kept
 * 1 year for security review. The audit and access logs are never deleted by the application
 * (the access log is kept at least 2 years, role changes 3 years).
 */
export async function runMaintenance(db: Database) {
  await purgeExpiredSessions(db);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 year'`));
}

export function scheduleMaintenance(db: Database, everyMs = 3600_000, log?: (e: unknown) => void) {
  const run = () => runMaintenance(db).catch((e) => log?.(e));
  const timer = setInterval(run, everyMs);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
