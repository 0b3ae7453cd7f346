/**
 * Deadline rush: N concurrent clients submit distinct, complete drafts over HTTP in the last minute
 * of a call (POST /api/applications/:id/submit, each under the call's row lock), next to baselines
 * measured in the same run on the same database: raw single-row INSERTs with a `pg` loop at the same
 * client concurrency, the submit's serialisation point alone (hot-row UPDATE + INSERT), and
 * pgbench's simple insert when pgbench is on PATH. Server PostgreSQL only.
 *   DATABASE_URL=postgres://root@127.0.0.1:5432/test npx tsx bench/deadline-rush.ts [clients=200] [submissions=2000]
 */

import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadDemoWorld } from '../src/demo/load';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { CSRF_HEADER } from '../src/server/platform/auth/sessions';
import { JobRunner } from '../src/server/platform/jobs';
import { type Draft, prepareDrafts } from '../src/server/test/drafts';
import { benchDatabase, printTable, writeResult } from './lib';

/** benchDatabase() opens the app's pool with 20 connections; the raw baselines use as many. */
const DB_CONNECTIONS = 20;

interface Run {
  seconds: number;
  latencies: number[];
  /** CPU time of this Node process (app + HTTP clients) per job, ms */
  cpuMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;
const ms = (v: number) => Number(v.toFixed(1));

/** Runs `total` jobs on `clients` concurrent workers; returns wall time and per-job latencies. */
async function rush(clients: number, total: number, job: (i: number) => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(clients, total) }, async () => {
      for (let i = next++; i < total; i = next++) {
        const s = performance.now();
        await job(i);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  return {
    seconds: (performance.now() - t0) / 1000,
    latencies: latencies.sort((a, b) => a - b),
    cpuMs: (cpu.user + cpu.system) / 1000 / total,
  };
}

/** pgbench's simple single-row INSERT into the scratch table; undefined when pgbench is missing. */
function pgbenchInsert(url: string, clients: number, seconds: number) {
  const dir = mkdtempSync(join(tmpdir(), 'itda-pgbench-'));
  try {
    const script = join(dir, 'insert.sql');
    writeFileSync(script, 'INSERT INTO rush_scratch (k) VALUES (gen_random_uuid());\n');
    const out = execFileSync(
      'pgbench',
      ['-n', '-c', String(clients), '-j', '2', '-T', String(seconds), '-f', script, url],
      { encoding: 'utf8', timeout: (seconds + 30) * 1000, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    const latency = Number(/latency average = ([\d.]+) ms/.exec(out)?.[1]);
    return Number.isFinite(tps) ? { tps, latency } : undefined;
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function main(
  clients = Number(process.argv[2] ?? 200),
  submissions = Number(process.argv[3] ?? 2000),
) {
  if (!process.env.DATABASE_URL) {
    console.log(
      'deadline-rush: needs server PostgreSQL; set DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test). Skipped.',
    );
    return;
  }
  if (!(clients > 0 && submissions > 0)) throw new Error('usage: deadline-rush.ts [clients] [submissions]');
  const { handle, label, url } = await benchDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), 'itda-rush-'));
  try {
    if (!url || !['127.0.0.1', 'localhost'].includes(new URL(url).hostname))
      throw new Error('benchmarks target 127.0.0.1 only');
    await loadDemoWorld(handle, { firms: 100 });
    const [call] = await handle.query<{ id: string }>(
      `SELECT id FROM calls WHERE status IN ('published', 'open') AND opens_at < now() AND closes_at > now()
       ORDER BY closes_at LIMIT 1`,
    );
    // Extra drafts for an uncontended reference: the same submit, one client at a time.
    const sequential = Math.min(100, submissions);
    const tPrep = performance.now();
    const all = await prepareDrafts(handle, call.id, submissions + sequential, {
      brnPrefix: '9955',
      label: '마감러시',
      emailDomain: 'bench.itda.kr',
      sessionConcurrency: DB_CONNECTIONS,
    });
    const drafts = all.slice(0, submissions);
    console.log(`prepared ${all.length} drafts in ${((performance.now() - tPrep) / 1000).toFixed(1)} s`);

    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'd'.repeat(40),
      DATA_DIR: dataDir,
    });
    const app = await buildApp({ config, handle, jobs: new JobRunner(handle.db), rateLimitPerMinute: 0 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

    // The last minute of the call.
    await handle.query(`UPDATE calls SET closes_at = now() + interval '1 minute' WHERE id = $1`, [call.id]);
    const submit = async (d: Draft) => {
      try {
        const res = await fetch(`${base}/api/applications/${d.appId}/submit`, {
          method: 'POST',
          headers: { cookie: d.cookie, [CSRF_HEADER]: d.csrf, 'idempotency-key': `rush-${d.appId}` },
          signal: AbortSignal.timeout(60_000),
        });
        const body = (await res.json()) as { receiptNo?: string; error?: { code: string } };
        return { status: res.status, receiptNo: body.receiptNo, code: body.error?.code };
      } catch (e) {
        return { status: 0, code: (e as Error).name };
      }
    };
    let seqOk = 0;
    const seq = await rush(1, sequential, async (i) => {
      if ((await submit(all[submissions + i])).status === 200) seqOk++;
    });
    const answers: { status: number; receiptNo?: string; code?: string }[] = new Array(submissions);
    const http = await rush(clients, submissions, async (i) => {
      answers[i] = await submit(drafts[i]);
    });
    await app.close();

    // What the database holds after the rush.
    const stored = await handle.query<{ id: string; status: string; receipt_no: string | null }>(
      'SELECT id, status, receipt_no FROM applications WHERE id = ANY($1::uuid[])',
      [drafts.map((d) => d.appId)],
    );
    const byId = new Map(stored.map((r) => [r.id, r]));
    const ok = answers.filter((a) => a.status === 200);
    const lost = answers.filter((a, i) => {
      const r = byId.get(drafts[i].appId);
      return a.status === 200 && (r?.status !== 'submitted' || r.receipt_no !== a.receiptNo);
    }).length;
    const receiptCount = new Map<string, number>();
    for (const a of ok) receiptCount.set(a.receiptNo!, (receiptCount.get(a.receiptNo!) ?? 0) + 1);
    const dupAnswered = [...receiptCount.values()].filter((c) => c > 1).length;
    const [{ dup_stored }] = await handle.query<{ dup_stored: number }>(
      `SELECT count(*)::int AS dup_stored FROM (SELECT receipt_no FROM applications
         WHERE call_id = $1 AND receipt_no IS NOT NULL GROUP BY receipt_no HAVING count(*) > 1) d`,
      [call.id],
    );
    const [counts] = await handle.query<{ submitted_count: number; receipt_seq: number; live: number }>(
      `SELECT submitted_count, receipt_seq,
         (SELECT count(*)::int FROM applications WHERE call_id = c.id AND status = 'submitted') AS live
       FROM calls c WHERE id = $1`,
      [call.id],
    );
    const failures: Record<string, number> = {};
    for (const a of answers)
      if (a.status !== 200) {
        const k = `${a.status} ${a.code ?? ''}`.trim();
        failures[k] = (failures[k] ?? 0) + 1;
      }

    // Baselines on the same database and concurrency: N clients over the same number of connections.
    await handle.query(
      `CREATE TABLE rush_scratch (id bigserial PRIMARY KEY, k uuid NOT NULL, at timestamptz NOT NULL DEFAULT now());
       CREATE TABLE rush_counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO rush_counter VALUES (1, 0);`,
    );
    const pool = new pg.Pool({ connectionString: url, max: DB_CONNECTIONS });
    const insert = await rush(clients, submissions, async () => {
      await pool.query('INSERT INTO rush_scratch (k) VALUES ($1)', [randomUUID()]);
    });
    // The submit's serialisation point alone: one transaction bumping a hot row, then one insert.
    const hot = await rush(clients, submissions, async () => {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const r = await c.query('UPDATE rush_counter SET n = n + 1 WHERE id = 1 RETURNING n');
        await c.query('INSERT INTO rush_scratch (k) VALUES ($1)', [randomUUID()]);
        if (!r.rowCount) throw new Error('counter row missing');
        await c.query('COMMIT');
      } finally {
        c.release();
      }
    });
    await pool.end();
    const bench = pgbenchInsert(url, DB_CONNECTIONS, 8);

    const rows: Record<string, string | number>[] = [
      {
        case: 'itda: HTTP submit, 1 client (uncontended reference)',
        'ops/s': Math.round(sequential / seq.seconds),
        'p50 ms': ms(percentile(seq.latencies, 50)),
        'p99 ms': ms(percentile(seq.latencies, 99)),
        'node cpu ms/op': ms(seq.cpuMs),
        accepted: seqOk,
        'not accepted': sequential - seqOk,
        lost: Number.NaN,
        'dup receipts': Number.NaN,
      },
      {
        case: `itda: HTTP submit, ${clients} clients, last minute of a call`,
        'ops/s': Math.round(submissions / http.seconds),
        'p50 ms': ms(percentile(http.latencies, 50)),
        'p99 ms': ms(percentile(http.latencies, 99)),
        'node cpu ms/op': ms(http.cpuMs),
        accepted: ok.length,
        'not accepted': submissions - ok.length,
        lost,
        'dup receipts': dupAnswered + dup_stored,
      },
      {
        case: `baseline: raw pg single-row INSERT, ${clients} clients / ${DB_CONNECTIONS} conns`,
        'ops/s': Math.round(submissions / insert.seconds),
        'p50 ms': ms(percentile(insert.latencies, 50)),
        'p99 ms': ms(percentile(insert.latencies, 99)),
        'node cpu ms/op': ms(insert.cpuMs),
        accepted: submissions,
        'not accepted': 0,
        lost: 0,
        'dup receipts': 0,
      },
      {
        case: `baseline: raw pg hot-row UPDATE + INSERT tx, ${clients} clients / ${DB_CONNECTIONS} conns`,
        'ops/s': Math.round(submissions / hot.seconds),
        'p50 ms': ms(percentile(hot.latencies, 50)),
        'p99 ms': ms(percentile(hot.latencies, 99)),
        'node cpu ms/op': ms(hot.cpuMs),
        accepted: submissions,
        'not accepted': 0,
        lost: 0,
        'dup receipts': 0,
      },
    ];
    if (bench)
      rows.push({
        case: `baseline: pgbench simple INSERT, ${DB_CONNECTIONS} conns, 8 s`,
        'ops/s': Math.round(bench.tps),
        'p50 ms': Number.NaN,
        'p99 ms': Number.NaN,
        'node cpu ms/op': Number.NaN,
        accepted: Number.NaN,
        'not accepted': Number.NaN,
        lost: Number.NaN,
        'dup receipts': Number.NaN,
      });
    printTable(
      `Deadline rush: ${submissions.toLocaleString()} submissions by ${clients} clients on ${label} (app pool ${DB_CONNECTIONS} connections)`,
      rows,
    );
    const consistent =
      counts.submitted_count === counts.live &&
      counts.receipt_seq === counts.live &&
      counts.live === ok.length + seqOk;
    console.log(
      `stored: ${counts.live} submitted (${ok.length} rush + ${seqOk} reference), calls.submitted_count ${counts.submitted_count}, receipt_seq ${counts.receipt_seq} → ${consistent ? 'consistent' : 'INCONSISTENT'}` +
        (Object.keys(failures).length ? `; not accepted: ${JSON.stringify(failures)}` : ''),
    );
    if (bench) console.log(`pgbench: ${bench.tps.toFixed(0)} tps, latency average ${bench.latency} ms`);
    writeResult(`deadline-rush-${label}.json`, {
      clients,
      submissions,
      dbConnections: DB_CONNECTIONS,
      results: rows,
      checks: {
        ...counts,
        accepted: ok.length,
        referenceAccepted: seqOk,
        lost,
        duplicateReceipts: dupAnswered + dup_stored,
        failures,
      },
      pgbench: bench ?? null,
    });
  } finally {
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
