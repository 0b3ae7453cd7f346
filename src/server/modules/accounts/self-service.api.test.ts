import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../shared/brn';
import { type Session, sessionFrom, setupTestApp } from '../../test/app';

/** Password reset by e-mail link, password change, profile, marketing consent and 회원탈퇴. */
const t = setupTestApp({ firms: 40 });

const PASSWORD = 'Bukhansan-Peak-836';
const NEW_PASSWORD = 'Hangang-Bridge-2047';
let seq = 0;
const newEmail = (tag: string) => `${tag}-${randomBytes(4).toString('hex')}@self.example.kr`;

async function signup(tag: string, opts: { marketing?: boolean; role?: 'sme' | 'supplier' } = {}) {
  const email = newEmail(tag);
  const res = await t().signUp({
    email,
    password: PASSWORD,
    name: `${tag} 회원`,
    phone: '010-1111-2222',
    role: opts.role ?? 'sme',
    consents: { terms: true, privacy: true, marketing: opts.marketing ?? false },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { email, session: sessionFrom(t().app, res) };
}

const me = async (s: Session) => (await s.inject({ method: 'GET', url: '/api/auth/me' })).json().user;
const loginStatus = async (email: string, password: string) =>
  (await t().app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })).statusCode;

async function mails(to: string) {
  return t().handle.query<{ subject: string; body: string; sensitive: boolean; status: string }>(
    // (the sign-up link mail of the test account is not one of them)
    `SELECT subject, body, sensitive, status FROM outbox
     WHERE "to" = $1 AND kind IS DISTINCT FROM 'signup_verify' ORDER BY created_at, id`,
    [to],
  );
}
const tokenIn = (body: string) => /\/password-reset\/([\w-]+)/.exec(body)?.[1];

async function requestReset(email: string, headers: Record<string, string> = {}) {
  return t().app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email }, headers });
}
async function confirm(token: string, password: string) {
  return t().app.inject({
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    payload: { token, password },
  });
}

describe('password reset by e-mail link', () => {
  it('answers the same whether or not the account exists, mails a link built from the configured address', async () => {
    const { email } = await signup('reset');
    const known = await requestReset(email.toUpperCase(), { host: 'evil.example.com' });
    const unknown = await requestReset(newEmail('nobody'), { host: 'evil.example.com' });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    const [mail] = await mails(email);
    expect(mail.subject).toMatch(/비밀번호 재설정/);
    expect(mail.sensitive).toBe(true);
    expect(mail.status).toBe('queued');
    expect(mail.body).toContain(`http://localhost:${t().config.port}/password-reset/`);
    expect(mail.body).not.toContain('evil.example.com');
    const [{ n }] = await t().handle.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM password_reset_tokens WHERE token_hash = $1`,
      [tokenIn(mail.body)],
    );
    expect(n).toBe(0); // only the hash is stored
  });

  it('sets the new password once, ends every session, and is audited', async () => {
    const { email, session } = await signup('confirm');
    const other = await t().login(email, PASSWORD);
    await requestReset(email);
    const token = tokenIn((await mails(email))[0].body)!;

    // A weak password is refused with the shared rules and does not use up the link.
    const weak = await confirm(token, 'password1234');
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.fields[0].path).toBe('password');

    const ok = await confirm(token, NEW_PASSWORD);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await me(session)).toBeNull();
    expect(await me(other)).toBeNull();
    expect(await loginStatus(email, PASSWORD)).toBe(401);
    expect(await loginStatus(email, NEW_PASSWORD)).toBe(200);

    const again = await confirm(token, 'Another-Strong-Pass-99');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('reset_token_invalid');

    const notice = await mails(email);
    expect(notice.map((m) => m.subject)).toContainEqual(expect.stringMatching(/비밀번호가 변경되었습니다/));
    const audit = await t().handle.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'user.password_reset%' ORDER BY id`,
      [session.userId],
    );
    expect(audit.map((a) => a.action)).toEqual(['user.password_reset_request', 'user.password_reset']);
  });

  it('an expired link is refused', async () => {
    const { email } = await signup('expired');
    await requestReset(email);
    const token = tokenIn((await mails(email))[0].body)!;
    await t().handle.query(
      `UPDATE password_reset_tokens SET expires_at = now() - interval '1 minute'
       WHERE user_id = (SELECT id FROM users WHERE email = $1)`,
      [email],
    );
    const res = await confirm(token, NEW_PASSWORD);
    expect(res.statusCode).toBe(400);
    expect(await loginStatus(email, PASSWORD)).toBe(200);
  });

  it('sends at most 3 links an hour to one account, and none to demo accounts', async () => {
    const { email } = await signup('limit');
    for (let i = 0; i < 5; i++) expect((await requestReset(email)).statusCode).toBe(202);
    expect((await mails(email)).length).toBe(3);
    expect((await requestReset('sme@demo.itda.kr')).statusCode).toBe(202);
    const demo = await t().handle.query(
      `SELECT 1 FROM outbox WHERE "to" = 'sme@demo.itda.kr' AND subject LIKE '%비밀번호 재설정%'`,
    );
    expect(demo).toEqual([]);
  });
});

