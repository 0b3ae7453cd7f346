import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import Fastify, { type LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../test/app';
import { registerErrorHandling } from './error-handler';
import { ConflictError, NotFoundError, ValidationError } from './errors';

const t = setupTestApp({ firms: 30 });

/** The error contract: `{ error: { code, message, fields?, requestId } }`, nothing else, no stack. */
function expectErrorBody(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  const { error } = body;
  expect(typeof error.code).toBe('string');
  if (code) expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(error.message.length).toBeGreaterThan(0);
  expect(error.requestId).toBe(res.headers['x-request-id']);
  for (const k of Object.keys(error))
    expect(['code', 'message', 'fields', 'requestId', 'params']).toContain(k);
  expect(res.body).not.toMatch(/"stack"|\bat .+\.(ts|js):\d+|node_modules/);
  return error as { code: string; message: string; fields?: { path: string; message: string }[] };
}

describe('error contract', () => {
  it('malformed JSON → 400 invalid_json', async () => {
    for (const payload of ['{"email": "a@b.kr",', '{bad json}', 'nul', '[1,2']) {
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expectErrorBody(res, 400, 'invalid_json');
    }
    const empty = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '',
    });
    expectErrorBody(empty, 400);
  });

  it('prototype-polluting keys are refused, not merged', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"polluted": true}, "email": "a@b.kr", "password": "x"}',
    });
    expectErrorBody(res, 400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('wrong types → 400 validation_failed with field paths, in the request language', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 5, password: true },
    });
    const err = expectErrorBody(res, 400, 'validation_failed');
    expect(err.fields!.map((f) => f.path).sort()).toEqual(['email', 'password']);
    expect(err.fields![0].message).toBe('형식이 올바르지 않습니다.');

    const s = await t().loginAs('manager');
    const company = await s.inject({
      method: 'POST',
      url: '/api/companies',
      headers: { 'accept-language': 'en' },
      payload: {
        brn: 2208162517,
        name: ['x'],
        employees: '12',
        tags: ['ok', 7],
        sizeClass: 'huge',
        extra: 1,
      },
    });
    const e2 = expectErrorBody(company, 400, 'validation_failed');
    expect(e2.message).toBe('Please check the input.');
    const paths = e2.fields!.map((f) => f.path);
    for (const p of ['brn', 'name', 'employees', 'tags.1', 'sizeClass']) expect(paths).toContain(p);
    expect(e2.fields!.find((f) => f.path === 'employees')!.message).toBe('Wrong type.');

    const query = await s.inject({ method: 'GET', url: '/api/companies?pageSize=1000&sort=nope' });
    const e3 = expectErrorBody(query, 400, 'validation_failed');
    expect(e3.fields!.map((f) => f.path).sort()).toEqual(['query.pageSize', 'query.sort']);

    const notObject = await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: [1, 2] });
    expectErrorBody(notObject, 400, 'validation_failed');
  });

  it('oversize body → 413', async () => {
    const big = JSON.stringify({ email: 'a@b.kr', password: 'x'.repeat(2 * 1024 * 1024) });
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    expectErrorBody(res, 413, 'body_too_large');
  });

  it('unknown route → 404 route_not_found (also for a known path with another method)', async () => {
    expectErrorBody(await t().app.inject({ method: 'GET', url: '/api/nope' }), 404, 'route_not_found');
    expectErrorBody(await t().app.inject({ method: 'DELETE', url: '/api/health' }), 404, 'route_not_found');
    expectErrorBody(
      await t().app.inject({ method: 'POST', url: '/api/unknown/thing' }),
      404,
      'route_not_found',
    );
    const en = await t().app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe('The requested address was not found.');
  });

  it('unsupported content type → 415', async () => {
    for (const type of ['application/xml', 'application/x-www-form-urlencoded', 'image/png']) {
      const res = await t().app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': type },
        payload: 'email=a@b.kr&password=x',
      });
      expectErrorBody(res, 415, 'unsupported_media_type');
    }
  });

  it('a text/plain body is never parsed as JSON (no form-based login CSRF)', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ email: 'manager@demo.itda.kr', password: 'itda-demo-2021!' }),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.cookies).toHaveLength(0);
  });

  it('invalid uuid param → 400 with the params path', async () => {
    const s = await t().loginAs('manager');
    for (const id of ['not-a-uuid', '1', "1' OR '1'='1", '00000000-0000-0000-0000-00000000000g']) {
      const res = await s.inject({ method: 'GET', url: `/api/companies/${encodeURIComponent(id)}` });
      const err = expectErrorBody(res, 400, 'validation_failed');
      expect(err.fields).toEqual([{ path: 'params.id', message: '형식이 올바르지 않습니다.' }]);
    }
    const patch = await s.inject({ method: 'PATCH', url: '/api/companies/xyz', payload: { employees: 1 } });
    expectErrorBody(patch, 400, 'validation_failed');
  });

  it('a missing record → 404 not_found with the entity named', async () => {
    const s = await t().loginAs('manager');
    const res = await s.inject({ method: 'GET', url: `/api/companies/${randomUUID()}` });
    const err = expectErrorBody(res, 404, 'not_found');
    expect(err.message).toContain('company');
  });

  it('echoes a well-formed x-request-id and replaces a malformed one', async () => {
    const res = await t().app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-request-id': 'req-test-0123456789' },
    });
    expect(res.headers['x-request-id']).toBe('req-test-0123456789');
    expect(res.json().error.requestId).toBe('req-test-0123456789');
    const ok = await t().app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'req-test-health-01' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['x-request-id']).toBe('req-test-health-01');
    for (const bad of ['short', 'has spaces in it!', 'x'.repeat(65), '<script>alert(1)</script>']) {
      const r = await t().app.inject({ method: 'GET', url: '/api/nope', headers: { 'x-request-id': bad } });
      expect(r.headers['x-request-id']).not.toBe(bad);
      expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.json().error.requestId).toBe(r.headers['x-request-id']);
    }
    const a = await t().app.inject({ method: 'GET', url: '/api/health' });
    const b = await t().app.inject({ method: 'GET', url: '/api/health' });
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('answers 401 and 403 in the same shape', async () => {
    expectErrorBody(await t().app.inject({ method: 'GET', url: '/api/companies' }), 401, 'unauthorized');
    const viewer = await t().loginAs('viewer');
    expectErrorBody(await viewer.inject({ method: 'GET', url: '/api/companies' }), 403, 'forbidden');
  });
});

