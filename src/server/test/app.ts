import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/accounts';
import type { Role } from '../../shared/enums';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import type { DbHandle } from '../db/client';
import { installModules } from '../modules';
import { JobRunner } from '../platform/jobs';
import { seededDatabase } from './db';

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
  /** self sign-up through the e-mail link (see `signUp`) */
  signUp(payload: Record<string, unknown>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
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

/**
 * The sign-up link's token in the newest sign-up mail to an address (from the outbox), or null when
 * there is none or the newest is an "already registered" notice.
 */
export async function signupTokenFor(handle: DbHandle, email: string): Promise<string | null> {
  const [row] = await handle.query<{ body: string }>(
    `SELECT CASE WHEN kind = 'signup_verify' THEN body ELSE '' END AS body FROM outbox
     WHERE lower("to") = lower($1) AND kind IN ('signup_verify', 'signup_exists')
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [email],
  );
  const m = row?.body.match(/\/signup\/verify\/([A-Za-z0-9_-]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

/**
 * Self sign-up as a visitor does it: the request, the link from the outbox mail, the confirmation.
 * Returns the confirmation's response (200, session cookies and user) — or the request's response
 * when it was refused (validation) or sent no link (a registered address).
 */
export async function signUp(
  app: FastifyInstance,
  handle: DbHandle,
  payload: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const req = await app.inject({ method: 'POST', url: '/api/auth/signup', payload, headers });
  if (req.statusCode !== 202) return req;
  const token = await signupTokenFor(handle, String(payload.email));
  if (!token) return req;
  return app.inject({ method: 'POST', url: '/api/auth/signup/verify', payload: { token }, headers });
}

/** Builds an app on a fresh database with the demo accounts and a small generated population. */
export async function createTestApp(opts: { firms?: number } = {}): Promise<TestApp> {
  const handle = await seededDatabase(opts.firms ?? 300);
  // Uploads go to a temporary DATA_DIR, removed at close.
  const dataDir = mkdtempSync(join(tmpdir(), 'itda-test-'));
  const config = {
    ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', SESSION_SECRET: 'x'.repeat(40), DATA_DIR: dataDir }),
  };
  const modules = installModules();
  const jobs = new JobRunner(handle.db);
  modules.registerJobs(jobs, { handle, config });
  const app = await buildApp({ config, handle, jobs, rateLimitPerMinute: 0, modules });
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
    signUp: (payload, headers) => signUp(app, handle, payload, headers),
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
