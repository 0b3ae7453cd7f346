import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { type DbHandle, openPg, openPglite } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';

/** Shared helpers for benchmark scripts: a fresh database, load runs, tables and JSON results. */
export async function benchDatabase(): Promise<{ handle: DbHandle; label: 'pg' | 'pglite'; url?: string }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const h = await openPglite(mkdtempSync(join(tmpdir(), 'itda-bench-')));
    await migrate(h);
    return { handle: h, label: 'pglite' };
  }
  const name = `itda_bench_${randomBytes(3).toString('hex')}`;
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
  return { handle: h, label: 'pg', url: u.toString() };
}

export interface LoadResult {
  name: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** Runs autocannon against 127.0.0.1 only, bounded by duration. */
export async function load(
  name: string,
  opts: {
    url: string;
    headers?: Record<string, string>;
    paths: () => string;
    connections?: number;
    seconds?: number;
  },
): Promise<LoadResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(opts.url))
    throw new Error('benchmarks target 127.0.0.1 only');
  const r = await autocannon({
    url: opts.url,
    connections: opts.connections ?? 10,
    duration: opts.seconds ?? 8,
    headers: opts.headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: opts.paths() }) }],
  });
  return {
    name,
    requestsPerSec: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

export function printTable(title: string, rows: Record<string, string | number>[]) {
  console.log(`\n${title}`);
  console.table(rows);
}

export function writeResult(file: string, data: unknown) {
  const dir = join(process.cwd(), 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, file),
    JSON.stringify({ at: new Date().toISOString(), ...((data as object) ?? {}) }, null, 2),
  );
  console.log(`→ bench/results/${file}`);
}
