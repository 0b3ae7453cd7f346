import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import { type Database, sqlRows } from '../db/client';
import { jobs } from './schema';

/**
 * Background jobs in the `jobs` table, claimed with FOR UPDATE SKIP LOCKED so several app instances
 * share one database. A claimed job carries a lease (`locked_by`, `lease_until`) that the running
 * instance renews with a heartbeat every few seconds; when an instance dies (kill -9, lost machine)
 * its lease runs out and another instance takes the job over and runs it again from its stored input
 * (handlers are restartable: a commit is all-or-nothing, see `complete`). After `maxAttempts` claims
 * the job fails with `job_abandoned`. Handlers report progress; the UI polls GET /api/jobs/:id.
 */
export interface JobContext {
  id: string;
  payload: Record<string, unknown>;
  createdBy: string | null;
  /** 1 on the first run, 2 after a takeover, … */
  attempt: number;
  /** aborted when this instance has lost the job's lease (another instance runs it now) */
  signal: AbortSignal;
  /** Progress (also renews the lease); throws `JobLeaseLost` when another instance owns the job now. */
  progress(done: number, total?: number): Promise<void>;
  /**
   * Marks the job done with `result` inside the handler's own transaction `tx`, so its effect and the
   * job's completion commit together: a takeover after a crash never applies the effect twice. Throws
   * `JobLeaseLost` (rolling `tx` back) when the job is no longer this instance's.
   */
  complete(tx: Database, result: unknown): Promise<void>;
}
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

/** This instance no longer holds the job's lease; its work must not be committed. */
export class JobLeaseLost extends Error {
  constructor(readonly jobId: string) {
    super(`job ${jobId}: lease lost`);
  }
}

export interface JobRunnerOptions {
  pollMs?: number;
  concurrency?: number;
  log?: (msg: string, err?: unknown) => void;
  /** names this instance in `jobs.locked_by` (default host:pid:random) */
  instanceId?: string;
  /** how long a claim holds without a heartbeat (default 60 s) */
  leaseMs?: number;
  /** heartbeat period while a handler runs (default 5 s) */
  heartbeatMs?: number;
  /** claims before a job whose instances keep dying fails with `job_abandoned` (default 3) */
  maxAttempts?: number;
}

export class JobRunner {
  readonly instanceId: string;
  private handlers = new Map<string, JobHandler>();
  private timer?: NodeJS.Timeout;
  private running = 0;
  private stopped = true;
  private idle: Array<() => void> = [];

  constructor(
    private db: Database,
    private opts: JobRunnerOptions = {},
  ) {
    this.instanceId = opts.instanceId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  }

  private get lease() {
    return sql`make_interval(secs => ${(this.opts.leaseMs ?? 60_000) / 1000})`;
  }

  register(kind: string, handler: JobHandler) {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, payload: Record<string, unknown>, createdBy?: string | null, total = 0) {
    const [row] = await this.db
      .insert(jobs)
      .values({ kind, payload, createdBy: createdBy ?? null, total })
      .returning({ id: jobs.id });
    this.kick();
    return row.id;
  }

  start() {
    this.stopped = false;
    this.schedule(0);
  }

