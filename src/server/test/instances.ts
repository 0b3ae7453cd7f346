import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/accounts';
import type { Role } from '../../shared/enums';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type DbHandle, openPg } from '../db/client';
import { installModules } from '../modules';
import { JobRunner, type JobRunnerOptions } from '../platform/jobs';
import { type Session, sessionFrom } from './app';

/**
 * One more app instance on an existing server database (`url`), as in a deployment with several:
 * its own pg pool, its own DATA_DIR (removed at close), its own job runner (not started; call
 * `jobs.tick()` or `jobs.drain()`), the shared session secret so a session works on every instance.
 */
export interface Instance {
  app: FastifyInstance;
  config: Config;
  handle: DbHandle;
  jobs: JobRunner;
  loginAs(role: Role): Promise<Session>;
  close(): Promise<void>;
}

export async function startInstance(
  url: string,
  opts: {
    rateLimitPerMinute?: number;
    env?: Record<string, string | undefined>;
    jobs?: JobRunnerOptions;
  } = {},
): Promise<Instance> {
  const handle = await openPg(url, 10);
  const dataDir = mkdtempSync(join(tmpdir(), 'itda-inst-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'i'.repeat(40),
    DATA_DIR: dataDir,
    ...opts.env,
  };
  // `undefined` in opts.env removes a variable of the test run (e.g. REDIS_URL)
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const config = loadConfig(env);
  const modules = installModules();
  const jobs = new JobRunner(handle.db, opts.jobs);
  modules.registerJobs(jobs, { handle, config });
  const app = await buildApp({
    config,
    handle,
    jobs,
    modules,
    rateLimitPerMinute: opts.rateLimitPerMinute ?? 0,
  });
  await app.ready();
  return {
    app,
    config,
    handle,
    jobs,
    async loginAs(role) {
      const acc = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      const res: LightMyRequestResponse = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: acc.email, password: DEMO_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${acc.email} failed: ${res.statusCode} ${res.body}`);
      return sessionFrom(app, res);
    },
    async close() {
      await app.close();
      await jobs.stop();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
