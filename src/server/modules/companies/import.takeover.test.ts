import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoWorld } from '../../../demo/load';
import { withCheckDigit } from '../../../shared/brn';
import { writeCsv } from '../../platform/tabular';
import { freshDatabase, type TestDbHandle } from '../../test/db';
import { type Instance, startInstance } from '../../test/instances';
import { multipartBody } from '../../test/multipart';

/**
 * An instance dies (SIGKILL) in the middle of a 60,000-row member-list import; another instance takes the
 * job over once its lease runs out and finishes it from the stored upload (in the database, so any
 * instance reads it). The registry ends up with every firm exactly once and one import audit entry.
 * Needs server PostgreSQL: the worker is a real second process on the same database.
 */
const serverPg = !!process.env.DATABASE_URL;
if (!serverPg)
  console.log(
    'skipped: needs server PostgreSQL (DATABASE_URL) — a killed process and a second instance share it',
  );

const ROWS = 60_000;
const brn = (i: number) => withCheckDigit(`96${String(i).padStart(7, '0')}`);
const worker = fileURLToPath(new URL('../../test/job-worker.ts', import.meta.url));

/** Resolves with the child's stdout line `word`, rejects when it exits first. */
function waitFor(child: ChildProcess, word: string, output: string[]) {
  return new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      output.push(d.toString());
      if (output.join('').includes(`${word}\n`)) resolve();
    });
    child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('exit', (code, signal) =>
      reject(new Error(`worker exited (${code ?? signal}): ${output.join('')}`)),
    );
  });
}

(serverPg ? describe : describe.skip)(
  'import job taken over after its instance is killed (server PostgreSQL)',
  () => {
    let h: TestDbHandle;
    let first: Instance;
    let survivor: Instance;
    let child: ChildProcess | undefined;

    beforeAll(async () => {
      h = await freshDatabase();
      await loadDemoWorld(h, { firms: 20 });
      first = await startInstance(h.url!);
      survivor = await startInstance(h.url!, { jobs: { instanceId: 'survivor', leaseMs: 5000 } });
    }, 180_000);

    afterAll(async () => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await first?.close();
      await survivor?.close();
      await h?.close();
    });

    it('finishes the import from the stored input, complete and not doubled', async () => {
      const one = async <T>(q: string, p: unknown[] = []) => (await h.query<T>(q, p))[0];
      const brns = Array.from({ length: ROWS }, (_, i) => brn(i));
      const before = await one<{ n: number }>('SELECT count(*)::int AS n FROM companies');
      const existing = await one<{ n: number }>(
        'SELECT count(*)::int AS n FROM companies WHERE brn = ANY($1)',
        [brns],
      );
      const csv = writeCsv(
        ['사업자등록번호', '기업명', '대표자', '주소'],
        brns.map((b, i) => [b, `(주)인수인계${i}`, `이대표${i}`, `서울특별시 중구 세종대로 ${i}`]),
      );

      // 1. Upload and queue the import through instance 1 (its job runner is not running).
      const s = await first.loginAs('manager');
      const body = await multipartBody({ file: { buffer: Buffer.from(csv), filename: 'members-60k.csv' } });
      const res = await s.inject({
        method: 'POST',
        url: '/api/companies/import?dryRun=false',
        payload: body.payload,
        headers: body.headers,
      });
      expect(res.statusCode).toBe(202);
      const { jobId } = res.json();

      // 2. A worker process claims it and stops after staging the first 50,000 rows; then it is killed.
      const output: string[] = [];
      child = spawn(process.execPath, ['--import', 'tsx', worker], {
        env: {
          ...process.env,
          DATABASE_URL: h.url!,
          WORKER_ID: 'doomed',
          LEASE_MS: '1500',
          HEARTBEAT_MS: '200',
          PAUSE_AFTER: String(ROWS + 1),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      await waitFor(child, 'paused', output);
      const mid = await one<{ status: string; locked_by: string; attempts: number; staged: number }>(
        `SELECT status, locked_by, attempts,
         (SELECT count(*)::int FROM company_import_rows) AS staged
       FROM jobs WHERE id = $1`,
        [jobId],
      );
      expect(mid).toMatchObject({ status: 'running', locked_by: 'doomed', attempts: 1 });
      expect(mid.staged).toBeGreaterThan(0);
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      const [, signal] = await exited;
      expect(signal).toBe('SIGKILL');
      expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM companies')).n).toBe(before.n);

      // 3. The survivor claims nothing while the dead worker's lease lasts, then takes the job over.
      let claimed = false;
      for (let i = 0; i < 600 && !claimed; i++) {
        claimed = await survivor.jobs.tick();
        if (!claimed) await new Promise((r) => setTimeout(r, 50));
      }
      expect(claimed).toBe(true);

      const job = await one<{
        status: string;
        locked_by: string;
        attempts: number;
        error: string | null;
        result: Record<string, unknown>;
      }>('SELECT status, locked_by, attempts, error, result FROM jobs WHERE id = $1', [jobId]);
      expect(job).toMatchObject({ status: 'done', locked_by: 'survivor', attempts: 2, error: null });
      expect(job.result).toMatchObject({
        committed: true,
        total: ROWS,
        valid: ROWS,
        invalid: 0,
        created: ROWS - existing.n,
      });
      // complete and not doubled: every firm once, one summary audit entry, nothing left staged
      const after = await one<{ n: number; distinct: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT brn)::int AS distinct FROM companies WHERE brn = ANY($1)',
        [brns],
      );
      expect(after).toEqual({ n: ROWS, distinct: ROWS });
      expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM companies')).n).toBe(
        before.n + ROWS - existing.n,
      );
      const audits = await one<{ imports: number; creates: number }>(
        `SELECT count(*) FILTER (WHERE action = 'company.import')::int AS imports,
              count(*) FILTER (WHERE action = 'company.create')::int AS creates
       FROM audit_log WHERE action = 'company.import' AND after ->> 'jobId' = $1
          OR action = 'company.create' AND entity_id IN (SELECT id::text FROM companies WHERE brn = ANY($2))`,
        [jobId, brns],
      );
      expect(audits).toEqual({ imports: 1, creates: ROWS - existing.n });
      expect((await one<{ n: number }>('SELECT count(*)::int AS n FROM company_import_rows')).n).toBe(0);

      // the survivor does not run it again
      expect(await survivor.jobs.tick()).toBe(false);
    }, 300_000);
  },
);