describe('my account', () => {
  it('changing the password needs the current one and ends the other sessions only', async () => {
    const { email, session } = await signup('change');
    const other = await t().login(email, PASSWORD);
    const wrong = await session.inject({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: 'not-my-password-1', newPassword: NEW_PASSWORD },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0]).toMatchObject({ path: 'currentPassword' });
    const ok = await session.inject({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await me(session))?.email).toBe(email);
    expect(await me(other)).toBeNull();
    expect(await loginStatus(email, NEW_PASSWORD)).toBe(200);
  });

  it('demo accounts cannot change their password', async () => {
    const sme = await t().loginAs('sme');
    const res = await sme.inject({
      method: 'POST',
      url: '/api/account/password',
      payload: { currentPassword: 'itda-demo-2021!', newPassword: NEW_PASSWORD },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('demo_account');
  });

  it('edits name and phone (audited)', async () => {
    const { session } = await signup('profile');
    const res = await session.inject({
      method: 'PATCH',
      url: '/api/account',
      payload: { name: '새 이름', phone: '010-9876-5432' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '새 이름', phone: '010-9876-5432' });
    const bad = await session.inject({ method: 'PATCH', url: '/api/account', payload: { phone: '12' } });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'phone' }] });
    const [a] = await t().handle.query<{ before: { name: string }; after: { name: string } }>(
      `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'user.profile_update'`,
      [session.userId],
    );
    // Personal fields are stored masked in the audit log (PIPA): the change is visible, the value is not.
    expect(a.before.name).not.toBe('profile 회원');
    expect(a.before.name).toMatch(/^p\*+원$/);
    expect(a.after.name).toMatch(/^새\*+름$|^새\*+$/);
  });

  it('withdraws the marketing consent with a new consent record; the history stays', async () => {
    const { session } = await signup('marketing', { marketing: true });
    expect((await session.inject({ method: 'GET', url: '/api/account' })).json().marketing.granted).toBe(
      true,
    );
    const res = await session.inject({
      method: 'POST',
      url: '/api/account/consents/marketing',
      payload: { granted: false },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().marketing.granted).toBe(false);
    const rows = await t().handle.query<{ granted: boolean; withdrawn: boolean }>(
      `SELECT granted, withdrawn_at IS NOT NULL AS withdrawn FROM consents
       WHERE user_id = $1 AND kind = 'marketing' ORDER BY at, granted DESC`,
      [session.userId],
    );
    expect(rows).toEqual([
      { granted: true, withdrawn: true },
      { granted: false, withdrawn: false },
    ]);
    const audit = await t().handle.query(
      `SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'consent.withdraw'`,
      [session.userId],
    );
    expect(audit.length).toBe(1);
  });
});

