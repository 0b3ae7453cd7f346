import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { freshDatabase, queryAsOwner } from '../test/db';
import { type JobContext, JobLeaseLost, JobRunner } from './jobs';

/**
 * Job leases on one database shared by runners that stand for app instances: a job whose instance died
 * (its lease ran out) is taken over by another; a job that lost its lease is not committed by the old
 * owner; a job whose instances keep dying is given up. (The kill -9 of a real import: see
 * modules/companies/import.takeover.test.ts.)
 */
let h: DbHandle;
beforeAll(async () => {
  h = await freshDatabase();
});
afterAll(async () => {
  await h.close();
});

const job = async (id: string) =>
  (
    await h.query<{
      status: string;
      locked_by: string | null;
      attempts: number;
      error: string | null;
      result: unknown;
    }>('SELECT status, locked_by, attempts, error, result FROM jobs WHERE id = $1', [id])
  )[0];

/** A job as a dead instance leaves it: running, its lease run out. */
async function orphan(kind: string, attempts: number) {
  const [r] = await h.query<{ id: string }>(
    `INSERT INTO jobs (kind, payload, status, locked_by, attempts, started_at, heartbeat_at, lease_until)
     VALUES ($1, '{"n": 1}', 'running', 'dead-instance', $2, now() - interval '2 minutes',
       now() - interval '2 minutes', now() - interval '1 minute') RETURNING id`,
    [kind, attempts],
  );
  return r.id;
}

describe('job leases', () => {
  it('another instance takes over a running job whose lease expired, and runs it from its payload', async () => {
    const id = await orphan('t.takeover', 1);
    const b = new JobRunner(h.db, { instanceId: 'b' });
    const seen: JobContext[] = [];
    b.register('t.takeover', async (ctx) => {
      seen.push(ctx);
      return { doubled: (ctx.payload.n as number) * 2 };
    });
    expect(await b.tick()).toBe(true);
    expect(seen.map((c) => c.attempt)).toEqual([2]);
    expect(await job(id)).toMatchObject({
      status: 'done',
      locked_by: 'b',
      attempts: 2,
      result: { doubled: 2 },
    });
  });

  it('leaves a running job alone while its lease lasts', async () => {
    const [r] = await h.query<{ id: string }>(
      `INSERT INTO jobs (kind, payload, status, locked_by, attempts, lease_until)
       VALUES ('t.alive', '{}', 'running', 'a', 1, now() + interval '1 minute') RETURNING id`,
    );
    const b = new JobRunner(h.db, { instanceId: 'b' });
    b.register('t.alive', async () => 'should not run');
    expect(await b.tick()).toBe(false);
    expect(await job(r.id)).toMatchObject({ status: 'running', locked_by: 'a' });
    await h.query(`UPDATE jobs SET status = 'done' WHERE id = $1`, [r.id]);
  });

  it('gives up with job_abandoned after the instances running it died maxAttempts times', async () => {
    const id = await orphan('t.doomed', 3);
    const b = new JobRunner(h.db, { instanceId: 'b', maxAttempts: 3 });
    b.register('t.doomed', async () => 'never');
    expect(await b.tick()).toBe(false);
    expect(await job(id)).toMatchObject({ status: 'failed', error: 'job_abandoned' });
  });

  it('an instance that lost its lease commits nothing and does not mark the job failed', async () => {
    const a = new JobRunner(h.db, { instanceId: 'a' });
    let effect = 0;
    a.register('t.lost', async (ctx) => {
      // meanwhile the lease ran out and instance c took the job over
      await h.query(`UPDATE jobs SET locked_by = 'c' WHERE id = $1`, [ctx.id]);
      await expect(ctx.progress(1, 2)).rejects.toBeInstanceOf(JobLeaseLost);
      expect(ctx.signal.aborted).toBe(true);
      await expect(
        h.db.transaction(async (tx) => {
          await tx.execute(`SELECT 1`);
          effect++;
          await ctx.complete(tx, { effect });
        }),
      ).rejects.toBeInstanceOf(JobLeaseLost);
      throw new JobLeaseLost(ctx.id);
    });
    const id = await a.enqueue('t.lost', {});
    expect(await a.tick()).toBe(true);
    expect(await job(id)).toMatchObject({ status: 'running', locked_by: 'c', error: null });
    await h.query(`UPDATE jobs SET status = 'done' WHERE id = $1`, [id]);
  });

  it('complete() marks the job done in the handler’s own transaction, together with its effect', async () => {
    // DDL as the tables' owner (the PostgreSQL pass of CI runs the app as a role without CREATE)
    await queryAsOwner(h, 'CREATE TABLE IF NOT EXISTS t_effects (job_id uuid PRIMARY KEY)');
    await queryAsOwner(h, 'GRANT ALL ON t_effects TO PUBLIC');
    const a = new JobRunner(h.db, { instanceId: 'a' });
    a.register('t.atomic', async (ctx) => {
      await h.db.transaction(async (tx) => {
        await tx.execute(`INSERT INTO t_effects VALUES ('${ctx.id}')`);
        await ctx.complete(tx, { inserted: 1 });
      });
      return { inserted: 'overwritten?' };
    });
    const id = await a.enqueue('t.atomic', {});
    expect(await a.tick()).toBe(true);
    expect(await job(id)).toMatchObject({ status: 'done', result: { inserted: 1 } });
    expect(await h.query('SELECT job_id FROM t_effects')).toEqual([{ job_id: id }]);
  });
});