describe('error handler (unit)', () => {
  async function miniApp() {
    const app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.get('/boom', async () => {
      throw new Error('secret detail: password=hunter2');
    });
    app.get('/typeerror', async () => {
      const o = undefined as unknown as { x: { y: number } };
      return o.x.y;
    });
    app.get('/unique', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint "users_email"'), {
        code: '23505',
      });
    });
    app.get('/wrapped-bad-input', async () => {
      throw Object.assign(new Error('Failed query'), {
        cause: Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }),
      });
    });
    app.get('/conflict', async () => {
      throw new ConflictError('stale_version');
    });
    app.get('/missing', async () => {
      throw new NotFoundError('program');
    });
    app.get('/http-error', async () => {
      throw Object.assign(new Error('teapot'), { statusCode: 418 });
    });
    app.get('/with-data', async () => {
      throw new ValidationError(
        'import_has_errors',
        undefined,
        { count: 2 },
        { report: { invalid: 2 }, error: 'x' },
      );
    });
    await app.ready();
    return app;
  }

  it('renders unexpected errors as 500 internal without details or stack', async () => {
    const app = await miniApp();
    for (const url of ['/boom', '/typeerror']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.error.code).toBe('internal');
      expect(body.error.requestId).toBeTruthy();
      expect(res.body).not.toContain('hunter2');
      expect(res.body).not.toContain('secret detail');
      expect(res.body).not.toMatch(/stack|TypeError|\.ts:\d+/);
    }
    await app.close();
  });

  it('maps database and app errors to their statuses', async () => {
    const app = await miniApp();
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
    const unique = await get('/unique');
    expect(unique.statusCode).toBe(409);
    expect(unique.json().error.code).toBe('conflict');
    expect(unique.body).not.toContain('users_email');
    expect((await get('/wrapped-bad-input')).statusCode).toBe(400);
    const conflict = await get('/conflict');
    expect(conflict.json().error).toMatchObject({
      code: 'stale_version',
      message: 'Someone else changed this first. Reload and try again.',
    });
    expect((await get('/missing')).json().error.message).toBe('The requested program was not found.');
    expect((await get('/http-error')).statusCode).toBe(418);
    await app.close();
  });

  it('renders an error’s data beside `error` (an import’s report), never over it', async () => {
    const app = await miniApp();
    const res = await app.inject({ method: 'GET', url: '/with-data' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: {
        code: 'import_has_errors',
        message: expect.stringContaining('2'),
        requestId: expect.any(String),
      },
      report: { invalid: 2 },
    });
    await app.close();
  });
});

