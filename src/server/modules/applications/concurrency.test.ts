import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoWorld } from '../../../demo/load';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { openPg } from '../../db/client';
import { CSRF_HEADER } from '../../platform/auth/sessions';
import { JobRunner } from '../../platform/jobs';
import { freshDatabase, type TestDbHandle } from '../../test/db';
import { type Draft, prepareDrafts } from '../../test/drafts';

/**
 * Deadline rush: 200 firms submit around the call's closing time through two app instances, each
 * with its own pg pool on the same database. Only server PostgreSQL shows the races (PGlite runs
 * one statement at a time), so without DATABASE_URL the suite is skipped.
 */
const serverPg = !!process.env.DATABASE_URL;
if (!serverPg)
  console.log(
    'skipped: needs server PostgreSQL (DATABASE_URL) — PGlite serialises everything and hides races',
  );

const FIRMS = 200;
/** applications submitted twice at the same moment (same Idempotency-Key, one per instance) */
const DUPLICATES = 12;
const CLOSES_IN_MS = 1500;
/** requests are spread over closes_at ± SPREAD_MS, densest at the deadline */
const SPREAD_MS = 1300;

const _answers = {
  contactName: '김대표',
  contactPhone: '010-1234-5678',
  area: 'process',
  problem: '마감 직전 접수 동시성 시험',
  budget: 30_000_000,
};

interface Outcome {
  draft: Draft;
  instance: number;
  /** when the request left the client, ms from closes_at (negative: before the deadline) */
  sentAt: number;
  status: number;
  body: {
    receiptNo?: string;
    submittedAt?: string;
    status?: string;
    error?: { code: string };
  };
}