  async stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.running > 0) await new Promise<void>((r) => this.idle.push(r));
  }

  /** Resolves when no job is queued or running in this process (tests). */
  async drain(): Promise<void> {
    for (let i = 0; i < 6000; i++) {
      const claimed = await this.tick();
      if (!claimed && this.running === 0) return;
      if (!claimed) await new Promise((r) => setTimeout(r, 20));
    }
  }

  kick() {
    if (!this.stopped) this.schedule(0);
  }

  private schedule(ms: number) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.tick()
        .catch((e) => this.opts.log?.('job tick failed', e))
        .finally(() => {
          if (!this.stopped) this.schedule(this.opts.pollMs ?? 1000);
        });
    }, ms);
  }

  /**
   * Claims and runs one job — a queued one, or a running one whose lease has expired (its instance
   * died); returns whether one was claimed.
   */
  async tick(): Promise<boolean> {
    if (this.running >= (this.opts.concurrency ?? 1)) return false;
    const maxAttempts = this.opts.maxAttempts ?? 3;
    // Jobs whose instances died maxAttempts times are given up rather than tried forever.
    await this.db.execute(sql`
      UPDATE jobs SET status = 'failed', error = 'job_abandoned', finished_at = now()
      WHERE status = 'running' AND lease_until < now() AND attempts >= ${maxAttempts}`);
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    const [job] = await sqlRows<{
      id: string;
      kind: string;
      payload: unknown;
      created_by: string | null;
      attempts: number;
    }>(
      this.db,
      sql`
      UPDATE jobs SET status = 'running', started_at = now(), heartbeat_at = now(),
        lease_until = now() + ${this.lease}, locked_by = ${this.instanceId}, attempts = attempts + 1
      WHERE id = (
        SELECT id FROM jobs
        WHERE kind IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
          AND (status = 'queued' OR (status = 'running' AND lease_until < now() AND attempts < ${maxAttempts}))
        ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, kind, payload, created_by, attempts`,
    );
    if (!job) return false;
    this.running++;
    try {
      await this.run(job);
    } finally {
      this.running--;
      if (this.running === 0) for (const r of this.idle.splice(0)) r();
    }
    return true;
  }

  /** Jobs of this id still held by this instance. */
  private mine(id: string) {
    return and(eq(jobs.id, id), eq(jobs.lockedBy, this.instanceId));
  }

  private async run(job: {
    id: string;
    kind: string;
    payload: unknown;
    created_by: string | null;
    attempts: number;
  }) {
    const { id, kind } = job;
    const handler = this.handlers.get(kind)!;
    const lost = new AbortController();
    const renew = async () => {
      const rows = await this.db
        .update(jobs)
        .set({ heartbeatAt: sql`now()`, leaseUntil: sql`now() + ${this.lease}` })
        .where(and(this.mine(id), eq(jobs.status, 'running')))
        .returning({ id: jobs.id });
      if (rows.length === 0) lost.abort(new JobLeaseLost(id));
    };
    let beating = false;
    const heartbeat = setInterval(() => {
      // One heartbeat at a time (one waits while the handler's commit holds the job's row).
      if (beating) return;
      beating = true;
      renew()
        .catch((e) => this.opts.log?.(`job ${kind} ${id}: heartbeat failed`, e))
        .finally(() => {
          beating = false;
        });
    }, this.opts.heartbeatMs ?? 5000);
    heartbeat.unref();
    const ctx: JobContext = {
      id,
      payload: job.payload as Record<string, unknown>,
      createdBy: job.created_by,
      attempt: job.attempts,
      signal: lost.signal,
      progress: async (done, total) => {
        const rows = await this.db
          .update(jobs)
          .set({
            progress: done,
            heartbeatAt: sql`now()`,
            leaseUntil: sql`now() + ${this.lease}`,
            ...(total !== undefined ? { total } : {}),
          })
          .where(this.mine(id))
          .returning({ id: jobs.id });
        if (rows.length === 0) {
          lost.abort(new JobLeaseLost(id));
          throw new JobLeaseLost(id);
        }
      },
      complete: async (tx, result) => {
        const rows = await tx
          .update(jobs)
          .set({ status: 'done', result: result ?? null, finishedAt: sql`now()` })
          .where(and(this.mine(id), eq(jobs.status, 'running')))
          .returning({ id: jobs.id });
        if (rows.length === 0) throw new JobLeaseLost(id);
      },
    };
    try {
      const result = await handler(ctx);
      // No-op when the handler already completed the job in its own transaction.
      await this.db
        .update(jobs)
        .set({ status: 'done', result: result ?? null, finishedAt: sql`now()` })
        .where(and(this.mine(id), eq(jobs.status, 'running')));
    } catch (e) {
      if (e instanceof JobLeaseLost || lost.signal.aborted) {
        this.opts.log?.(`job ${kind} ${id}: lease lost, another instance runs it`);
        return;
      }
      this.opts.log?.(`job ${kind} ${id} failed`, e);
      const code = (e as { code?: string }).code;
      await this.db
        .update(jobs)
        .set({
          status: 'failed',
          error: typeof code === 'string' ? code : 'internal',
          result: (e as { result?: unknown }).result ?? null,
          finishedAt: sql`now()`,
        })
        .where(and(this.mine(id), eq(jobs.status, 'running')));
    } finally {
      clearInterval(heartbeat);
    }
  }
}