describe('fuzzing the company write endpoints', () => {
  /** 100 by default; FUZZ_RUNS=5000 for a longer hunt */
  const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
  const validBrn = fc.integer({ min: 100_000_000, max: 999_999_999 }).map((n) => {
    const d = String(n);
    const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(d[i]) * w[i];
    sum += Math.floor((Number(d[8]) * 5) / 10);
    return d + String((10 - (sum % 10)) % 10);
  });
  const nasty = fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '💥'.repeat(50),
    "'; DROP TABLE companies; --",
    '2021-02-30',
    '0000-01-01',
    '9999-12-31',
    '-0001-01-01',
    '2021-13-01',
    'https://example.com/\u0000',
    '02-1234-5678',
    'a@b.kr',
    '63991',
    'guro',
    'x'.repeat(301),
  );
  const anyValue = fc.oneof(
    { arbitrary: nasty, weight: 3 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
    { arbitrary: fc.integer(), weight: 1 },
    { arbitrary: fc.double(), weight: 1 },
    { arbitrary: fc.constantFrom(0, -1, 1e15, 1e16, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER), weight: 2 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    {
      arbitrary: fc.array(fc.oneof(nasty, fc.string({ maxLength: 10 }), fc.integer()), { maxLength: 4 }),
      weight: 1,
    },
    { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  );
  const text = fc.oneof(
    { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
    { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 2 },
    { arbitrary: nasty, weight: 1 },
  );
  const isoDate = fc.oneof(
    {
      weight: 3,
      arbitrary: fc
        .date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        })
        .map((d) => d.toISOString().slice(0, 10)),
    },
    { weight: 1, arbitrary: fc.constantFrom('2021-02-30', '2021-04-31', '0000-01-01', '2021-00-10') },
  );
  /** Per field: a value of the right shape (that may still upset the database), or anything at all. */
  const field = <T>(plausible: fc.Arbitrary<T>) =>
    fc.oneof({ arbitrary: plausible, weight: 6 }, { arbitrary: anyValue, weight: 1 });
  const fields = {
    crn: field(fc.constantFrom(null, '1101110012346', '110111-0012346')),
    name: field(fc.oneof(text, fc.constant('디지털존'))),
    representative: field(fc.option(text)),
    foundedOn: field(fc.option(isoDate)),
    sizeClass: field(fc.option(fc.constantFrom('small', 'medium', 'midsize', 'large'))),
    isMicro: field(fc.boolean()),
    isStartup: field(fc.boolean()),
    ksicCode: field(fc.option(fc.constantFrom('63991', '26429', '47912', 'C', '00000'))),
    address: field(fc.option(text)),
    district: field(fc.option(fc.constantFrom('guro', 'mapo', 'gangnam'))),
    employees: field(fc.option(fc.integer({ min: 0, max: 10_000_000 }))),
    revenue: field(fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }))),
    homepage: field(fc.option(fc.oneof(fc.webUrl(), text))),
    phone: field(fc.option(fc.constantFrom('02-1234-5678', '010-1234-5678', '0212345678'))),
    email: field(fc.option(fc.emailAddress())),
    tags: field(fc.array(text, { maxLength: 5 })),
    dxInterests: field(fc.subarray(['strategy', 'process', 'data', 'ai', 'cloud'])),
    provenanceSource: field(fc.option(text)),
    version: field(fc.integer({ min: 1, max: 4 })),
  };
  /** Company-shaped bodies (a few fields, mostly plausible values) and arbitrary JSON. */
  const companyBody = (create: boolean) =>
    fc.oneof(
      { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
      {
        arbitrary: fc
          .tuple(
            fc.record(fields, { requiredKeys: [] }),
            create ? fc.record({ brn: field(validBrn), name: fields.name }) : fc.constant({}),
          )
          .map(([r, base]) => {
            const body: Record<string, unknown> = { ...base, ...r };
            if (create) delete body.version;
            // keep bodies small so that every field gets its turn at reaching the database
            return Object.fromEntries(Object.entries(body).slice(0, 5));
          }),
        weight: 5,
      },
    );

  it('POST /api/companies never answers 5xx', async () => {
    const s = await t().loginAs('manager');
    await fc.assert(
      fc.asyncProperty(companyBody(true), async (body) => {
        const res = await s.inject({ method: 'POST', url: '/api/companies', payload: body as object });
        expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expectErrorBody(res, res.statusCode);
      }),
      { numRuns: RUNS },
    );
  });

  it('PATCH /api/companies/:id never answers 5xx', async () => {
    const s = await t().loginAs('manager');
    const ids = (await t().handle.query<{ id: string }>('SELECT id FROM companies ORDER BY brn LIMIT 3')).map(
      (r) => r.id,
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ids, randomUUID()), companyBody(false), async (id, body) => {
        const res = await s.inject({ method: 'PATCH', url: `/api/companies/${id}`, payload: body as object });
        expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBeLessThan(500);
        if (res.statusCode >= 400) expectErrorBody(res, res.statusCode);
      }),
      { numRuns: RUNS },
    );
  });

  it('specific inputs that reach the database are client errors', async () => {
    const s = await t().loginAs('manager');
    const [firm] = await t().handle.query<{ id: string }>('SELECT id FROM companies ORDER BY brn LIMIT 1');
    // Control characters are stripped from names (they never reach the database).
    const named = await s.inject({
      method: 'PATCH',
      url: `/api/companies/${firm.id}`,
      payload: { name: 'a\u0000b' },
    });
    expect(named.statusCode, named.body).toBe(200);
    expect(named.json().name).toBe('ab');
    for (const body of [{ tags: ['x\u0000'] }, { foundedOn: '2021-02-30' }, { foundedOn: '0000-01-01' }]) {
      const res = await s.inject({ method: 'PATCH', url: `/api/companies/${firm.id}`, payload: body });
      expectErrorBody(res, 400);
    }
  });
});
