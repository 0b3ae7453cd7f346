import { randomInt } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoWorld } from '../../demo/load';
import { freshDatabase, type TestDbHandle } from '../test/db';
import { type Instance, startInstance } from '../test/instances';
import { multipartBody, TINY_PDF } from '../test/multipart';

/**
 * Two app instances on one server database, each with its own DATA_DIR and memory: an upload made
 * through one is read through the other, and a rate limit holds across both. (Job takeover after a
 * kill -9: modules/companies/import.takeover.test.ts.)
 */
const serverPg = !!process.env.DATABASE_URL;
if (!serverPg)
  console.log('skipped: needs server PostgreSQL (DATABASE_URL) — two instances share one database');
const redisUrl = process.env.REDIS_URL;
if (serverPg && !redisUrl) console.log('skipped: the Redis rate-limit store needs REDIS_URL');

(serverPg ? describe : describe.skip)('two app instances on one database (server PostgreSQL)', () => {
  let h: TestDbHandle;
  let a: Instance;
  let b: Instance;

  beforeAll(async () => {
    h = await freshDatabase();
    await loadDemoWorld(h, { firms: 20 });
    a = await startInstance(h.url!);
    b = await startInstance(h.url!);
  }, 180_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await h?.close();
  });

  it('reads through one instance the files uploaded through the other', async () => {
    const s = await a.loginAs('manager');
    const onB = (o: InjectOptions) =>
      b.app.inject({ ...o, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(o.headers ?? {}) } });

    // a call attachment: uploaded on A, linked to a call, downloaded on B
    const up = await s.inject({
      method: 'POST',
      url: '/api/calls/attachments',
      ...(await multipartBody({ file: { buffer: TINY_PDF, filename: '공고문.pdf' } })),
    });
    expect(up.statusCode).toBe(201);
    const programs = (await s.inject({ method: 'GET', url: '/api/programs' })).json();
    const call = await s.inject({
      method: 'POST',
      url: '/api/calls',
      payload: {
        programId: programs.items[0].id,
        year: 2026,
        title: '두 인스턴스 공고',
        opensAt: '2026-01-05T10:00:00+09:00',
        closesAt: '2099-02-01T18:00:00+09:00',
        capacity: 10,
        perFirmCap: 40_000_000,
        eligibility: [],
        attachmentIds: [up.json().id],
        form: [
          {
            key: 'basic',
            title: { ko: '기본 정보' },
            fields: [
              { key: 'contact', type: 'shortText', label: { ko: '담당자' }, required: true, maxLength: 50 },
            ],
          },
        ],
      },
    });
    expect(call.statusCode, call.body).toBe(201);
    const got = await onB({ method: 'GET', url: `/api/calls/${call.json().id}/attachments/${up.json().id}` });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(TINY_PDF)).toBe(true);

    // a member list: uploaded on A, imported by its id on B
    const csv = Buffer.from('사업자등록번호,기업명\n1018100340,두인스턴스\n');
    const list = await s.inject({
      method: 'POST',
      url: '/api/companies/import/upload',
      ...(await multipartBody({ file: { buffer: csv, filename: 'members.csv' } })),
    });
    expect(list.statusCode).toBe(200);
    const dry = await onB({
      method: 'POST',
      url: `/api/companies/import?dryRun=true&fileId=${list.json().fileId}`,
      payload: {},
    });
    expect(dry.statusCode).toBe(200);
    expect(dry.json().report).toMatchObject({ total: 1 });
  });

  /** Waits out the last seconds of a minute (on the database clock), so a test's requests share one window. */
  async function freshWindow() {
    for (;;) {
      const [r] = await h.query<{ s: number }>('SELECT extract(second FROM now())::float8 AS s');
      if (r.s < 45) return;
      await new Promise((res) => setTimeout(res, 1000));
    }
  }

  async function limitHoldsAcross(env: Record<string, string | undefined>) {
    const x = await startInstance(h.url!, { rateLimitPerMinute: 5, env });
    const y = await startInstance(h.url!, { rateLimitPerMinute: 5, env });
    try {
      await freshWindow();
      const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(256)}`;
      const ip = randomIp();
      const codes: number[] = [];
      for (let i = 0; i < 8; i++) {
        const res = await (i % 2 ? y : x).app.inject({
          method: 'GET',
          url: '/api/health',
          remoteAddress: ip,
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
      // another client is not affected
      const other = await y.app.inject({
        method: 'GET',
        url: '/api/health',
        remoteAddress: randomIp(),
      });
      expect(other.statusCode).toBe(200);
      expect(other.headers['x-ratelimit-remaining']).toBe('4');
    } finally {
      await x.close();
      await y.close();
    }
  }

  it('keeps one rate limit across instances (database counters)', async () => {
    await limitHoldsAcross({ REDIS_URL: undefined });
    const [n] = await h.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limits');
    expect(n.n).toBeGreaterThan(0);
  }, 120_000);

  it.skipIf(!redisUrl)(
    'keeps one rate limit across instances (Redis)',
    async () => {
      await h.query('DELETE FROM rate_limits');
      await limitHoldsAcross({ REDIS_URL: redisUrl! });
      const [n] = await h.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limits');
      expect(n.n).toBe(0);
    },
    120_000,
  );
});
