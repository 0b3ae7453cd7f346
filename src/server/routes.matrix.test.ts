import { randomBytes, randomUUID } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, HTTPMethods } from 'fastify';
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../shared/brn';
import { ROLES, type Role } from '../shared/enums';
import { DEFAULT_INSTRUMENT } from './modules/diagnosis/default-instrument';
import { type Session, setupTestApp } from './test/app';

/**
 * THE route × role matrix. Every route under /api must be listed in MATRIX below with the roles
 * the policy (platform/policy.ts) lets through; a new route fails this test until it is added.
 *
 * For each route × caller, `:params` get random UUIDs and the body is a minimal valid one:
 * - anonymous callers get 401 on protected routes;
 * - signed-in roles not listed get 403;
 * - listed roles get neither 401 nor 403 (404 for the random id, 400/409/422 are fine).
 * Public routes never answer 401 or 403. Ownership (own company, own association) is tested
 * separately below: for a record that does not exist, a role that *could* own it gets 404.
 */
const PUBLIC = 'public' as const;
const ALL: Role[] = [...ROLES];
const STAFF: Role[] = ['admin', 'manager'];
/** staff, or a member of the company (sme, supplier) */
const STAFF_OR_MEMBER: Role[] = [...STAFF, 'sme', 'supplier'];

