import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/accounts';
import { loadDemoWorld } from '../../demo/load';
import type { Role } from '../../shared/enums';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import type { DbHandle } from '../db/client';
import { registerJobs } from '../modules/jobs';
import { JobRunner } from '../platform/jobs';
import { freshDatabase } from './db';

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  /** app.inject with this session's cookie and CSRF header */
  inject(opts: InjectOptions): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  handle: DbHandle;
  jobs: JobRunner;
  login(email: string, password?: string): Promise<Session>;
  loginAs(role: Role): Promise<Session>;
  close(): Promise<void>;
}

export function sessionFrom(app: FastifyInstance, res: LightMyRequestResponse): Session {
  const cookies = res.cookies as { name: string; value: string }[];
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const body = res.json();
  return {
    cookie,
    csrf: body.csrfToken,
    userId: body.user.id,
    inject: (opts) =>
      app.inject({ ...opts, headers: { cookie, 'x-csrf-token': body.csrfToken, ...(opts.headers ?? {}) } }),
  };
}

/** Builds an app on a fresh database with the demo accounts and a small generated population. */
export async function createTestApp(opts: { firms?: number } = {}): Promise<TestApp> {
  const handle = await freshDatabase();
  await loadDemoWorld(handle, { firms: opts.firms ?? 300 });
  // Uploads go to a temporary DATA_DIR, removed at close.
  const dataDir = mkdtempSync(join(tmpdir(), 'itda-test-'));
  const config = {
    ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: dataDir }),
  };
  const jobs = new JobRunner(handle.db);
  registerJobs(jobs, handle, config);
  const app = await buildApp({ config, handle, jobs, rateLimitPerMinute: 0 });
  await app.ready();
  const sessions = new Map<string, Session>();
  const login = async (email: string, password = DEMO_PASSWORD) => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
    return sessionFrom(app, res);
  };
  return {
    app,
    config,
    handle,
    jobs,
    login,
    async loginAs(role) {
      const acc = DEMO_ACCOUNTS.find((a) => a.role === role)!;
      if (!sessions.has(role)) sessions.set(role, await login(acc.email));
      return sessions.get(role)!;
    },
    async close() {
      await app.close();
      await jobs.stop();
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** beforeAll/afterAll wiring: `const t = setupTestApp();` then `t().app` inside tests. */
export function setupTestApp(opts: { firms?: number } = {}) {
  let ta: TestApp | undefined;
  beforeAll(async () => {
    ta = await createTestApp(opts);
  }, 120_000);
  afterAll(async () => {
    await ta?.close();
  });
  return () => ta!;
}
