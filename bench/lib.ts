import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { DbHandle } from '../src/server/db/client';
import { openTempDatabase } from '../src/server/test/tempdb';

/** Shared helpers for benchmark scripts: a fresh database, load runs, tables and JSON results. */
export async function benchDatabase(): Promise<{ handle: DbHandle; label: 'pg' | 'pglite'; url?: string }> {
  const serverUrl = process.env.DATABASE_URL || undefined;
  // PGlite on disk (as the app runs it) or a new server database, removed at close
  const h = await openTempDatabase({ serverUrl, prefix: 'itda_bench', pgliteOnDisk: true });
  return { handle: h, label: serverUrl ? 'pg' : 'pglite', url: h.url };
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