const MATRIX: Record<string, Role[] | typeof PUBLIC> = {
  // system
  'GET /api/health': PUBLIC,
  'GET /api/jobs/:id': ALL,
  // auth
  'POST /api/auth/login': PUBLIC,
  'POST /api/auth/signup': PUBLIC,
  'GET /api/auth/me': PUBLIC,
  'GET /api/auth/consents': PUBLIC,
  'POST /api/auth/logout': PUBLIC,
  'POST /api/auth/logout-all': ALL,
  // accounts
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'PATCH /api/users/:id': ['admin'],
  'GET /api/users/:id/role-changes': ['admin'],
  'GET /api/associations': ['admin', 'manager', 'partner'],
  'POST /api/associations': ['admin'],
  'GET /api/access-log': ['admin'],
  // companies
  'GET /api/companies': ['admin', 'manager', 'partner'],
  'POST /api/companies': STAFF,
  'GET /api/companies/export': ['admin', 'manager', 'partner'],
  'GET /api/companies/duplicates': STAFF,
  'GET /api/companies/:id': [...STAFF_OR_MEMBER, 'partner'],
  'PATCH /api/companies/:id': STAFF_OR_MEMBER,
  'GET /api/companies/:id/duplicates': STAFF,
  'POST /api/companies/:id/merge': STAFF,
  'GET /api/companies/:id/history': STAFF_OR_MEMBER,
  'GET /api/companies/:id/members': STAFF_OR_MEMBER,
  'POST /api/companies/:id/members/:userId/approve': STAFF_OR_MEMBER,
  'POST /api/companies/import/upload': ['admin', 'manager', 'partner'],
  'POST /api/companies/import': ['admin', 'manager', 'partner'],
  'GET /api/companies/link-requests': STAFF,
  'POST /api/companies/link-requests/:id/approve': STAFF,
  'POST /api/companies/link-requests/:id/reject': STAFF,
  'GET /api/me/companies': ALL,
  'POST /api/me/companies': ['sme', 'supplier'],
  'POST /api/me/companies/claim': ['sme', 'supplier'],
  'GET /api/me/claims': ALL,
  'POST /api/me/claims/:id/withdraw': ALL,
  'POST /api/me/claims/:id/document': ['sme', 'supplier'],
  'GET /api/claims': [...STAFF, 'sme', 'supplier'],
  'POST /api/claims/:id/decision': [...STAFF, 'sme', 'supplier'],
  'GET /api/claims/:id/document': ALL,
  // programs and calls
  'GET /api/programs': PUBLIC,
  'POST /api/programs': STAFF,
  'PATCH /api/programs/:id': STAFF,
  'GET /api/calls': PUBLIC,
  'POST /api/calls': STAFF,
  'GET /api/calls/:id': PUBLIC,
  'PATCH /api/calls/:id': STAFF,
  'POST /api/calls/:id/transition': STAFF,
  'GET /api/calls/:id/eligibility': STAFF,
  'POST /api/calls/attachments': STAFF,
  'GET /api/calls/:id/attachments/:fileId': PUBLIC,
  // applications
  'POST /api/calls/:id/applications': ['sme', 'supplier'],
  'GET /api/calls/:id/applications': STAFF,
  'GET /api/applications/:id': STAFF_OR_MEMBER,
  'PATCH /api/applications/:id': ['sme', 'supplier'],
  'POST /api/applications/:id/submit': ['sme', 'supplier'],
  'POST /api/applications/:id/withdraw': ['sme', 'supplier'],
  'POST /api/applications/:id/supplement': STAFF,
  'POST /api/applications/:id/review': STAFF,
  'GET /api/me/applications': ALL,
  'POST /api/applications/:id/files': ['sme', 'supplier'],
  'DELETE /api/applications/:id/files/:fileId': ['sme', 'supplier'],
  'GET /api/applications/:id/files/:fileId': STAFF_OR_MEMBER,
  'GET /api/calls/:id/applications/documents.zip': STAFF,
  'GET /api/calls/:id/applications/export.xlsx': STAFF,
  // diagnosis
  'GET /api/diagnosis/instruments/current': PUBLIC,
  'GET /api/diagnosis/instruments': STAFF,
  'POST /api/diagnosis/instruments': STAFF,
  'GET /api/diagnosis/instruments/:id': STAFF,
  'PUT /api/diagnosis/instruments/:id': STAFF,
  'POST /api/diagnosis/instruments/:id/publish': STAFF,
  'DELETE /api/diagnosis/instruments/:id': STAFF,
  'GET /api/diagnosis/recommendation-rules': STAFF,
  'POST /api/diagnosis/recommendation-rules': STAFF,
  'PATCH /api/diagnosis/recommendation-rules/:id': STAFF,
  'DELETE /api/diagnosis/recommendation-rules/:id': STAFF,
  'POST /api/companies/:id/diagnoses': ['sme'],
  'GET /api/companies/:id/diagnoses': [...STAFF, 'sme'],
  'GET /api/diagnoses/:id': [...STAFF, 'sme'],
  'PUT /api/diagnoses/:id/answers': ['sme'],
  'POST /api/diagnoses/:id/submit': ['sme'],
  'GET /api/diagnoses/:id/recommendations': [...STAFF, 'sme'],
  'GET /api/diagnoses/:id/report.pdf': [...STAFF, 'sme'],
  'GET /api/diagnoses/:id/answers.xlsx': STAFF,
  'POST /api/diagnosis/invitations': [...STAFF, 'partner'],
  'GET /api/diagnosis/invitations': [...STAFF, 'partner'],
  'GET /api/diagnosis/analytics': [...STAFF, 'viewer'],
  'GET /api/diagnosis/before-after': STAFF,
  // self-service account and password reset
  'POST /api/auth/password-reset': PUBLIC,
  'POST /api/auth/password-reset/confirm': PUBLIC,
  'GET /api/account': ALL,
  'PATCH /api/account': ALL,
  'POST /api/account/password': ALL,
  'POST /api/account/consents/marketing': ALL,
  'POST /api/account/delete': ALL,
  // mail outbox (발송함)
  'GET /api/outbox': STAFF,
  'GET /api/outbox/:id': STAFF,
  'POST /api/outbox/:id/retry': STAFF,
  // evaluation: staff; reviewers on their own assignments only (404 otherwise); applicants object (기피)
  'GET /api/evaluation/reviewers': STAFF,
  'PUT /api/evaluation/reviewers/:id': STAFF,
  'GET /api/calls/:id/evaluation': STAFF,
  'GET /api/calls/:id/evaluation/settings': STAFF,
  'PUT /api/calls/:id/evaluation/settings': STAFF,
  'POST /api/calls/:id/evaluation/panels': STAFF,
  'PATCH /api/evaluation/panels/:id': STAFF,
  'PUT /api/evaluation/panels/:id/rubric': STAFF,
  'POST /api/evaluation/panels/:id/assignments': STAFF,
  'POST /api/evaluation/panels/:id/assignments/auto': STAFF,
  'POST /api/evaluation/assignments/:id/remove': STAFF,
  'POST /api/evaluation/assignments/:id/sheet/reopen': STAFF,
  'POST /api/evaluation/objections/:id/decision': STAFF,
  'PUT /api/applications/:id/evaluation/bonus': STAFF,
  'GET /api/calls/:id/evaluation/results': STAFF,
  'POST /api/calls/:id/evaluation/decisions': STAFF,
  'GET /api/evaluation/panels/:id/assignments': STAFF,
  'GET /api/calls/:id/evaluation/conflicts': STAFF,
  'GET /api/evaluation/pledge': ['reviewer'],
  'POST /api/calls/:id/evaluation/pledge': ['reviewer'],
  'GET /api/me/evaluation/assignments': ['reviewer'],
  'GET /api/evaluation/assignments/:id': ['reviewer'],
  'GET /api/evaluation/assignments/:id/files/:fileId': ['reviewer'],
  'POST /api/evaluation/assignments/:id/recuse': ['reviewer'],
  'PUT /api/evaluation/assignments/:id/sheet': ['reviewer'],
  'POST /api/evaluation/assignments/:id/sheet/submit': ['reviewer'],
  'GET /api/applications/:id/evaluation/reviewers': ['sme', 'supplier'],
  'POST /api/applications/:id/evaluation/objections': ['sme', 'supplier'],
  // sign-up by e-mail link; the demo mailbox exists on demo installs without SMTP (as in tests)
  'POST /api/auth/signup/verify': PUBLIC,
  'GET /api/demo/mailbox': PUBLIC,
};

