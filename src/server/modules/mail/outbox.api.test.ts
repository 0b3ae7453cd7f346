import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/app';

/** The 발송함 (outbox) for staff, and the delivery mode the web app reads from /api/health. */
const t = setupTestApp({ firms: 40 });

async function insertMail(values: {
  to: string;
  subject: string;
  body: string;
  status?: string;
  sensitive?: boolean;
}) {
  const [row] = await t().handle.query<{ id: string }>(
    `INSERT INTO outbox ("to", subject, body, status, sensitive, last_error, attempts)
     VALUES ($1, $2, $3, $4, $5, CASE WHEN $4 = 'failed' THEN '550 5.1.1 user unknown' END,
             CASE WHEN $4 = 'failed' THEN 5 ELSE 0 END) RETURNING id`,
    [values.to, values.subject, values.body, values.status ?? 'queued', values.sensitive ?? false],
  );
  return row.id;
}

describe('mail delivery mode', () => {
  it('without SMTP_URL /api/health says mail stays in the outbox', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json().mailDelivery).toBe('outbox');
    expect(t().app.mailSender).toBeUndefined();
  });
});

describe('발송함 (outbox)', () => {
  it('lists mail newest first with masked recipients, filters by status, and counts', async () => {
    const id = await insertMail({
      to: 'recipient@outbox.example.kr',
      subject: '[잇다] 시험 메일',
      body: '본문',
    });
    const manager = await t().loginAs('manager');
    const res = await manager.inject({ method: 'GET', url: '/api/outbox?pageSize=5' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.delivery).toBe('outbox');
    expect(body.items[0]).toMatchObject({
      id,
      to: 're*******@outbox.example.kr',
      status: 'queued',
      attempts: 0,
    });
    expect(body.items[0]).not.toHaveProperty('body');
    expect(body.counts.queued).toBeGreaterThanOrEqual(1);
    const failedOnly = await manager.inject({ method: 'GET', url: '/api/outbox?status=failed' });
    expect(failedOnly.json().items.every((i: { status: string }) => i.status === 'failed')).toBe(true);
  });

  it('viewing a message shows it unmasked and is logged; a password-reset link is never shown', async () => {
    const plain = await insertMail({ to: 'view@outbox.example.kr', subject: '안내', body: '본문 내용' });
    const secret = await insertMail({
      to: 'secret@outbox.example.kr',
      subject: '[잇다] 비밀번호 재설정 안내',
      body: 'http://localhost:3000/password-reset/abc',
      sensitive: true,
    });
    const admin = await t().loginAs('admin');
    const res = await admin.inject({ method: 'GET', url: `/api/outbox/${plain}` });
    expect(res.json()).toMatchObject({ to: 'view@outbox.example.kr', body: '본문 내용' });
    const hidden = await admin.inject({ method: 'GET', url: `/api/outbox/${secret}` });
    expect(hidden.json()).toMatchObject({ to: 'secret@outbox.example.kr', body: null, sensitive: true });
    // A sign-up confirmation link would let staff create the account and be signed in as it.
    const [{ id: signup }] = await t().handle.query<{ id: string }>(
      `INSERT INTO outbox ("to", subject, body, kind) VALUES ('new@outbox.example.kr', '[잇다] 가입 확인', 'http://localhost:3000/signup/verify/abc', 'signup_verify') RETURNING id`,
    );
    const signupMail = await admin.inject({ method: 'GET', url: `/api/outbox/${signup}` });
    expect(signupMail.json()).toMatchObject({ body: null, sensitive: true });
    const log = await t().handle.query<{ subject_id: string }>(
      `SELECT subject_id FROM access_log WHERE subject_type = 'outbox' AND user_id = $1 ORDER BY id`,
      [admin.userId],
    );
    expect(log.map((l) => l.subject_id)).toEqual([plain, secret, signup]);
  });

  it('retries a failed message (audited); other messages cannot be retried', async () => {
    const failed = await insertMail({
      to: 'fail@outbox.example.kr',
      subject: '실패',
      body: 'x',
      status: 'failed',
    });
    const queued = await insertMail({ to: 'q@outbox.example.kr', subject: '대기', body: 'x' });
    const manager = await t().loginAs('manager');
    const no = await manager.inject({ method: 'POST', url: `/api/outbox/${queued}/retry` });
    expect(no.statusCode).toBe(409);
    expect(no.json().error.code).toBe('outbox_not_failed');
    const res = await manager.inject({ method: 'POST', url: `/api/outbox/${failed}/retry` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'queued', attempts: 0 });
    const [a] = await t().handle.query<{ before: { lastError: string } }>(
      `SELECT before FROM audit_log WHERE action = 'outbox.retry' AND entity_id = $1`,
      [failed],
    );
    expect(a.before.lastError).toMatch(/550/);
  });
});
