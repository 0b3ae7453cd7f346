import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { loadDemoWorld } from '../../demo/load';
import { openPg, openPglite } from '../db/client';
import { migrate, migrationsFolder } from '../db/migrate';
import { databaseUrl, dropServerDatabase, openTempDatabase, serverQuery, type TempDbHandle } from './tempdb';

/**
 * Test databases from snapshots: migrating and loading the demo world once per run instead of once per
 * test file. The unit project's globalSetup (global-setup.ts) builds the migrated snapshot and hands
 * the workers a `SnapshotRun`; a demo-world snapshot per `firms` value is built by the first test file
 * that asks for it (a lock file in the run's directory makes the others wait), so running one file
 * builds only what it needs. Each test file then opens its own copy, so nothing it does reaches another
 * file:
 * - PGlite: a `dumpDataDir('none')` tarball in the run's temporary directory, loaded with `loadDataDir`;
 * - server PostgreSQL: a template database `itda_tpl_<hash>_<run>_<what>` copied by `CREATE DATABASE …
 *   TEMPLATE`. The hash covers the migrations and the demo loader (a template of other code is never
 *   used); the run id keeps concurrent runs on one server apart (each run drops its own at the end, and
 *   templates older than a day, from runs that crashed, are dropped at start). Built per run, because the
 *   demo world's calls open and close relative to the time it is loaded.
 */
export interface SnapshotRun {
  /** the run's temporary directory: PGlite tarballs, lock and ready files */
  dir: string;
  hash: string;
  runId: string;
  /** server PostgreSQL (DATABASE_URL) of the run; PGlite without one */
  serverUrl?: string;
  /** ITDA_TEST_APP_ROLE: copies are granted to it and opened as it */
  appRole?: string;
}

export const TEMPLATE_PREFIX = 'itda_tpl_';
const STALE_MS = 24 * 3600_000;

/** Hash of what a snapshot is made of: the migrations and the demo world's loader (src/demo). */
export function sourceHash(): string {
  const h = createHash('sha256');
  const demoDir = join(dirname(fileURLToPath(import.meta.url)), '../../demo');
  const files = [
    ...readdirSync(migrationsFolder(), { recursive: true, encoding: 'utf8' }).map((f) =>
      join(migrationsFolder(), f),
    ),
    ...readdirSync(demoDir)
      .filter((f) => f.endsWith('.ts') && !f.includes('.test.'))
      .map((f) => join(demoDir, f)),
  ].sort();
  for (const f of files) {
    if (!/\.(sql|json|ts)$/.test(f)) continue;
    h.update(f.slice(f.lastIndexOf('src/')));
    h.update(readFileSync(f));
  }
  return h.digest('hex').slice(0, 10);
}

export function newRun(dir: string): SnapshotRun {
  return {
    dir,
    hash: sourceHash(),
    runId: `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`,
    serverUrl: process.env.DATABASE_URL || undefined,
    appRole: process.env.ITDA_TEST_APP_ROLE || undefined,
  };
}

/** Snapshot keys: the migrated database, or migrated with the demo world of `firms` generated firms. */
export const MIGRATED = 'm';
export const seededKey = (firms: number) => `f${firms}`;

const templateName = (run: SnapshotRun, key: string) => `${TEMPLATE_PREFIX}${run.hash}_${run.runId}_${key}`;
const readyFile = (run: SnapshotRun, key: string) => join(run.dir, `${key}.ready`);

/** Builds one snapshot (the demo world's from the migrated one) and returns where it is. */
async function build(run: SnapshotRun, key: string): Promise<string> {
  const firms = key === MIGRATED ? undefined : Number(key.slice(1));
  const base = firms === undefined ? undefined : await snapshot(run, MIGRATED);
  if (!run.serverUrl) {
    const h = await openPglite(undefined, base ? { loadDataDir: new Blob([readFileSync(base)]) } : {});
    try {
      if (firms === undefined) {
        await migrate(h);
        // template0 is a quarter of the tarball's files, and nothing in a test copies it: each
        // test file's copy unpacks ≈ 0.3 s faster without it (template1 stays, for CREATE DATABASE)
        await h.query('ALTER DATABASE template0 WITH IS_TEMPLATE false ALLOW_CONNECTIONS true');
        await h.query('DROP DATABASE template0');
      } else await loadDemoWorld(h, { firms });
      const dump = await (h.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
      const file = join(run.dir, `${key}.tar`);
      writeFileSync(`${file}.part`, Buffer.from(await dump.arrayBuffer()));
      renameSync(`${file}.part`, file);
      return file;
    } finally {
      await h.close();
    }
  }
  const name = templateName(run, key);
  await serverQuery(run.serverUrl, `CREATE DATABASE ${name}${base ? ` TEMPLATE ${base}` : ''}`);
  try {
    const h = await openPg(databaseUrl(run.serverUrl, name), 4);
    try {
      // loaded as the owner; each copy grants the app role its rights (openTempDatabase)
      if (firms === undefined) await migrate(h);
      else await loadDemoWorld(h, { firms });
    } finally {
      await h.close();
    }
    // no connections from now on: a template with a session on it cannot be copied
    await serverQuery(run.serverUrl, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
  } catch (e) {
    await dropServerDatabase(run.serverUrl, name).catch(() => {});
    throw e;
  }
  return name;
}

/**
 * The snapshot `key` of the run (the tarball's path or the template's name), built by whichever
 * process asks first; the others wait for its ready file.
 */
export async function snapshot(run: SnapshotRun, key: string): Promise<string> {
  const ready = readyFile(run, key);
  const lock = join(run.dir, `${key}.lock`);
  const until = Date.now() + 15 * 60_000;
  for (;;) {
    if (existsSync(ready)) return readFileSync(ready, 'utf8');
    let fd: number | undefined;
    try {
      fd = openSync(lock, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (fd === undefined) {
      if (Date.now() > until)
        throw new Error(`test database snapshot ${key} not ready after 15 min (${lock})`);
      await sleep(200);
      continue;
    }
    try {
      const where = await build(run, key);
      writeFileSync(`${ready}.part`, where);
      renameSync(`${ready}.part`, ready);
      return where;
    } finally {
      closeSync(fd);
      rmSync(lock, { force: true });
    }
  }
}

/** A copy of snapshot `key`: the test file's own database, dropped (server) or discarded at close. */
export async function openSnapshot(run: SnapshotRun, key: string): Promise<TempDbHandle> {
  const where = await snapshot(run, key);
  if (!run.serverUrl) return openTempDatabase({ pgliteDump: new Blob([readFileSync(where)]) });
  return openTempDatabase({
    serverUrl: run.serverUrl,
    prefix: 'itda_t',
    template: where,
    appRole: run.appRole,
  });
}

/** Drops the run's templates, and those of runs that ended without dropping theirs a day ago or more. */
export async function dropTemplates(run: SnapshotRun, opts: { stale: boolean }): Promise<void> {
  if (!run.serverUrl) return;
  const rows = await serverQuery<{ name: string }>(
    run.serverUrl,
    `SELECT datname AS name FROM pg_database WHERE datname LIKE '${TEMPLATE_PREFIX}%'`,
  );
  for (const { name } of rows) {
    const id = name.slice(TEMPLATE_PREFIX.length).split('_')[1] ?? '';
    const at = Number.parseInt(id.slice(0, -4), 36);
    const mine = id === run.runId;
    const stale = opts.stale && Number.isFinite(at) && Date.now() - at > STALE_MS;
    if (mine || stale) await dropServerDatabase(run.serverUrl, name).catch(() => {});
  }
}