/** Query strings some routes need to pass validation. */
const QUERIES: Record<string, () => string> = {
  'GET /api/calls/:id/eligibility': () => `companyId=${randomUUID()}`,
  'GET /api/demo/mailbox': () => 'email=nobody%40matrix.example.kr',
};

let seq = 0;
const uniqueBrn = () => withCheckDigit(String(555_000_000 + ++seq));
const uniqueEmail = () => `matrix-${randomBytes(4).toString('hex')}@matrix.example.kr`;
const STRONG = 'Haneul-Dari-2048';

/** Minimal valid bodies, so that the answer is about permission, not validation. */
const BODIES: Record<string, () => unknown> = {
  // an invalid body on purpose: a valid one would end the caller's session (re-login)
  'POST /api/auth/login': () => ({}),
  'POST /api/auth/signup': () => ({
    email: uniqueEmail(),
    password: STRONG,
    name: '매트릭스',
    role: 'sme',
    consents: { terms: true, privacy: true },
  }),
  'POST /api/users': () => ({ email: uniqueEmail(), name: '매트릭스', role: 'viewer', password: STRONG }),
  'PATCH /api/users/:id': () => ({ name: '매트릭스' }),
  'POST /api/associations': () => ({ name: `매트릭스 협회 ${++seq}` }),
  'POST /api/companies': () => ({ brn: uniqueBrn(), name: '매트릭스 기업' }),
  'PATCH /api/companies/:id': () => ({ employees: 1 }),
  'POST /api/companies/:id/merge': () => ({ fromId: randomUUID(), reason: '권한 매트릭스 시험' }),
  'POST /api/me/companies': () => ({ brn: uniqueBrn(), name: '매트릭스 내 기업' }),
  'POST /api/me/companies/claim': () => ({ brn: uniqueBrn() }),
  'POST /api/claims/:id/decision': () => ({ decision: 'approve' }),
  'POST /api/calls': () => ({
    programId: randomUUID(),
    year: 2026,
    title: '매트릭스 공고',
    opensAt: '2026-01-01T10:00:00+09:00',
    closesAt: '2026-02-01T18:00:00+09:00',
    capacity: 5,
    form: [
      { key: 's', title: { ko: '기본' }, fields: [{ key: 'a', type: 'shortText', label: { ko: '항목' } }] },
    ],
  }),
  'PATCH /api/calls/:id': () => ({ title: '매트릭스 공고 수정', version: 1 }),
  'POST /api/programs': () => ({
    code: `M${String.fromCharCode(65 + (++seq % 26))}X`,
    module: 'support',
    nameKo: '매트릭스 사업',
  }),
  'PATCH /api/programs/:id': () => ({ nameKo: '매트릭스 사업 수정' }),
  'POST /api/calls/:id/transition': () => ({ to: 'published' }),
  'POST /api/calls/:id/applications': () => ({}),
  'PATCH /api/applications/:id': () => ({ answers: {} }),
  'POST /api/applications/:id/supplement': () => ({
    message: '서류 보완',
    dueAt: '2099-01-01T18:00:00+09:00',
  }),
  'POST /api/applications/:id/review': () => ({ status: 'incomplete', reason: '서류 미비' }),
  'POST /api/diagnosis/instruments': () => ({ from: 'latest' }),
  'PUT /api/diagnosis/instruments/:id': () => ({ content: DEFAULT_INSTRUMENT, revision: 1 }),
  'POST /api/diagnosis/recommendation-rules': () => ({
    programCode: 'DXC',
    conditions: [{ on: 'stage', op: 'lte', value: 2 }],
    reason: { ko: '권한 매트릭스 시험 규칙' },
  }),
  'PATCH /api/diagnosis/recommendation-rules/:id': () => ({ priority: 5 }),
  'POST /api/companies/:id/diagnoses': () => ({}),
  'PUT /api/diagnoses/:id/answers': () => ({ answers: {} }),
  'POST /api/diagnosis/invitations': () => ({ targets: [{ companyId: randomUUID() }] }),
  'POST /api/auth/password-reset': () => ({ email: uniqueEmail() }),
  'POST /api/auth/password-reset/confirm': () => ({
    token: randomBytes(32).toString('base64url'),
    password: STRONG,
  }),
  'PATCH /api/account': () => ({ phone: '010-2048-2048' }),
  'POST /api/account/password': () => ({ currentPassword: STRONG, newPassword: `${STRONG}-새` }),
  'POST /api/account/consents/marketing': () => ({ granted: false }),
  'POST /api/account/delete': () => ({ password: STRONG }),
  'POST /api/companies/link-requests/:id/reject': () => ({ reason: '권한 매트릭스 시험' }),
  'PUT /api/evaluation/reviewers/:id': () => ({}),
  'PUT /api/calls/:id/evaluation/settings': () => ({}),
  'POST /api/calls/:id/evaluation/panels': () => ({
    stage: 'document',
    name: '매트릭스 위원회',
    weight: 100,
    criteria: [{ code: 'a', label: { ko: '항목' }, maxPoints: 10 }],
  }),
  'PATCH /api/evaluation/panels/:id': () => ({ name: '매트릭스 위원회' }),
  'PUT /api/evaluation/panels/:id/rubric': () => ({
    criteria: [{ code: 'a', label: { ko: '항목' }, maxPoints: 10 }],
  }),
  'POST /api/evaluation/panels/:id/assignments': () => ({
    applicationId: randomUUID(),
    reviewerId: randomUUID(),
  }),
  'POST /api/evaluation/panels/:id/assignments/auto': () => ({}),
  'POST /api/evaluation/assignments/:id/remove': () => ({ reason: '권한 매트릭스 시험' }),
  'POST /api/evaluation/assignments/:id/sheet/reopen': () => ({ reason: '권한 매트릭스 시험' }),
  'POST /api/evaluation/objections/:id/decision': () => ({
    decision: 'dismissed',
    reason: '권한 매트릭스 시험',
  }),
  'PUT /api/applications/:id/evaluation/bonus': () => ({ points: 1, reason: '권한 매트릭스 시험' }),
  'POST /api/calls/:id/evaluation/pledge': () => ({ version: 1, signedName: '매트릭스' }),
  'POST /api/calls/:id/evaluation/decisions': () => ({}),
  'POST /api/evaluation/assignments/:id/recuse': () => ({ reason: '권한 매트릭스 시험' }),
  'PUT /api/evaluation/assignments/:id/sheet': () => ({ points: {} }),
  'POST /api/applications/:id/evaluation/objections': () => ({
    panelId: randomUUID(),
    reviewerId: randomUUID(),
    reason: '권한 매트릭스 시험',
  }),
  // an unknown token (a valid one would end the caller's session)
  'POST /api/auth/signup/verify': () => ({ token: randomBytes(32).toString('base64url') }),
};

