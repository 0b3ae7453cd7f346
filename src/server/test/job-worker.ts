/**
 * A job-running app instance as a separate process, for tests that kill it with SIGKILL mid-job
 * (`node --import tsx src/server/test/job-worker.ts`). Env: DATABASE_URL (the test's database),
 * WORKER_ID (its instance id), LEASE_MS, HEARTBEAT_MS, PAUSE_AFTER (progress at which the handler
 * stops and waits to be killed, printing "paused"; its heartbeat keeps the lease alive meanwhile).
 */
import { loadConfig } from '../config';
import { openPg } from '../db/client';
import { installModules } from '../modules';
import { JobRunner } from '../platform/jobs';

const env = process.env;
const handle = await openPg(env.DATABASE_URL!, 4);
const config = loadConfig({ ...env, LOG_LEVEL: 'silent', SESSION_SECRET: 'w'.repeat(40) });
const runner = new JobRunner(handle.db, {
  instanceId: env.WORKER_ID,
  leaseMs: Number(env.LEASE_MS),
  heartbeatMs: Number(env.HEARTBEAT_MS),
  pollMs: 50,
});
const pauseAfter = Number(env.PAUSE_AFTER);
const register = runner.register.bind(runner);
runner.register = (kind, handler) =>
  register(kind, (ctx) =>
    handler({
      ...ctx,
      progress: async (done, total) => {
        await ctx.progress(done, total);
        if (done >= pauseAfter) {
          process.stdout.write('paused\n');
          await new Promise(() => {});
        }
      },
    }),
  );
installModules().registerJobs(runner, { handle, config });
runner.start();
process.stdout.write('started\n');
