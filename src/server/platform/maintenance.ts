import { lt, sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { purgeExpiredLogs } from './audit';
import { purgeExpiredSessions } from './auth/sessions';
import { deleteStoredFiles, expiredImportUploads, type FileStore, moveLocalFiles } from './files';
import { loginAttempts, rateLimits } from './schema';

export interface MaintenanceContext {
  /** where uploaded files live (config.files) */
  files: FileStore;
}
/** A module's own housekeeping (e.g. orphaned uploads), run with the platform's (see platform/module.ts). */
export type MaintenanceTask = (db: Database, ctx: MaintenanceContext) => Promise<unknown>;

/**
 * Periodic housekeeping (retention): expired sessions go at once; login attempts are kept 1 year for
 * security review; uploaded member lists (personal data) 30 days. Audit and access-log rows go when
 * their category's keep_until has passed (access log 2 years, accounts 3, business records 5, program
 * set-up 10), only through the database's purge function (migration 0009). Then the installed modules'
 * own tasks (`tasks`, from installModules()).
 */
export async function runMaintenance(
  db: Database,
  ctx?: MaintenanceContext,
  tasks: readonly MaintenanceTask[] = [],
) {
  await purgeExpiredSessions(db);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, sql`now() - interval '1 year'`));
  await purgeExpiredLogs(db);
  // Rate-limit windows are one minute long; older ones only take space.
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, sql`now() - interval '10 minutes'`));
  if (!ctx) return;
  await deleteStoredFiles(db, ctx.files, expiredImportUploads());
  // A server-PostgreSQL install that kept uploads in DATA_DIR before: copy them into the database.
  await moveLocalFiles(db, ctx.files);
  for (const task of tasks) await task(db, ctx);
}

export function scheduleMaintenance(
  db: Database,
  opts: {
    ctx: MaintenanceContext;
    tasks: readonly MaintenanceTask[];
    everyMs?: number;
    log?: (e: unknown) => void;
  },
) {
  const run = () => runMaintenance(db, opts.ctx, opts.tasks).catch((e) => opts.log?.(e));
  const timer = setInterval(run, opts.everyMs ?? 3600_000);
  timer.unref();
  void run();
  return () => clearInterval(timer);
}
