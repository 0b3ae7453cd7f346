/**
 * Company search over the generated registry: GET /api/companies with fuzzy names and filters,
 * next to two baselines measured in the same run: bare Fastify (static JSON) and the same
 * SQL through a raw pg/PGlite query.
 *   npx tsx bench/search.ts [firms=20000]        (DATABASE_URL for server PostgreSQL)
 */

import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { generateFirm } from '../src/demo/firms';
import { loadDemoWorld } from '../src/demo/load';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { JobRunner } from '../src/server/platform/jobs';
import { companyNameKey } from '../src/shared/text';
import { benchDatabase, type LoadResult, load, printTable, writeResult } from './lib';

export async function main(firms = Number(process.argv[2] ?? 20_000)) {
  const { handle, label } = await benchDatabase();
  try {
    await loadDemoWorld(handle, { firms });
    const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', SESSION_SECRET: 'b'.repeat(40) });
    const app = await buildApp({ config, handle, jobs: new JobRunner(handle.db), rateLimitPerMinute: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'manager@demo.itda.kr', password: 'itda-demo-2021!' }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const names = Array.from({ length: 200 }, (_, i) =>
      generateFirm((i * 97) % firms)
        .name.replace(/\(주\)|주식회사/g, '')
        .trim(),
    );
    let i = 0;
    const nextName = () => names[i++ % names.length];
    const districts = ['gangnam', 'guro', 'mapo', 'jung', 'geumcheon'];

    const bare = Fastify();
    const payload = { items: [], total: 0, page: 1, pageSize: 20 };
    bare.get('/x', async () => payload);
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

    const results: LoadResult[] = [];
    results.push(await load('baseline: bare Fastify, static JSON', { url: bareUrl, paths: () => '/x' }));
    results.push(
      await load('itda: fuzzy name search (q=…)', {
        url: base,
        headers: { cookie },
        paths: () => `/api/companies?q=${encodeURIComponent(nextName())}`,
      }),
    );
    results.push(
      await load('itda: filters + paging (district, size, page)', {
        url: base,
        headers: { cookie },
        paths: () =>
          `/api/companies?district=${districts[i++ % 5]}&sizeClass=small&page=${1 + (i % 20)}&sort=name`,
      }),
    );
    results.push(
      await load('itda: BRN prefix search', {
        url: base,
        headers: { cookie },
        paths: () => `/api/companies?q=${generateFirm(i++ % firms).brn.slice(0, 6)}`,
      }),
    );

    // Raw database baseline: the same trigram query without HTTP, sessions or mapping.
    const rawN = 300;
    const t0 = performance.now();
    for (let k = 0; k < rawN; k++) {
      const key = companyNameKey(nextName());
      await handle.db.execute(
        sql`SELECT *, count(*) OVER () FROM companies WHERE merged_into_id IS NULL AND name_key LIKE ${`%${key}%`} ORDER BY similarity(name_key, ${key}) DESC LIMIT 20`,
      );
    }
    const rawMs = (performance.now() - t0) / rawN;
    const rows = results.map((r) => ({
      case: r.name,
      'req/s': r.requestsPerSec,
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      errors: r.errors + r.non2xx,
    }));
    rows.push({
      case: `baseline: raw SQL substring search, sequential (${label})`,
      'req/s': Math.round(1000 / rawMs),
      'p50 ms': Number(rawMs.toFixed(1)),
      'p99 ms': NaN,
      errors: 0,
    });
    printTable(
      `Company search over ${firms.toLocaleString()} firms on ${label} (10 connections, 8 s each)`,
      rows,
    );
    writeResult(`search-${label}.json`, { firms, database: label, results: rows });
    await app.close();
    await bare.close();
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
