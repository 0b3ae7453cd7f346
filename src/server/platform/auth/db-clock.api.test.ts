import { createHash, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setupTestApp } from '../../test/app';

/**
 * One clock: expiries, lock-outs and "now" in rules come from the database's now(), so an app server
 * whose clock is wrong decides the same. Every limit is set relative to now() in SQL; on server
 * PostgreSQL the app's clock (JS Date) is also moved a year away, the database's left alone. PGlite runs
 * in this process and reads the same JS clock, so there the app clock is not moved (it would move both).
 */
const t = setupTestApp({ firms: 20 });

const STRONG = 'Gureum-Bada-7391';
const YEAR = 365 * 24 * 3600_000;
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const sidOf = (cookie: string) => sha256(/itda_sid=([^;]+)/.exec(cookie)![1]);

/** Moves the app's clock (Date only; timers keep running) by `ms`, on server PostgreSQL only. */
function shiftAppClock(ms: number) {
  if (t().handle.kind === 'pglite') return;
  const real = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(real + ms);
}
afterEach(() => {
  vi.useRealTimers();
});

const login = (email: string, password: string) =>
  t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
const me = async (cookie: string) =>
  (await t().app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json().user as {
    id: string;
  } | null;

async function freshUser() {
  const email = `clock-${randomBytes(4).toString('hex')}@clock-test.example.kr`;
  const res = await t().signUp({
    email,
    password: STRONG,
    name: '시계',
    role: 'sme',
    consents: { terms: true, privacy: true },
  });
  expect(res.statusCode).toBe(200);
  return { email, id: res.json().user.id as string };
}

describe('sessions follow the database clock', () => {
  it('a fresh session stays valid when the app clock runs a year ahead', async () => {
    const s = await t().login('sme@demo.itda.kr');
    shiftAppClock(YEAR);
    expect(await me(s.cookie)).not.toBeNull();
  });

  it('a session past expires_at (by now() in SQL) is over even when the app clock runs a year behind', async () => {
    const s = await t().login('sme@demo.itda.kr');
    await t().handle.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1`, [
      sidOf(s.cookie),
    ]);
    shiftAppClock(-YEAR);
    expect(await me(s.cookie)).toBeNull();
  });

  it('idleness is measured by the database, and the touch writes its now()', async () => {
    const s = await t().login('manager@demo.itda.kr');
    await t().handle.query(`UPDATE sessions SET last_seen_at = now() - interval '2 minutes' WHERE id = $1`, [
      sidOf(s.cookie),
    ]);
    shiftAppClock(-YEAR);
    expect(await me(s.cookie)).not.toBeNull();
    const [row] = await t().handle.query<{ fresh: boolean; expiry_ok: boolean }>(
      `SELECT last_seen_at > now() - interval '1 minute' AS fresh,
              expires_at BETWEEN now() + interval '11 hours' AND now() + interval '12 hours' AS expiry_ok
       FROM sessions WHERE id = $1`,
      [sidOf(s.cookie)],
    );
    expect(row).toEqual({ fresh: true, expiry_ok: true });
  });

  it('a new session expires by the database clock, whatever the app clock says', async () => {
    shiftAppClock(-YEAR);
    const s = await t().login('sme@demo.itda.kr');
    const [row] = await t().handle.query<{ days: number }>(
      'SELECT extract(epoch FROM expires_at - now())::float8 / 86400 AS days FROM sessions WHERE id = $1',
      [sidOf(s.cookie)],
    );
    expect(Number(row.days)).toBeCloseTo(7, 1);
  });
});

describe('login lock-out follows the database clock', () => {
  it('a lock holds when the app clock runs a year ahead, and ends when locked_until passes in SQL', async () => {
    const { email, id } = await freshUser();
    for (let i = 0; i < 5; i++) await login(email, `wrong-${i}-password`);
    shiftAppClock(YEAR);
    const locked = await login(email, STRONG);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'account_locked' });
    expect(locked.json().error.message).toMatch(/15분/);
    // The admin list shows the lock by the database's now, too.
    vi.useRealTimers();
    const admin = await t().loginAs('admin');
    shiftAppClock(YEAR);
    const listed = await admin.inject({ method: 'GET', url: `/api/users?q=${encodeURIComponent(email)}` });
    expect(listed.json().items[0].lockedUntil).not.toBeNull();

    await t().handle.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE id = $1`, [id]);
    vi.useRealTimers();
    shiftAppClock(-YEAR);
    expect((await login(email, STRONG)).statusCode).toBe(200);
  });

  it('an unknown e-mail is locked by the replayed attempts, also with the app clock a year ahead', async () => {
    const email = `nobody-${randomBytes(4).toString('hex')}@clock-test.example.kr`;
    for (let i = 0; i < 5; i++) await login(email, `wrong-${i}-password`);
    shiftAppClock(YEAR);
    const res = await login(email, 'whatever-123');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('account_locked');
    // Fifteen minutes later by the database's clock (the attempts moved back), the lock is over.
    await t().handle.query(
      `UPDATE login_attempts SET at = at - interval '16 minutes' WHERE lower(email) = lower($1)`,
      [email],
    );
    vi.useRealTimers();
    shiftAppClock(-YEAR);
    expect((await login(email, 'whatever-123')).statusCode).toBe(401);
  });
});