/** Routes that end the caller's sessions: called with a throwaway account of the role. */
const ENDS_SESSIONS = new Set(['POST /api/auth/logout', 'POST /api/auth/logout-all']);
/** Routes that change the caller's own account (or delete it): a throwaway account too. */
for (const r of [
  'PATCH /api/account',
  'POST /api/account/password',
  'POST /api/account/consents/marketing',
  'POST /api/account/delete',
])
  ENDS_SESSIONS.add(r);

const EXCLUDED = (url: string) => url === '/api/openapi.json' || url === '/docs' || url.startsWith('/docs/');

// Collect every route as it is registered: subscribe before the app is built.
const registered = new Set<string>();
subscribe('fastify.initialization', (msg) => {
  const { fastify } = msg as { fastify: FastifyInstance };
  fastify.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods as HTTPMethods[]) {
      if (m === 'HEAD' || EXCLUDED(route.url)) continue;
      registered.add(`${m} ${route.url}`);
    }
  });
});

const t = setupTestApp({ firms: 40 });

describe('route inventory', () => {
  it('every registered route is in the matrix (and every matrix entry is a route)', () => {
    expect(registered.size).toBeGreaterThan(10);
    const missing = [...registered].filter((r) => !(r in MATRIX)).sort();
    const stale = Object.keys(MATRIX)
      .filter((r) => !registered.has(r))
      .sort();
    expect(
      missing,
      `Routes missing from MATRIX in src/server/routes.matrix.test.ts — add them with the roles platform/policy.ts allows:\n  ${missing.join('\n  ')}\n`,
    ).toEqual([]);
    expect(stale, `MATRIX lists routes that no longer exist:\n  ${stale.join('\n  ')}\n`).toEqual([]);
    for (const r of registered)
      expect(r.startsWith('/api/') || r.split(' ')[1].startsWith('/api/'), r).toBe(true);
  });
});