describe('회원탈퇴', () => {
  it('anonymises the account, ends sessions, and hands a firm to its other active member', async () => {
    const owner = await signup('leaver', { marketing: true });
    const brn = withCheckDigit(String(777_100_000 + ++seq));
    const reg = await owner.session.inject({
      method: 'POST',
      url: '/api/me/companies',
      payload: { brn, name: '탈퇴시험 주식회사' },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const companyId = reg.json().company?.id ?? reg.json().id;
    const colleague = await signup('colleague');
    const claim = await colleague.session.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn },
    });
    expect(claim.statusCode, claim.body).toBeLessThan(300);
    const approve = await owner.session.inject({
      method: 'POST',
      url: `/api/companies/${companyId}/members/${colleague.session.userId}/approve`,
    });
    expect(approve.statusCode, approve.body).toBeLessThan(300);
    await requestReset(owner.email); // an unsent mail to the address

    const account = (await owner.session.inject({ method: 'GET', url: '/api/account' })).json();
    expect(account.companies).toEqual([
      expect.objectContaining({ id: companyId, role: 'owner', nextOwner: true }),
    ]);

    const wrong = await owner.session.inject({
      method: 'POST',
      url: '/api/account/delete',
      payload: { password: 'not-my-password-1' },
    });
    expect(wrong.statusCode).toBe(422);
    const res = await owner.session.inject({
      method: 'POST',
      url: '/api/account/delete',
      payload: { password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);

    expect(await me(owner.session)).toBeNull();
    expect(await loginStatus(owner.email, PASSWORD)).toBe(401);
    const [u] = await t().handle.query<{
      email: string;
      name: string;
      phone: string | null;
      active: boolean;
      deleted: boolean;
    }>(`SELECT email, name, phone, active, deleted_at IS NOT NULL AS deleted FROM users WHERE id = $1`, [
      owner.session.userId,
    ]);
    expect(u).toEqual({
      email: `deleted-${owner.session.userId}@deleted.invalid`,
      name: '탈퇴한 회원',
      phone: null,
      active: false,
      deleted: true,
    });
    expect(await mails(owner.email)).toEqual([]);
    const members = await t().handle.query<{ user_id: string; role: string }>(
      `SELECT user_id, role FROM company_members WHERE company_id = $1`,
      [companyId],
    );
    expect(members).toEqual([{ user_id: colleague.session.userId, role: 'owner' }]);
    const consents = await t().handle.query<{ granted: boolean }>(
      `SELECT granted FROM consents WHERE user_id = $1 AND kind = 'marketing' ORDER BY at DESC, granted LIMIT 1`,
      [owner.session.userId],
    );
    expect(consents[0].granted).toBe(false);
    const audit = await t().handle.query(
      `SELECT 1 FROM audit_log WHERE entity_id = $1 AND action = 'user.delete_self'`,
      [owner.session.userId],
    );
    expect(audit.length).toBe(1);
    // The address is free again.
    const again = await t().signUp({
      email: owner.email,
      password: PASSWORD,
      name: '다시 가입',
      role: 'sme',
      consents: { terms: true, privacy: true },
    });
    expect(again.statusCode).toBe(200);
  });

  it('an owner without colleagues leaves the firm ownerless; a later claim needs proof, and approval makes the claimant owner', async () => {
    const owner = await signup('alone');
    const brn = withCheckDigit(String(777_200_000 + ++seq));
    const reg = await owner.session.inject({
      method: 'POST',
      url: '/api/me/companies',
      payload: { brn, name: '혼자 주식회사' },
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const account = (await owner.session.inject({ method: 'GET', url: '/api/account' })).json();
    expect(account.companies[0]).toMatchObject({ role: 'owner', nextOwner: false });
    const res = await owner.session.inject({
      method: 'POST',
      url: '/api/account/delete',
      payload: { password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [{ n }] = await t().handle.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM companies c JOIN company_members cm ON cm.company_id = c.id WHERE c.brn = $1`,
      [brn],
    );
    expect(n).toBe(0);
    const next = await signup('successor');
    const claim = await next.session.inject({
      method: 'POST',
      url: '/api/me/companies/claim',
      payload: { brn },
    });
    expect(claim.statusCode, claim.body).toBeLessThan(300);
    // Entering the BRN only asks to join: no membership until staff (or an invitation) proves it.
    const none = await t().handle.query(
      `SELECT 1 FROM company_members cm JOIN companies c ON c.id = cm.company_id WHERE c.brn = $1`,
      [brn],
    );
    expect(none).toEqual([]);
    const [pending] = await t().handle.query<{ id: string }>(
      `SELECT cc.id FROM company_claims cc JOIN companies c ON c.id = cc.company_id WHERE c.brn = $1 AND cc.status = 'pending'`,
      [brn],
    );
    const manager = await t().loginAs('manager');
    const ok = await manager.inject({
      method: 'POST',
      url: `/api/claims/${pending.id}/decision`,
      payload: { decision: 'approve' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [m] = await t().handle.query<{ role: string; status: string }>(
      `SELECT cm.role, cm.status FROM company_members cm JOIN companies c ON c.id = cm.company_id WHERE c.brn = $1`,
      [brn],
    );
    expect(m).toEqual({ role: 'owner', status: 'active' });
  });

  it('demo accounts cannot leave', async () => {
    const sme = await t().loginAs('sme');
    const res = await sme.inject({
      method: 'POST',
      url: '/api/account/delete',
      payload: { password: 'itda-demo-2021!' },
    });
    expect(res.statusCode).toBe(403);
  });
});