async function startInstance(url: string) {
  const handle = await openPg(url, 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'itda-rush-'));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'r'.repeat(40),
    DATA_DIR: dataDir,
  });
  const app = await buildApp({ config, handle, jobs: new JobRunner(handle.db), rateLimitPerMinute: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return {
    app,
    base,
    async close() {
      await app.close();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

(serverPg ? describe : describe.skip)('deadline rush on two app instances (server PostgreSQL)', () => {
  let h: TestDbHandle;
  let instances: { app: FastifyInstance; base: string; close(): Promise<void> }[] = [];
  let callId: string;
  let drafts: Draft[];

  beforeAll(async () => {
    h = await freshDatabase();
    await loadDemoWorld(h, { firms: 20 });
    const [open] = await h.query<{ id: string }>(
      `SELECT id FROM calls WHERE status IN ('published', 'open') AND opens_at < now() AND closes_at > now()
       ORDER BY closes_at LIMIT 1`,
    );
    callId = open.id;
    drafts = await prepareDrafts(h, callId, FIRMS, {
      brnPrefix: '99550',
      label: '마감테스트',
      emailDomain: 'test.itda.kr',
    });
    instances = await Promise.all([startInstance(h.url!), startInstance(h.url!)]);
  }, 120_000);

  afterAll(async () => {
    for (const i of instances) await i.close();
    await h?.close();
  });

  it('accepts exactly the submissions that began before closes_at, with contiguous unique receipts', async () => {
    let closesLocal = Number.POSITIVE_INFINITY;
    const submit = async (draft: Draft, instance: number): Promise<Outcome> => {
      const sentAt = Date.now() - closesLocal;
      const res = await fetch(`${instances[instance].base}/api/applications/${draft.appId}/submit`, {
        method: 'POST',
        headers: {
          cookie: draft.cookie,
          [CSRF_HEADER]: draft.csrf,
          'idempotency-key': `rush-${draft.appId}`,
        },
        signal: AbortSignal.timeout(20_000),
      });
      return { draft, instance, sentAt, status: res.status, body: await res.json() };
    };

    // The deadline by the database's clock, translated to this process's clock.
    const [t] = await h.query<{ now: Date; closes_at: Date }>(
      `UPDATE calls SET closes_at = now() + make_interval(secs => $2::float8 / 1000)
       WHERE id = $1 RETURNING now() AS now, closes_at`,
      [callId, CLOSES_IN_MS],
    );
    closesLocal = Date.now() + (t.closes_at.getTime() - t.now.getTime());
    const fire = (draft: Draft, instance: number, offsetMs: number) =>
      sleep(closesLocal + offsetMs - Date.now()).then(() => submit(draft, instance));
    // Triangular spread around the deadline: most requests land within a few hundred ms of it.
    const offset = () => Math.round((Math.random() - Math.random()) * SPREAD_MS);
    const requests: Promise<Outcome>[] = [];
    for (const [i, d] of drafts.entries()) {
      const at = offset();
      requests.push(fire(d, i % 2, at));
      // a duplicate of the same submit, at the same moment, through the other instance
      if (i < DUPLICATES) requests.push(fire(d, (i + 1) % 2, at));
    }
    const outcomes = await Promise.all(requests);

    // Every answer is 200 (with a receipt) or 409 deadline_passed; nothing else, no 500s.
    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s !== 200 && s !== 409)).toEqual([]);
    const ok = outcomes.filter((o) => o.status === 200);
    const refused = outcomes.filter((o) => o.status === 409);
    for (const o of refused) expect(o.body.error?.code).toBe('deadline_passed');
    for (const o of ok) expect(o.body.receiptNo).toMatch(/^\d{4}-DXC-\d{4}$/);
    // The deadline fell inside the burst: some landed before it, some after.
    expect(ok.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    // Both instances accepted submissions.
    expect(new Set(ok.map((o) => o.instance)).size).toBe(2);

    // One receipt per application: duplicates got the same one, no two applications share one.
    const receiptOf = new Map<string, string>();
    for (const o of ok) {
      const prev = receiptOf.get(o.draft.appId);
      if (prev) expect(o.body.receiptNo).toBe(prev);
      receiptOf.set(o.draft.appId, o.body.receiptNo!);
    }
    expect(new Set(receiptOf.values()).size).toBe(receiptOf.size);

    // The database agrees with the answers.
    const stored = await h.query<{
      id: string;
      status: string;
      receipt_no: string | null;
      submitted_at: Date | null;
      before_deadline: boolean | null;
    }>(
      `SELECT a.id, a.status, a.receipt_no, a.submitted_at, a.submitted_at < c.closes_at AS before_deadline
       FROM applications a JOIN calls c ON c.id = a.call_id WHERE a.id = ANY($1::uuid[])`,
      [drafts.map((d) => d.appId)],
    );
    expect(stored).toHaveLength(FIRMS);
    const submitted = stored.filter((r) => r.status === 'submitted');
    for (const r of stored) {
      if (receiptOf.has(r.id)) {
        expect(r.status).toBe('submitted');
        expect(r.receipt_no).toBe(receiptOf.get(r.id));
        expect(r.before_deadline).toBe(true);
      } else {
        // refused every time: still an untouched draft
        expect(r.status).toBe('draft');
        expect(r.receipt_no).toBeNull();
        expect(r.submitted_at).toBeNull();
      }
    }
    expect(submitted).toHaveLength(receiptOf.size);
    for (const o of ok) {
      const row = stored.find((r) => r.id === o.draft.appId)!;
      expect(new Date(o.body.submittedAt!).getTime()).toBe(row.submitted_at!.getTime());
    }

    // Receipt serials are exactly 1..N, and the call's counters moved once per application.
    const n = submitted.length;
    const serials = submitted.map((r) => Number(r.receipt_no!.slice(-4))).sort((a, b) => a - b);
    expect(serials).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    const [call] = await h.query<{ submitted_count: number; receipt_seq: number }>(
      'SELECT submitted_count, receipt_seq FROM calls WHERE id = $1',
      [callId],
    );
    expect(call.submitted_count).toBe(n);
    expect(call.receipt_seq).toBe(n);
    const [{ live }] = await h.query<{ live: number }>(
      `SELECT count(*)::int AS live FROM applications WHERE call_id = $1 AND status = 'submitted'`,
      [callId],
    );
    expect(live).toBe(n);

    // Side effects happened once per submission: one confirmation mail, one audit entry.
    const [{ mails }] = await h.query<{ mails: number }>(
      `SELECT count(*)::int AS mails FROM outbox WHERE "to" LIKE 'rush%@test.itda.kr'`,
    );
    expect(mails).toBe(n);
    const [{ audits }] = await h.query<{ audits: number }>(
      `SELECT count(*)::int AS audits FROM audit_log WHERE action = 'application.submit' AND entity_id = ANY($1)`,
      [drafts.map((d) => d.appId)],
    );
    expect(audits).toBe(n);
    // Requests sent shortly before the deadline may still be refused: the deadline is the database's
    // clock when the transaction starts, after any wait for a pooled connection.
    const sentEarly = outcomes.filter((o) => o.sentAt < 0);
    const refusedEarly = sentEarly.filter((o) => o.status === 409);
    console.log(
      `deadline rush: ${outcomes.length} requests (${DUPLICATES} duplicated) → ${ok.length} × 200 (${n} applications), ${refused.length} × 409 deadline_passed; ` +
        `${sentEarly.length} sent before closes_at, of which ${refusedEarly.length} refused (sent up to ${-Math.min(0, ...refusedEarly.map((o) => o.sentAt))} ms before it)`,
    );
  }, 60_000);
});
