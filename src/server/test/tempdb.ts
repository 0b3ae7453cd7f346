import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type DbHandle, openPg, openPglite } from '../db/client';
import { migrate } from '../db/migrate';

/**
 * Temporary databases, shared by the tests (src/server/test/db.ts) and the benchmarks (bench/lib.ts):
 * PGlite (in memory, or in a directory) or a new database on the server named by a PostgreSQL URL,
 * created here and dropped at close, so runs never collide. No vitest imports: bench/ runs under tsx.
 */

/** A temporary database; `url` names the server database (PostgreSQL only), e.g. for a second app instance. */
export type TempDbHandle = DbHandle & { url?: string; ownerUrl?: string };

/** The URL of database `name` on the server of `serverUrl` (optionally as another role, no password). */
export function databaseUrl(serverUrl: string, name: string, user?: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  if (user) {
    u.username = user;
    u.password = '';
  }
  return u.toString();
}

/** Runs statements on the server's maintenance connection (CREATE/DROP DATABASE cannot run in a pool's transaction). */
export async function serverQuery<T = Record<string, unknown>>(
  serverUrl: string,
  text: string,
  params?: unknown[],
): Promise<T[]> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

const ident = (s: string) => {
  if (!/^[a-z0-9_]+$/.test(s)) throw new Error(`unexpected database name ${s}`);
  return s;
};

/** A new database on the server, empty or a copy of `template`; returns its name. */
export async function createServerDatabase(
  serverUrl: string,
  prefix: string,
  template?: string,
): Promise<string> {
  const name = ident(`${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`);
  await serverQuery(serverUrl, `CREATE DATABASE ${name}${template ? ` TEMPLATE ${ident(template)}` : ''}`);
  return name;
}

export async function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  await serverQuery(serverUrl, `DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}

export interface TempDatabaseOptions {
  /** server PostgreSQL to create the database on; PGlite without one */
  serverUrl?: string;
  /** server: name prefix of the new database */
  prefix?: string;
  /** server: copy this (migrated) template database instead of migrating an empty one */
  template?: string;
  /** PGlite: on disk in a new temporary directory, removed at close (in memory otherwise) */
  pgliteOnDisk?: boolean;
  /** PGlite: start from this (migrated) `dumpDataDir()` tarball instead of migrating */
  pgliteDump?: Blob;
  /** server: after migrating as the owner, grant this role its rights and connect as it (README "Database roles") */
  appRole?: string;
  /** server: pool size */
  poolSize?: number;
}

/**
 * A migrated temporary database. PGlite closes with the handle; a server database is dropped at close.
 * With `appRole` the handle is that role's (when the server has it) and `ownerUrl` the owner's.
 */
export async function openTempDatabase(opts: TempDatabaseOptions = {}): Promise<TempDbHandle> {
  const { serverUrl } = opts;
  if (!serverUrl) {
    const dir = opts.pgliteOnDisk ? mkdtempSync(join(tmpdir(), 'itda-db-')) : undefined;
    const h = await openPglite(dir, { loadDataDir: opts.pgliteDump });
    if (!opts.pgliteDump) await migrate(h);
    if (dir) {
      const close = h.close;
      h.close = async () => {
        await close();
        rmSync(dir, { recursive: true, force: true });
      };
    }
    return h;
  }
  const name = await createServerDatabase(serverUrl, opts.prefix ?? 'itda_tmp', opts.template);
  const ownerUrl = databaseUrl(serverUrl, name);
  let url = ownerUrl;
  let h: DbHandle;
  try {
    h = await openPg(ownerUrl, opts.poolSize ?? 20);
    if (!opts.template) await migrate(h);
    if (opts.appRole) {
      if ((await h.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [opts.appRole])).length === 0)
        console.log(`no role ${opts.appRole} on the server; running as the owner`);
      else {
        // also on a template's copy: the role may be newer than the template
        await h.query('SELECT itda_grant_app_role($1)', [opts.appRole]);
        await h.close();
        url = databaseUrl(serverUrl, name, opts.appRole);
        h = await openPg(url, opts.poolSize ?? 20);
      }
    }
  } catch (e) {
    await dropServerDatabase(serverUrl, name).catch(() => {});
    throw e;
  }
  const close = h.close;
  h.close = async () => {
    await close();
    await dropServerDatabase(serverUrl, name);
  };
  return Object.assign(h, { url, ownerUrl });
}
