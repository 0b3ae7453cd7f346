import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DbHandle, openPg, openPglite } from '../db/client';
import { migrate } from '../db/migrate';

/** A test database; `url` names the fresh server database (PostgreSQL only), e.g. for a second app instance. */
export type TestDbHandle = DbHandle & { url?: string };

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
  const h = await openPg(u.toString(), 20);
  await migrate(h);
  const close = h.close;
  h.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: url });
    await a.connect();
    await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await a.end();
  };
  return Object.assign(h, { url: u.toString() });
}

export const usingServerPostgres = () => !!process.env.DATABASE_URL;
