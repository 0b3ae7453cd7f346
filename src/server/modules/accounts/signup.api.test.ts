import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import type { Config } from '../../config';
import { sessionFrom, setupTestApp, signupTokenFor } from '../../test/app';

/** Sign-up by e-mail confirmation: the request never tells whether an address is registered. */
const t = setupTestApp({ firms: 20 });

const PASSWORD = 'Namsan-Tower-4821';
const newEmail = (tag: string) => `${tag}-${randomBytes(4).toString('hex')}@signup.example.kr`;
const body = (email: string, over: Record<string, unknown> = {}) => ({
  email,
  password: PASSWORD,
  name: '가입 신청인',
  role: 'sme',
  consents: { terms: true, privacy: true, marketing: true },
  ...over,
});
const request = (payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t().app.inject({ method: 'POST', url: '/api/auth/signup', payload, headers });
const verify = (token: string, headers: Record<string, string> = {}) =>
  t().app.inject({ method: 'POST', url: '/api/auth/signup/verify', payload: { token }, headers });
const mailsTo = (email: string) =>
  t().handle.query<{ kind: string; subject: string; body: string; sensitive: boolean }>(
    `SELECT kind, subject, body, sensitive FROM outbox WHERE lower("to") = lower($1) ORDER BY created_at, id`,
    [email],
  );

describe('sign-up request', () => {
  it('answers registered and new addresses with the same status and body, and creates no account yet', async () => {
    const fresh = newEmail('new');
    const a = await request(body(fresh));
    const b = await request(body('sme@demo.itda.kr'));
    const c = await request(body('SME@DEMO.ITDA.KR'));
    for (const res of [a, b, c]) {
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ status: 'check_email', delivery: 'demo_mailbox' });
      expect(res.cookies).toEqual([]);
    }
    expect(a.body).toBe(b.body);
    expect(await t().handle.query('SELECT 1 FROM users WHERE email = $1', [fresh])).toHaveLength(0);
    // the new address gets a link; the registered one a notice pointing to 비밀번호 찾기
    const [link] = await mailsTo(fresh);
    expect(link.kind).toBe('signup_verify');
    expect(link.body).toMatch(/http:\/\/localhost:\d+\/signup\/verify\/[A-Za-z0-9_-]{40,}/);
    const notices = await mailsTo('sme@demo.itda.kr');
    expect(notices.map((m) => m.kind)).toEqual(['signup_exists', 'signup_exists']);
    expect(notices[0].subject).toContain('이미 가입된 주소입니다');
    expect(notices[0].body).toContain('/password-reset');
    expect(notices[0].body).not.toContain('/signup/verify/');
  });

  it('stores only the token hash and no plain password', async () => {
    const email = newEmail('hash');
    await request(body(email));
    const token = (await signupTokenFor(t().handle, email))!;
    const rows = await t().handle.query<Record<string, unknown>>(
      'SELECT * FROM signup_requests WHERE email = $1',
      [email],
    );
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain(token);
    expect(JSON.stringify(rows[0])).not.toContain(PASSWORD);
  });

  it('still validates the fields and password rules', async () => {
    const res = await request(body(newEmail('weak'), { password: 'password1' }));
    expect([400, 422]).toContain(res.statusCode);
    expect(res.json().error.fields[0].path).toBe('password');
    const off = await request(body(newEmail('next'), { next: 'https://evil.example' }));
    expect(off.statusCode).toBe(400);
  });

  it('sends at most 3 mails per address per hour, with the same answer after that', async () => {
    for (const email of [newEmail('limit'), 'supplier@demo.itda.kr']) {
      for (let i = 0; i < 5; i++) {
        const res = await request(body(email));
        expect(res.statusCode).toBe(202);
        expect(res.json()).toEqual({ status: 'check_email', delivery: 'demo_mailbox' });
      }
      expect(await mailsTo(email)).toHaveLength(3);
    }
  });
});

describe('sign-up request under concurrency', () => {
  it('concurrent requests for one address keep the hourly limit and one pending sign-up', async () => {
    const email = newEmail('race');
    const all = await Promise.all(Array.from({ length: 6 }, () => request(body(email))));
    expect(all.map((r) => r.statusCode)).toEqual([202, 202, 202, 202, 202, 202]);
    expect(await mailsTo(email)).toHaveLength(3);
    const pending = await t().handle.query('SELECT 1 FROM signup_requests WHERE email = $1', [email]);
    expect(pending).toHaveLength(1);
    // exactly one of the mailed links (the last one written) works
    const tokens = (await mailsTo(email)).map((m) => /\/signup\/verify\/([\w-]+)/.exec(m.body)![1]);
    const statuses = [];
    for (const token of tokens) statuses.push((await verify(token)).statusCode);
    expect(statuses.sort()).toEqual([200, 400, 400]);
  });
});

