import { createHash, randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../demo/accounts';
import { CONSENT_VERSION } from '../../../shared/consents';
import { sessionFrom, setupTestApp } from '../../test/app';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions';

const t = setupTestApp({ firms: 20 });

const STRONG = 'Gureum-Bada-7391';
const uniqueEmail = (tag: string) => `${tag}-${randomBytes(4).toString('hex')}@auth-test.example.kr`;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

type Cookie = { name: string; value: string; httpOnly?: boolean; sameSite?: string; path?: string };
const cookieOf = (res: LightMyRequestResponse, name: string) =>
  (res.cookies as Cookie[]).find((c) => c.name === name);

async function login(email: string, password = DEMO_PASSWORD, headers: Record<string, string> = {}) {
  return t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });
}

/** GET /api/auth/me with only the session cookie: null user means anonymous. */
async function meWith(cookie: string) {
  const res = await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json().user as { id: string } | null;
}

const signupBody = (over: Record<string, unknown> = {}) => ({
  email: uniqueEmail('signup'),
  password: STRONG,
  name: '가입테스트',
  role: 'sme',
  consents: { terms: true, privacy: true },
  ...over,
});

/** request → link from the outbox → confirm (the request's answer when it was refused) */
async function signup(over: Record<string, unknown> = {}) {
  return t().signUp(signupBody(over));
}

/** A fresh SME account (self sign-up) so lock-out tests never touch the demo accounts. */
async function freshUser() {
  const email = uniqueEmail('user');
  const res = await signup({ email });
  expect(res.statusCode).toBe(200);
  return { email, id: res.json().user.id as string };
}

