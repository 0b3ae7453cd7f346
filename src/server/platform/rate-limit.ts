import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { DbHandle } from '../db/client';

/**
 * Where request counters live, so a limit holds across every app instance:
 * - server PostgreSQL: the unlogged `rate_limits` table, one `INSERT … ON CONFLICT DO UPDATE … RETURNING`
 *   per request (fixed one-minute windows on the database clock);
 * - Redis when `REDIS_URL` is set (@fastify/rate-limit's own store, through ioredis);
 * - embedded PGlite: memory (a PGlite database serves exactly one instance).
 * Counters are per client IP — `request.ip`, which is the proxy's address unless `TRUST_PROXY=1`.
 */
export type RateLimitBackend = 'database' | 'redis' | 'memory';

/** Key, window (ms) → count in this window and ms until it ends. */
const INCR = `
  INSERT INTO rate_limits AS r (key, window_start, count)
  VALUES ($1, to_timestamp(floor(extract(epoch FROM now()) * 1000 / $2::float8) * $2::float8 / 1000), 1)
  ON CONFLICT (key, window_start) DO UPDATE SET count = r.count + 1
  RETURNING r.count, greatest(0, ceil(extract(epoch FROM r.window_start - now()) * 1000 + $2::float8))::int AS ttl`;

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

/** A @fastify/rate-limit store class over the `rate_limits` table of `handle`. */
export function databaseStore(handle: DbHandle) {
  return class DatabaseRateLimitStore {
    constructor(readonly prefix: unknown = '') {}
    incr(key: string, cb: Callback, timeWindow: number) {
      handle
        .query<{ count: number; ttl: number }>(INCR, [`${this.prefix}${key}`, timeWindow])
        .then(([r]) => cb(null, { current: r.count, ttl: r.ttl }), cb);
    }
    /** Routes with their own limit (e.g. login) count in their own bucket. */
    child(route: { routeInfo?: { method?: unknown; url?: string } }) {
      return new DatabaseRateLimitStore(`${this.prefix}${route.routeInfo?.method}${route.routeInfo?.url}-`);
    }
  };
}

/** Registers @fastify/rate-limit with the store that fits the deployment; returns the backend used. */
export async function registerRateLimit(
  app: FastifyInstance,
  opts: { handle: DbHandle; perMinute: number; redisUrl?: string },
): Promise<RateLimitBackend> {
  const common = { max: opts.perMinute, timeWindow: 60_000, allowList: [] as string[] };
  if (opts.redisUrl) {
    const { Redis } = await import('ioredis');
    const redis = new Redis(opts.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: true });
    app.addHook('onClose', async () => {
      await redis.quit();
    });
    await app.register(rateLimit, { ...common, redis, nameSpace: 'itda-rl-', skipOnError: true });
    return 'redis';
  }
  if (opts.handle.kind === 'pg') {
    // A database hiccup lets requests through rather than refusing every one of them.
    await app.register(rateLimit, {
      ...common,
      store: databaseStore(opts.handle) as never,
      skipOnError: true,
    });
    return 'database';
  }
  await app.register(rateLimit, common);
  return 'memory';
}
