/**
 * Cost of the shared rate limit: one `INSERT … ON CONFLICT DO UPDATE … RETURNING` on the unlogged
 * `rate_limits` table per request, timed per call, next to a bare `SELECT 1` round trip as the baseline,
 * sequential on one pool; then the same with 8 concurrent callers on 1,000 client keys.
 *   npx tsx bench/rate-limit.ts [calls=5000]     (DATABASE_URL for server PostgreSQL)
 */
import { databaseStore } from '../src/server/platform/rate-limit';
import { benchDatabase, printTable, writeResult } from './lib';

export async function main(calls = 5000) {
  const { handle, label } = await benchDatabase();
  try {
    const Store = databaseStore(handle);
    const store = new Store();
    const incr = (key: string) =>
      new Promise<void>((resolve, reject) => store.incr(key, (e) => (e ? reject(e) : resolve()), 60_000));
    const time = async (n: number, parallel: number, fn: (i: number) => Promise<unknown>) => {
      const ms: number[] = [];
      let next = 0;
      const t0 = performance.now();
      await Promise.all(
        Array.from({ length: parallel }, async () => {
          for (let i = next++; i < n; i = next++) {
            const s = performance.now();
            await fn(i);
            ms.push(performance.now() - s);
          }
        }),
      );
      const total = performance.now() - t0;
      ms.sort((a, b) => a - b);
      return {
        perSec: Math.round((n / total) * 1000),
        p50: Number(ms[Math.floor(ms.length / 2)].toFixed(3)),
        p99: Number(ms[Math.floor(ms.length * 0.99)].toFixed(3)),
      };
    };
    for (let i = 0; i < 200; i++) await incr(`warm${i}`);
    const rows = [
      { case: 'SELECT 1 (baseline)', ...(await time(calls, 1, () => handle.query('SELECT 1'))) },
      { case: 'rate limit, one key', ...(await time(calls, 1, () => incr('one'))) },
      { case: 'rate limit, 1,000 keys', ...(await time(calls, 1, (i) => incr(`k${i % 1000}`))) },
      { case: 'SELECT 1, 8 concurrent', ...(await time(calls, 8, () => handle.query('SELECT 1'))) },
      {
        case: 'rate limit, 1,000 keys, 8 concurrent',
        ...(await time(calls, 8, (i) => incr(`c${i % 1000}`))),
      },
    ];
    printTable(`rate-limit counter (${label}, ${calls} calls each; ms per call)`, rows);
    writeResult(`rate-limit-${label}.json`, { calls, rows });
  } finally {
    await handle.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main(Number(process.argv[2] ?? 5000));