describe('sign-up confirmation', () => {
  it('creates the account with its consents (audited), signs in, keeps next, and works once', async () => {
    const email = newEmail('verify');
    await request(body(email, { next: '/invitations/abc?x=1' }));
    const token = (await signupTokenFor(t().handle, email))!;
    const res = await verify(token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      user: { email, role: 'sme', companyIds: [] },
      next: '/invitations/abc?x=1',
    });
    const s = sessionFrom(t().app, res);
    const me = await s.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.json().user.id).toBe(s.userId);
    const consents = await t().handle.query<{ kind: string; granted: boolean }>(
      'SELECT kind, granted FROM consents WHERE user_id = $1 ORDER BY kind',
      [s.userId],
    );
    expect(consents.map((c) => [c.kind, c.granted])).toEqual([
      ['terms', true],
      ['privacy', true],
      ['marketing', true],
    ]);
    const audit = await t().handle.query(
      `SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'user.signup' AND actor_id = $2`,
      [s.userId, s.userId],
    );
    expect(audit).toHaveLength(1);
    // the password given at the request signs in
    const login = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    // single use
    const again = await verify(token);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('signup_token_invalid');
  });

  it('refuses an expired link with a clear ko/en message', async () => {
    const email = newEmail('expired');
    await request(body(email));
    const token = (await signupTokenFor(t().handle, email))!;
    await t().handle.query(
      `UPDATE signup_requests SET expires_at = now() - interval '1 second' WHERE email = $1`,
      [email],
    );
    const ko = await verify(token);
    expect(ko.statusCode).toBe(400);
    expect(ko.json().error.message).toContain('회원가입 링크가 만료되었거나');
    const en = await verify(token, { 'accept-language': 'en' });
    expect(en.json().error.message).toContain('This sign-up link has expired');
    expect(await t().handle.query('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
  });

  it('a later request replaces the earlier link', async () => {
    const email = newEmail('replace');
    await request(body(email, { name: '첫 신청' }));
    const first = (await signupTokenFor(t().handle, email))!;
    await request(body(email, { name: '둘째 신청' }));
    const second = (await signupTokenFor(t().handle, email))!;
    expect(second).not.toBe(first);
    expect((await verify(first)).statusCode).toBe(400);
    const ok = await verify(second);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.name).toBe('둘째 신청');
  });

  it('gives the invalid-link answer when the address got registered meanwhile', async () => {
    const email = newEmail('meanwhile');
    await request(body(email));
    const token = (await signupTokenFor(t().handle, email))!;
    const admin = await t().loginAs('admin');
    const created = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email, name: '먼저 만든 계정', role: 'viewer', password: 'Jongno-Gate-5512' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const res = await verify(token);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('signup_token_invalid');
  });

  it('refuses an unknown token', async () => {
    const res = await verify('x'.repeat(43));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('signup_token_invalid');
  });
});

describe('demo mailbox', () => {
  it('shows sign-up mails to an address, never password-reset mail', async () => {
    const email = newEmail('mailbox');
    await request(body(email));
    await t().handle.query(
      `INSERT INTO outbox ("to", subject, body, sensitive, kind) VALUES ($1, 'reset', 'secret-reset-link', true, NULL)`,
      [email],
    );
    const res = await t().app.inject({
      method: 'GET',
      url: `/api/demo/mailbox?email=${encodeURIComponent(email.toUpperCase())}`,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { subject: string; body: string }[];
    expect(items).toHaveLength(1);
    expect(items[0].body).toContain('/signup/verify/');
    expect(JSON.stringify(items)).not.toContain('secret-reset-link');
    // a password-reset request for a real account is not shown either
    await t().app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email },
    });
    const after = await t().app.inject({ method: 'GET', url: `/api/demo/mailbox?email=${email}` });
    expect(after.json().items).toHaveLength(1);
  });

  const others: FastifyInstance[] = [];
  afterAll(async () => {
    for (const a of others) await a.close();
  });
  const appWith = async (over: Partial<Config>) => {
    const app = await buildApp({
      config: { ...t().config, ...over },
      handle: t().handle,
      jobs: t().jobs,
      rateLimitPerMinute: 0,
      mail: false,
    });
    await app.ready();
    others.push(app);
    return app;
  };

  it('does not exist when the demo world is off or SMTP is set; the sign-up answer says how mail goes', async () => {
    for (const [over, delivery] of [
      [{ demo: false }, 'outbox'],
      [{ smtpUrl: 'smtp://localhost:2525' }, 'smtp'],
    ] as const) {
      const app = await appWith(over);
      const res = await app.inject({ method: 'GET', url: '/api/demo/mailbox?email=a@b.kr' });
      expect(res.statusCode).toBe(404);
      const req = await app.inject({
        method: 'POST',
        url: '/api/auth/signup',
        payload: body(newEmail('mode')),
      });
      expect(req.json()).toEqual({ status: 'check_email', delivery });
    }
  });
});
