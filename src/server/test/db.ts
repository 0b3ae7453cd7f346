import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DbHandle, openPg, openPglite } from '../db/client';
import { migrate } from '../db/migrate';

/** A test database; `url` names the fresh server database (PostgreSQL only), e.g. for a second app instance. */
export type TestDbHandle = DbHandle & { url?: string; ownerUrl?: string };

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the server named by DATABASE_URL (created here, dropped at close), so runs never collide.
 */
export async function freshDatabase(): Promise<TestDbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const h = await openPglite();
    await migrate(h);
    return h;
  }
  const name = `itda_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const ownerUrl = u.toString();
  let h: DbHandle = await openPg(u.toString(), 20);
  await migrate(h);
  // ITDA_TEST_APP_ROLE=itda_app (CI): migrated as the owner above, the tests then run as the app role,
  // which may not UPDATE/DELETE the logs nor ALTER their triggers (README "Database roles")
  const appRole = process.env.ITDA_TEST_APP_ROLE;
  if (appRole && (await h.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [appRole])).length === 0)
    console.log(`ITDA_TEST_APP_ROLE: no role ${appRole} on the server; tests run as the owner`);
  else if (appRole) {
    await h.query('SELECT itda_grant_app_role($1)', [appRole]);
    await h.close();
    u.username = appRole;
    u.password = '';
    h = await openPg(u.toString(), 20);
  }
  const close = h.close;
  h.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  return Object.assign(h, { url: u.toString(), ownerUrl });
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
