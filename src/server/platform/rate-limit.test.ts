import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import type { DbHandle } from '../db/client';
import { freshDatabase } from '../test/db';
import { JobRunner } from './jobs';
import { databaseStore } from './rate-limit';

/** The counters themselves; two instances sharing them: platform/instances.test.ts (server PostgreSQL). */
let h: DbHandle;
beforeAll(async () => {
  h = await freshDatabase();
});
afterAll(async () => {
  await h.close();
});

describe('rate limits', () => {
  it('counts per key and minute in rate_limits, with the time left in the window', async () => {
    const Store = databaseStore(h);
    const store = new Store();
    const incr = (s: InstanceType<typeof Store>, key: string) =>
      new Promise<{ current: number; ttl: number }>((resolve, reject) =>
        s.incr(key, (e, r) => (e ? reject(e) : resolve(r!)), 60_000),
      );
    expect((await incr(store, '192.0.2.1')).current).toBe(1);
    const second = await incr(store, '192.0.2.1');
    expect(second.current).toBe(2);
    expect(second.ttl).toBeGreaterThan(0);
    expect(second.ttl).toBeLessThanOrEqual(60_000);
    expect((await incr(store, '192.0.2.2')).current).toBe(1);
    // a route with its own limit (login) counts in its own bucket
    const login = store.child({ routeInfo: { method: 'POST', url: '/api/auth/login' } });
    expect((await incr(login, '192.0.2.1')).current).toBe(1);
    const rows = await h.query<{ key: string; count: number }>(
      'SELECT key, count FROM rate_limits ORDER BY key',
    );
    expect(rows).toEqual([
      { key: '192.0.2.1', count: 2 },
      { key: '192.0.2.2', count: 1 },
      { key: 'POST/api/auth/login-192.0.2.1', count: 1 },
    ]);
  });

  it('with TRUST_PROXY=1 the client is the address our proxy reports, not one the client wrote itself', async () => {
    const config = loadConfig({
      ...process.env,
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 'p'.repeat(40),
      DATA_DIR: '/tmp/itda-rl-test',
      TRUST_PROXY: '1',
    });
    const app = await buildApp({ config, handle: h, jobs: new JobRunner(h.db), rateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await app.inject({
          method: 'GET',
          url: '/api/health',
          remoteAddress: '127.0.0.1',
          // the client forges a new address each time; the proxy appends the one it saw
          headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await app.close();
    }
  });
});