describe('login', () => {
  it('sets an httpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const res = await login('manager@demo.itda.kr');
    expect(res.statusCode).toBe(200);
    const sid = cookieOf(res, SESSION_COOKIE)!;
    const csrf = cookieOf(res, CSRF_COOKIE)!;
    expect(sid.value.length).toBeGreaterThanOrEqual(40);
    expect(sid.httpOnly).toBe(true);
    expect(sid.sameSite).toBe('Lax');
    expect(sid.path).toBe('/');
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.sameSite).toBe('Lax');
    expect(csrf.value).toBe(res.json().csrfToken);
    expect(res.json().user).toMatchObject({ email: 'manager@demo.itda.kr', role: 'manager' });
    // the token itself is never stored: the session id is its SHA-256
    const rows = await t().handle.query<{ id: string }>('SELECT id FROM sessions WHERE id = $1', [sid.value]);
    expect(rows).toHaveLength(0);
    const hashed = await t().handle.query('SELECT id FROM sessions WHERE id = $1', [sha256(sid.value)]);
    expect(hashed).toHaveLength(1);
  });

  it('issues a new session id on every login and ends the old one when re-logging in', async () => {
    const first = await login('consultant@demo.itda.kr');
    const a = sessionFrom(t().app, first);
    expect((await meWith(a.cookie))?.id).toBe(a.userId);
    // signing in again from the same browser (old cookie sent along)
    const second = await login('consultant@demo.itda.kr', DEMO_PASSWORD, { cookie: a.cookie });
    expect(second.statusCode).toBe(200);
    const b = sessionFrom(t().app, second);
    expect(cookieOf(second, SESSION_COOKIE)!.value).not.toBe(cookieOf(first, SESSION_COOKIE)!.value);
    expect(b.csrf).not.toBe(a.csrf);
    expect(await meWith(a.cookie)).toBeNull();
    expect((await meWith(b.cookie))?.id).toBe(a.userId);
  });

  it('answers a wrong password with 401 in Korean by default and English on request', async () => {
    const { email } = await freshUser();
    const ko = await login(email, 'wrong-password-1');
    expect(ko.statusCode).toBe(401);
    expect(ko.json().error).toMatchObject({
      code: 'invalid_credentials',
      message: '이메일 또는 비밀번호가 올바르지 않습니다.',
    });
    expect(ko.cookies).toHaveLength(0);
    const en = await login(email, 'wrong-password-2', { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.statusCode).toBe(401);
    expect(en.json().error.message).toBe('The email or password is incorrect.');
    // an unknown email looks exactly the same
    const unknown = await login(uniqueEmail('nobody'), 'whatever-123');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('invalid_credentials');
  });

  it('locks the account after 5 failures, even for the right password, until an admin unlocks it', async () => {
    const { email, id } = await freshUser();
    for (let i = 0; i < 4; i++) expect((await login(email, `wrong-${i}-password`)).statusCode).toBe(401);
    const fifth = await login(email, 'wrong-5-password');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('account_locked');
    expect(fifth.json().error.message).toMatch(/로그인을 잠시 막았습니다/);
    const right = await login(email, STRONG);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('account_locked');
    expect(right.cookies).toHaveLength(0);

    const admin = await t().loginAs('admin');
    const listed = await admin.inject({ method: 'GET', url: `/api/users?q=${encodeURIComponent(email)}` });
    expect(listed.json().items[0].lockedUntil).not.toBeNull();
    const unlock = await admin.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      payload: { unlock: true },
    });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().lockedUntil).toBeNull();
    expect((await login(email, STRONG)).statusCode).toBe(200);
  });

  it('caps failed sign-in attempts at 100 an hour per account (successful ones do not count)', async () => {
    const { email } = await freshUser();
    // 150 successful sign-ins in the last hour do not count (a shared demo account in a workshop)
    await t().handle.query(
      `INSERT INTO login_attempts (email, ok, ip, at) SELECT $1, true, '10.0.0.1', now() FROM generate_series(1, 150)`,
      [email],
    );
    // 99 failures in the last hour (and old ones that no longer count): still allowed
    await t().handle.query(
      `INSERT INTO login_attempts (email, ok, ip, at)
       SELECT $1, false, '10.0.0.1', now() - (g || ' seconds')::interval FROM generate_series(1, 99) g`,
      [email],
    );
    await t().handle.query(
      `INSERT INTO login_attempts (email, ok, ip, at)
       SELECT $1, false, '10.0.0.1', now() - interval '2 hours' FROM generate_series(1, 50)`,
      [email.toUpperCase()],
    );
    expect((await login(email, STRONG)).statusCode).toBe(200);
    await t().handle.query(`INSERT INTO login_attempts (email, ok, ip) VALUES ($1, false, '10.0.0.1')`, [
      email,
    ]);
    const capped = await login(email, STRONG);
    expect(capped.statusCode).toBe(429);
    expect(capped.json().error.code).toBe('rate_limited');
    // the cap counts the address case-insensitively
    const upper = await login(email.toUpperCase(), STRONG);
    expect(upper.statusCode).toBe(429);
  });

  it('refuses a disabled account', async () => {
    const { email, id } = await freshUser();
    const admin = await t().loginAs('admin');
    expect(
      (await admin.inject({ method: 'PATCH', url: `/api/users/${id}`, payload: { active: false } }))
        .statusCode,
    ).toBe(200);
    const res = await login(email, STRONG);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_disabled');
  });
});

