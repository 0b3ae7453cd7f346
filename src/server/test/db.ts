import pg from 'pg';
import { inject } from 'vitest';
import { loadDemoWorld } from '../../demo/load';
import type { DbHandle } from '../db/client';
import { MIGRATED, openSnapshot, type SnapshotRun, seededKey } from './snapshots';
import { openTempDatabase, type TempDbHandle } from './tempdb';

declare module 'vitest' {
  export interface ProvidedContext {
    /** set by the unit project's globalSetup (src/server/test/global-setup.ts) */
    itdaSnapshots?: SnapshotRun;
  }
}

/** A test database; `url` names the fresh server database (PostgreSQL only), e.g. for a second app instance. */
export type TestDbHandle = TempDbHandle;

/** The run's snapshots when the project has the globalSetup (the unit tests); undefined elsewhere (e2e). */
function snapshotRun(): SnapshotRun | undefined {
  const run = inject('itdaSnapshots');
  // a run's snapshots are of one database kind: the workers see the same DATABASE_URL as the setup
  return run && run.serverUrl === (process.env.DATABASE_URL || undefined) ? run : undefined;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the server named by DATABASE_URL (dropped at close), so runs never collide. A copy of the run's
 * migrated snapshot when there is one (see snapshots.ts). With ITDA_TEST_APP_ROLE (CI) the handle is
 * that role's — which may not UPDATE/DELETE the logs nor ALTER their triggers (README "Database
 * roles") — and `ownerUrl` the owner's (see `queryAsOwner`).
 */
export async function freshDatabase(): Promise<TestDbHandle> {
  const run = snapshotRun();
  if (run) return openSnapshot(run, MIGRATED);
  return openTempDatabase({
    serverUrl: process.env.DATABASE_URL || undefined,
    prefix: 'itda_t',
    appRole: process.env.ITDA_TEST_APP_ROLE || undefined,
  });
}

/** A fresh database (as `freshDatabase`) with the demo world of `firms` generated firms loaded. */
export async function seededDatabase(firms: number): Promise<TestDbHandle> {
  const run = snapshotRun();
  if (run) return openSnapshot(run, seededKey(firms));
  const h = await freshDatabase();
  await loadDemoWorld(h, { firms });
  return h;
}

export const usingServerPostgres = () => !!process.env.DATABASE_URL;

/**
 * Runs a statement that needs the database owner (a test's own trigger or function): with
 * ITDA_TEST_APP_ROLE the tests' handle is the app role, which may not create triggers on the logs.
 */
export async function queryAsOwner(h: DbHandle, text: string): Promise<void> {
  const { ownerUrl, url } = h as TestDbHandle;
  if (!ownerUrl || ownerUrl === url) {
    await h.query(text);
    return;
  }
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}
