/**
 * Heavy inputs never freeze the server: GET /api/health latency while three XLSX "bombs" (1 MB uploads
 * that unzip to 350 MB) and five exports of the whole registry (26,000 firms; three XLSX, two CSV) run at once, next to
 * the baseline: the same health checks with no load, measured in the same run.
 *   npx tsx bench/heavy-inputs.ts [firms=26000]        (DATABASE_URL for server PostgreSQL)
 */

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadDemoWorld } from '../src/demo/load';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { JobRunner } from '../src/server/platform/jobs';
import { xlsxBomb } from '../src/server/test/zip';
import { benchDatabase, printTable, writeResult } from './lib';

const BOMBS = 3;
const EXPORTS = 5;

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Sequential health checks (one in flight, 20 ms apart) until `until` resolves and `minMs` has passed. */
async function sampleHealth(base: string, until: Promise<unknown>, minMs: number) {
  const lat: number[] = [];
  // the event loop's own delay, apart from waits on the database or the OS scheduler
  const eld = monitorEventLoopDelay({ resolution: 10 });
  eld.enable();
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const start = performance.now();
  while (!done || performance.now() - start < minMs) {
    const t0 = performance.now();
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    lat.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  eld.disable();
  lat.sort((a, b) => a - b);
  const r = (n: number) => Number(n.toFixed(1));
  return {
    checks: lat.length,
    'p50 ms': r(quantile(lat, 0.5)),
    'p99 ms': r(quantile(lat, 0.99)),
    'max ms': r(lat[lat.length - 1]),
    'loop delay p99 ms': r(eld.percentile(99) / 1e6),
    'loop delay max ms': r(eld.max / 1e6),
  };
}

export async function main(firms = Number(process.argv[2] ?? 26_000)) {
  const { handle, label, url } = await benchDatabase();
  try {
    await loadDemoWorld(handle, { firms });
    // the app's DATABASE_URL is the bench's own database (exports read it over their own connection)
    const config = loadConfig({
      ...process.env,
      ...(url ? { DATABASE_URL: url } : {}),
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'b'.repeat(40),
    });
    const app = await buildApp({ config, handle, jobs: new JobRunner(handle.db), rateLimitPerMinute: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.itda.kr', password: 'itda-demo-2021!' }),
    });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie, 'x-csrf-token': csrfToken };
    const bomb = xlsxBomb({ padBytes: 350 * 1024 * 1024 });

    const baseline = await sampleHealth(base, Promise.resolve(), 5_000);

    const timed = async (name: string, f: () => Promise<Response>) => {
      const t0 = performance.now();
      const res = await f();
      const bytes = (await res.arrayBuffer()).byteLength;
      return { name, status: res.status, bytes, ms: Math.round(performance.now() - t0) };
    };
    const heavy = Promise.all([
      ...Array.from({ length: BOMBS }, (_, i) =>
        timed(`bomb ${i + 1} (${(bomb.length / 1024).toFixed(0)} KB → 350 MB)`, () => {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(bomb)]), 'bomb.xlsx');
          return fetch(`${base}/api/companies/import/upload`, { method: 'POST', headers, body: form });
        }),
      ),
      ...Array.from({ length: EXPORTS }, (_, i) => {
        const format = i % 2 === 0 ? 'xlsx' : 'csv';
        return timed(`export ${i + 1} (${format}, ${firms.toLocaleString()} firms)`, () =>
          fetch(`${base}/api/companies/export?format=${format}`, { headers }),
        );
      }),
    ]);
    const loaded = await sampleHealth(base, heavy, 1_000);
    const requests = await heavy;

    printTable(`Heavy requests (${label})`, requests);
    const rows = [
      { case: 'baseline: /api/health, no load', ...baseline },
      { case: `/api/health during ${BOMBS} bombs + ${EXPORTS} exports`, ...loaded },
    ];
    printTable(`GET /api/health latency, ${firms.toLocaleString()} firms on ${label}`, rows);
    writeResult(`heavy-inputs-${label}.json`, { firms, database: label, health: rows, requests });
    await app.close();
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