describe('route × role matrix', () => {
  type Caller = Role | 'anonymous';
  const callers: Caller[] = ['anonymous', ...ROLES];

  async function throwaway(role: Role): Promise<Session> {
    const admin = await t().loginAs('admin');
    const email = uniqueEmail();
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email, name: '매트릭스 임시', role, password: STRONG },
    });
    expect(res.statusCode).toBe(201);
    return t().login(email, STRONG);
  }

  async function call(route: string, caller: Caller) {
    const [method, path] = route.split(' ') as [HTTPMethods, string];
    const query = QUERIES[route]?.();
    const url = path.replace(/:\w+/g, () => randomUUID()) + (query ? `?${query}` : '');
    const body = BODIES[route]?.();
    const opts = { method, url, ...(body !== undefined ? { payload: body as object } : {}) };
    if (caller === 'anonymous') return t().app.inject(opts);
    const session = ENDS_SESSIONS.has(route) ? await throwaway(caller) : await t().loginAs(caller);
    return session.inject(opts);
  }

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const allowed = MATRIX[route];
    const wrong: string[] = [];
    for (const caller of callers) {
      const res = await call(route, caller);
      const s = res.statusCode;
      let expected: string;
      let ok: boolean;
      if (allowed === PUBLIC) {
        expected = 'not 401/403';
        ok = s !== 401 && s !== 403;
      } else if (caller === 'anonymous') {
        expected = '401';
        ok = s === 401;
      } else if (allowed.includes(caller)) {
        expected = 'not 401/403';
        ok = s !== 401 && s !== 403;
      } else {
        expected = '403';
        ok = s === 403;
      }
      if (ok && s >= 500) ok = false;
      if (!ok) wrong.push(`${caller}: got ${s} (${res.json()?.error?.code ?? 'ok'}), expected ${expected}`);
    }
    expect(wrong, `${route}\n  ${wrong.join('\n  ')}`).toEqual([]);
  });
});

