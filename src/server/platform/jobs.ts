import { and, eq, lt, sql } from 'drizzle-orm';
import { type Database, sqlRows } from '../db/client';
import { jobs } from './schema';

/**
 * Background jobs in the `jobs` table, claimed with FOR UPDATE SKIP LOCKED so several app
 * instances can share one database. Handlers report progress; the UI polls GET /api/jobs/:id.
 */
export interface JobContext {
  id: string;
  payload: Record<string, unknown>;
  createdBy: string | null;
  progress(done: number, total?: number): Promise<void>;
}
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export class JobRunner {
  private handlers = new Map<string, JobHandler>();
  private timer?: NodeJS.Timeout;
  private running = 0;
  private stopped = true;
  private idle: Array<() => void> = [];

  constructor(
    private db: Database,
    private opts: { pollMs?: number; concurrency?: number; log?: (msg: string, err?: unknown) => void } = {},
  ) {}

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

  /** Claims and runs one job; returns whether one was claimed. */
  async tick(): Promise<boolean> {
    if (this.running >= (this.opts.concurrency ?? 1)) return false;
    // Requeue jobs whose worker died (no heartbeat for 5 minutes).
    await this.db
      .update(jobs)
      .set({ status: 'queued' })
      .where(
        and(
          eq(jobs.status, 'running'),
          lt(jobs.heartbeatAt, sql`now() - interval '5 minutes'`),
          lt(jobs.attempts, 3),
        ),
      );
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return false;
    const [job] = await sqlRows<{ id: string; kind: string; payload: unknown; created_by: string | null }>(
      this.db,
      sql`
      UPDATE jobs SET status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1
      WHERE id = (
        SELECT id FROM jobs WHERE status = 'queued' AND kind IN (${sql.join(
          kinds.map((k) => sql`${k}`),
          sql`, `,
        )})
        ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, kind, payload, created_by`,
    );
    if (!job) return false;
    this.running++;
    try {
      await this.run(job.id, job.kind, job.payload as Record<string, unknown>, job.created_by);
    } finally {
      this.running--;
      if (this.running === 0) for (const r of this.idle.splice(0)) r();
    }
    return true;
  }

  private async run(id: string, kind: string, payload: Record<string, unknown>, createdBy: string | null) {
    const handler = this.handlers.get(kind)!;
    const ctx: JobContext = {
      id,
      payload,
      createdBy,
      progress: async (done, total) => {
        await this.db
          .update(jobs)
          .set({ progress: done, heartbeatAt: new Date(), ...(total !== undefined ? { total } : {}) })
          .where(eq(jobs.id, id));
      },
    };
    try {
      const result = await handler(ctx);
      await this.db
        .update(jobs)
        .set({ status: 'done', result: (result ?? null) as never, finishedAt: new Date() })
        .where(eq(jobs.id, id));
    } catch (e) {
      this.opts.log?.(`job ${kind} ${id} failed`, e);
      const code = (e as { code?: string }).code;
      await this.db
        .update(jobs)
        .set({
          status: 'failed',
          error: typeof code === 'string' ? code : 'internal',
          result: ((e as { result?: unknown }).result ?? null) as never,
          finishedAt: new Date(),
        })
        .where(eq(jobs.id, id));
    }
  }
}