describe('CSRF', () => {
  it('refuses cookie-authenticated writes without or with a wrong x-csrf-token', async () => {
    const s = await t().loginAs('manager');
    const [firm] = await t().handle.query<{ id: string }>('SELECT id FROM companies ORDER BY brn LIMIT 1');
    const url = `/api/companies/${firm.id}`;
    const missing = await t().app.inject({
      method: 'PATCH',
      url,
      headers: { cookie: s.cookie },
      payload: { employees: 3 },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('csrf_failed');
    const wrong = await s.inject({
      method: 'PATCH',
      url,
      headers: { 'x-csrf-token': `${s.csrf}x` },
      payload: { employees: 3 },
    });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('csrf_failed');
    // another session's token does not work either
    const other = await t().login('manager@demo.itda.kr');
    const crossed = await s.inject({
      method: 'POST',
      url: '/api/companies',
      headers: { 'x-csrf-token': other.csrf },
      payload: { brn: '1018100014', name: 'CSRF 시험' },
    });
    expect(crossed.statusCode).toBe(403);
    expect(crossed.json().error.code).toBe('csrf_failed');
    const ok = await s.inject({ method: 'PATCH', url, payload: { employees: 3 } });
    expect(ok.statusCode).toBe(200);
  });

  it('checks CSRF before the body is looked at, and not on safe methods', async () => {
    const s = await t().loginAs('admin');
    const post = await t().app.inject({
      method: 'POST',
      url: '/api/associations',
      headers: { cookie: s.cookie },
      payload: { name: 'CSRF 협회' },
    });
    expect(post.statusCode).toBe(403);
    expect(post.json().error.code).toBe('csrf_failed');
    const get = await t().app.inject({ method: 'GET', url: '/api/users', headers: { cookie: s.cookie } });
    expect(get.statusCode).toBe(200);
  });
});

describe('logout', () => {
  it('invalidates the session', async () => {
    const s = await t().login('reviewer@demo.itda.kr');
    const res = await s.inject({ method: 'POST', url: '/api/auth/logout' });
    expect(res.statusCode).toBe(200);
    expect(cookieOf(res, SESSION_COOKIE)?.value).toBe('');
    expect(await meWith(s.cookie)).toBeNull();
    const after = await s.inject({ method: 'GET', url: '/api/me/companies' });
    expect(after.statusCode).toBe(401);
  });

  it('logout-all ends every session of the user and no one else’s', async () => {
    const { email } = await freshUser();
    const a = await t().login(email, STRONG);
    const b = await t().login(email, STRONG);
    const bystander = await t().login('viewer@demo.itda.kr');
    expect((await meWith(b.cookie))?.id).toBe(a.userId);
    const res = await a.inject({ method: 'POST', url: '/api/auth/logout-all' });
    expect(res.statusCode).toBe(200);
    expect(await meWith(a.cookie)).toBeNull();
    expect(await meWith(b.cookie)).toBeNull();
    expect((await meWith(bystander.cookie))?.id).toBe(bystander.userId);
    const rows = await t().handle.query('SELECT 1 FROM sessions WHERE user_id = $1', [a.userId]);
    expect(rows).toHaveLength(0);
  });

  it('logout-all needs a session', async () => {
    const res = await t().app.inject({ method: 'POST', url: '/api/auth/logout-all' });
    expect(res.statusCode).toBe(401);
  });
});

describe('session limits', () => {
  const sidOf = (cookie: string) => sha256(/itda_sid=([^;]+)/.exec(cookie)![1]);

  it('staff sessions last 12 hours at most; others 7 days', async () => {
    const staff = await t().login('manager@demo.itda.kr');
    const sme = await t().login('sme@demo.itda.kr');
    const hours = async (cookie: string) => {
      const [r] = await t().handle.query<{ h: number }>(
        'SELECT extract(epoch FROM expires_at - created_at)::float8 / 3600 AS h FROM sessions WHERE id = $1',
        [sidOf(cookie)],
      );
      return Number(r.h);
    };
    expect(await hours(staff.cookie)).toBeCloseTo(12, 1);
    expect(await hours(sme.cookie)).toBeCloseTo(24 * 7, 1);
  });

  it('ends a staff session idle for more than 30 minutes', async () => {
    const s = await t().login('manager@demo.itda.kr');
    expect((await s.inject({ method: 'GET', url: '/api/companies?pageSize=1' })).statusCode).toBe(200);
    await t().handle.query(`UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1`, [
      sidOf(s.cookie),
    ]);
    expect((await s.inject({ method: 'GET', url: '/api/companies?pageSize=1' })).statusCode).toBe(200);
    await t().handle.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [
      sidOf(s.cookie),
    ]);
    const res = await s.inject({ method: 'GET', url: '/api/companies?pageSize=1' });
    expect(res.statusCode).toBe(401);
    expect(cookieOf(res, SESSION_COOKIE)?.value).toBe('');
    expect(await t().handle.query('SELECT 1 FROM sessions WHERE id = $1', [sidOf(s.cookie)])).toHaveLength(0);
    expect(await meWith(s.cookie)).toBeNull();
  });

  it('an idle SME session survives 31 minutes (its idle limit is 2 hours)', async () => {
    const s = await t().login('sme@demo.itda.kr');
    await t().handle.query(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1`, [
      sidOf(s.cookie),
    ]);
    expect((await s.inject({ method: 'GET', url: '/api/me/companies' })).statusCode).toBe(200);
    await t().handle.query(
      `UPDATE sessions SET last_seen_at = now() - interval '121 minutes' WHERE id = $1`,
      [sidOf(s.cookie)],
    );
    expect((await s.inject({ method: 'GET', url: '/api/me/companies' })).statusCode).toBe(401);
  });

  it('ends a session past its absolute expiry even when active', async () => {
    const s = await t().login('admin@demo.itda.kr');
    await t().handle.query(
      `UPDATE sessions SET created_at = now() - interval '12 hours 1 minute', expires_at = now() - interval '1 minute', last_seen_at = now() WHERE id = $1`,
      [sidOf(s.cookie)],
    );
    const res = await s.inject({ method: 'GET', url: '/api/users' });
    expect(res.statusCode).toBe(401);
    expect(await meWith(s.cookie)).toBeNull();
  });

  it('an expired session on a write answers 401 session_expired (not a CSRF error)', async () => {
    const s = await t().login('manager@demo.itda.kr');
    await t().handle.query(`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      sidOf(s.cookie),
    ]);
    const res = await s.inject({
      method: 'POST',
      url: '/api/companies',
      payload: { brn: '1018100014', name: '만료' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('session_expired');
  });
});

describe('sign-up', () => {
  it('refuses short, common and email-like passwords with field errors', async () => {
    for (const [password, message] of [
      ['Ab1!', '비밀번호는 12자 이상이어야 합니다.'],
      // 11 characters, not common: too short since ASVS 2.1.1 (12+)
      ['Gureum-7391', '비밀번호는 12자 이상이어야 합니다.'],
      ['password1234', '너무 흔한 비밀번호입니다. 다른 비밀번호를 사용해 주세요.'],
      ['Qwerty123456', '너무 흔한 비밀번호입니다. 다른 비밀번호를 사용해 주세요.'],
      ['Sunshine2024!', '너무 흔한 비밀번호입니다. 다른 비밀번호를 사용해 주세요.'],
      ['aaaaaaaaaaaa', '너무 흔한 비밀번호입니다. 다른 비밀번호를 사용해 주세요.'],
      ['x'.repeat(129), '비밀번호는 128자 이하여야 합니다.'],
    ]) {
      const res = await signup({ password });
      expect([400, 422], password).toContain(res.statusCode);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.fields).toContainEqual({ path: 'password', message });
    }
    const email = uniqueEmail('hongildong');
    const res = await signup({ email, password: `${email.split('@')[0]}!9` });
    expect([400, 422]).toContain(res.statusCode);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'password' });
    const en = await t().app.inject({
      method: 'POST',
      url: '/api/auth/signup',
      headers: { 'accept-language': 'en' },
      payload: signupBody({ password: 'short' }),
    });
    expect(en.json().error.fields).toContainEqual({
      path: 'password',
      message: 'Passwords need at least 12 characters.',
    });
  });

  it('requires the terms and privacy consents', async () => {
    const noPrivacy = await signup({ consents: { terms: true, privacy: false } });
    expect(noPrivacy.statusCode).toBe(400);
    expect(noPrivacy.json().error.fields).toEqual([
      { path: 'consents.privacy', message: '필수 동의 항목입니다.' },
    ]);
    const neither = await signup({ consents: { marketing: true } });
    expect(neither.statusCode).toBe(400);
    expect(
      neither
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['consents.privacy', 'consents.terms']);
    const missing = await signup({ consents: undefined });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('consents');
  });

  it('records consents with version, purpose and retention, the role grant and an audit entry', async () => {
    const email = uniqueEmail('consent');
    const res = await signup({ email, consents: { terms: true, privacy: true, marketing: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ email, role: 'sme', companyIds: [] });
    expect(cookieOf(res, SESSION_COOKIE)?.httpOnly).toBe(true);
    const id = res.json().user.id;
    const consents = await t().handle.query<{
      kind: string;
      version: string;
      purpose: string;
      items: string;
      retention: string;
      granted: boolean;
      ip: string | null;
    }>(
      'SELECT kind, version, purpose, items, retention, granted, ip FROM consents WHERE user_id = $1 ORDER BY kind',
      [id],
    );
    expect(consents.map((c) => [c.kind, c.granted])).toEqual([
      ['terms', true],
      ['privacy', true],
      ['marketing', true],
    ]);
    for (const c of consents) {
      expect(c.version).toBe(CONSENT_VERSION);
      expect(c.purpose.length).toBeGreaterThan(3);
      expect(c.retention.length).toBeGreaterThan(3);
      expect(c.ip).toBeTruthy();
    }
    const roles = await t().handle.query(
      'SELECT from_role, to_role, reason FROM role_changes WHERE user_id = $1',
      [id],
    );
    expect(roles).toEqual([{ from_role: null, to_role: 'sme', reason: 'signup' }]);
    const audit = await t().handle.query<{
      action: string;
      actor_id: string;
      after: Record<string, unknown>;
    }>(`SELECT action, actor_id, after FROM audit_log WHERE entity_type = 'user' AND entity_id = $1`, [id]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.signup', actor_id: id });
    expect(JSON.stringify(audit[0].after)).not.toContain(STRONG);
    // the new session works
    const s = sessionFrom(t().app, res);
    expect((await meWith(s.cookie))?.id).toBe(id);
  });

  it('records a declined optional consent as not granted', async () => {
    const res = await signup();
    const rows = await t().handle.query<{ granted: boolean }>(
      `SELECT granted FROM consents WHERE user_id = $1 AND kind = 'marketing'`,
      [res.json().user.id],
    );
    expect(rows).toEqual([{ granted: false }]);
  });

  it('makes no second account for a registered email (case-insensitively); the owner gets a notice', async () => {
    const email = uniqueEmail('dup');
    expect((await signup({ email })).statusCode).toBe(200);
    for (const again of [email, email.toUpperCase(), 'SME@demo.itda.kr']) {
      const res = await signup({ email: again });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toEqual({ status: 'check_email', delivery: 'demo_mailbox' });
    }
    const users = await t().handle.query('SELECT 1 FROM users WHERE lower(email) = $1', [email]);
    expect(users).toHaveLength(1);
    const notices = await t().handle.query<{ kind: string }>(
      `SELECT kind FROM outbox WHERE lower("to") = $1 ORDER BY created_at`,
      [email],
    );
    expect(notices.map((n) => n.kind)).toEqual(['signup_verify', 'signup_exists', 'signup_exists']);
  });

  it('refuses self sign-up as staff or any granted role', async () => {
    for (const role of ['admin', 'manager', 'reviewer', 'partner', 'viewer']) {
      const email = uniqueEmail(role);
      const res = await signup({ email, role });
      expect(res.statusCode, role).toBe(400);
      expect(res.json().error.fields[0].path).toBe('role');
      expect(await t().handle.query('SELECT 1 FROM users WHERE email = $1', [email])).toHaveLength(0);
    }
  });
});