describe('ownership', () => {
  const firmId = async (where: string, params: unknown[] = []) => {
    const [row] = await t().handle.query<{ id: string }>(
      `SELECT c.id FROM companies c WHERE c.merged_into_id IS NULL AND ${where} ORDER BY c.brn LIMIT 1`,
      params,
    );
    expect(row, where).toBeDefined();
    return row.id;
  };
  const HISEOUL = `(SELECT id FROM associations WHERE name = '하이서울기업협회')`;

  it('the demo SME owner reads and edits its own company (디지털존) and nothing else', async () => {
    const sme = await t().loginAs('sme');
    const own = await firmId(`c.name = '디지털존'`);
    const other = await firmId(
      `c.name <> '디지털존' AND c.id NOT IN (SELECT company_id FROM company_members)`,
    );

    const read = await sme.inject({ method: 'GET', url: `/api/companies/${own}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ name: '디지털존', masked: false });
    const edit = await sme.inject({
      method: 'PATCH',
      url: `/api/companies/${own}`,
      payload: { employees: 33, version: read.json().version },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().employees).toBe(33);
    expect((await sme.inject({ method: 'GET', url: `/api/companies/${own}/history` })).statusCode).toBe(200);
    expect((await sme.inject({ method: 'GET', url: `/api/companies/${own}/members` })).statusCode).toBe(200);

    for (const [method, url, payload] of [
      ['GET', `/api/companies/${other}`, undefined],
      ['PATCH', `/api/companies/${other}`, { employees: 1 }],
      ['GET', `/api/companies/${other}/history`, undefined],
      ['GET', `/api/companies/${other}/members`, undefined],
      ['POST', `/api/companies/${other}/members/${sme.userId}/approve`, undefined],
    ] as const) {
      const res = await sme.inject({ method, url, ...(payload ? { payload } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await sme.inject({ method: 'GET', url: '/api/companies' })).statusCode).toBe(403);
    const mine = await sme.inject({ method: 'GET', url: '/api/me/companies' });
    expect(mine.json().items.map((i: { company: { id: string } }) => i.company.id)).toContain(own);
  });

  it('the supplier cannot touch the SME’s company', async () => {
    const supplier = await t().loginAs('supplier');
    const smeFirm = await firmId(`c.name = '디지털존'`);
    expect((await supplier.inject({ method: 'GET', url: `/api/companies/${smeFirm}` })).statusCode).toBe(403);
    expect(
      (
        await supplier.inject({
          method: 'PATCH',
          url: `/api/companies/${smeFirm}`,
          payload: { employees: 2 },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('the partner lists only the firms of its association (하이서울기업협회)', async () => {
    const partner = await t().loginAs('partner');
    const expected = await t().handle.query<{ id: string }>(
      `SELECT c.id FROM companies c JOIN company_associations ca ON ca.company_id = c.id
       WHERE ca.association_id = ${HISEOUL} AND c.merged_into_id IS NULL`,
    );
    expect(expected.length).toBeGreaterThan(5);
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const res = await partner.inject({ method: 'GET', url: `/api/companies?pageSize=100&page=${page}` });
      expect(res.statusCode).toBe(200);
      const items = res.json().items as { id: string; representative: string | null }[];
      seen.push(...items.map((i) => i.id));
      expect(res.json().total).toBe(expected.length);
      if (items.length < 100) break;
    }
    expect(seen.sort()).toEqual(expected.map((r) => r.id).sort());
    // filtering by another association gives nothing
    const [other] = await t().handle.query<{ id: string }>(
      `SELECT id FROM associations WHERE name <> '하이서울기업협회' ORDER BY name LIMIT 1`,
    );
    const filtered = await partner.inject({ method: 'GET', url: `/api/companies?associationId=${other.id}` });
    expect(filtered.json().total).toBe(0);
    const assoc = await partner.inject({ method: 'GET', url: '/api/associations' });
    expect(assoc.json().items.map((a: { name: string }) => a.name)).toEqual(['하이서울기업협회']);
  });

  it('the partner reads (masked) a member firm but gets 403 on any other firm, and cannot edit', async () => {
    const partner = await t().loginAs('partner');
    const inside = await firmId(
      `c.id IN (SELECT company_id FROM company_associations WHERE association_id = ${HISEOUL})`,
    );
    const outside = await firmId(
      `c.id NOT IN (SELECT company_id FROM company_associations WHERE association_id = ${HISEOUL})`,
    );
    const read = await partner.inject({ method: 'GET', url: `/api/companies/${inside}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().masked).toBe(true);
    expect((await partner.inject({ method: 'GET', url: `/api/companies/${outside}` })).statusCode).toBe(403);
    expect(
      (await partner.inject({ method: 'PATCH', url: `/api/companies/${inside}`, payload: { employees: 9 } }))
        .statusCode,
    ).toBe(403);
    expect(
      (await partner.inject({ method: 'GET', url: `/api/companies/${inside}/history` })).statusCode,
    ).toBe(403);
  });

  it('the viewer gets 403 on the company list and on any company', async () => {
    const viewer = await t().loginAs('viewer');
    expect((await viewer.inject({ method: 'GET', url: '/api/companies' })).statusCode).toBe(403);
    const any = await firmId('true');
    expect((await viewer.inject({ method: 'GET', url: `/api/companies/${any}` })).statusCode).toBe(403);
  });

  it('anonymous callers get 401 on an existing company, not its data', async () => {
    const any = await firmId('true');
    const res = await t().app.inject({ method: 'GET', url: `/api/companies/${any}` });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toContain(any);
  });
});
