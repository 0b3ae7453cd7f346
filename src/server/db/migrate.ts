import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { type DbHandle, openPg } from './client';

/** Finds the committed SQL migrations both from src (tsx) and from dist (bundled server). */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'src/server/db/migrations');
    if (existsSync(candidate)) return candidate;
    if (existsSync(join(dir, 'migrations/meta'))) return join(dir, 'migrations');
    dir = dirname(dir);
  }
  throw new Error('migrations folder not found');
}

/** Applies pending migrations; idempotent (drizzle records applied ones in drizzle.__drizzle_migrations). */
export async function migrate(handle: DbHandle): Promise<void> {
  const cfg = { migrationsFolder: migrationsFolder() };
  // Serialise concurrent start-ups of several instances on one server database.
  if (handle.kind === 'pg') {
    await handle.query('SELECT pg_advisory_lock(7215001)');
    try {
      await migratePg(handle.db as never, cfg);
    } finally {
      await handle.query('SELECT pg_advisory_unlock(7215001)');
    }
  } else {
    await migratePglite(handle.db as never, cfg);
  }
}

/**
 * Migrates as the tables' owner (MIGRATION_DATABASE_URL) and grants the application's role — the
 * user of `app` (DATABASE_URL) — its rights (`itda_grant_app_role`, migration 0009): all tables, but no
 * UPDATE, DELETE or TRUNCATE on the audit and access logs, and no ownership (so no ALTER TABLE …
 * DISABLE TRIGGER). Granting after every run covers tables added by later migrations.
 */
export async function migrateAsOwner(ownerUrl: string, app: DbHandle): Promise<void> {
  const owner = await openPg(ownerUrl, 2);
  try {
    await migrate(owner);
    const [me] = await app.query<{ role: string }>('SELECT current_user AS role');
    const [them] = await owner.query<{ role: string }>('SELECT current_user AS role');
    if (me.role !== them.role) await owner.query('SELECT itda_grant_app_role($1)', [me.role]);
  } finally {
    await owner.close();
  }
}
