import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, setupE2E, signIn, signupLinkPath } from './harness';

/**
 * A member who forgot her password: 비밀번호 찾기 from the sign-in page → the mail arrives at a real
 * SMTP receiver (the app runs with SMTP_URL) → the link opens the new-password page → she sets one and
 * signs in with it. Then her 내 정보 page, and the staff 발송함, which never shows the reset link.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/password-reset skipped: ${skip}`);

const EMAIL = 'lee.cfo@mapo-food.example.kr';
const OLD_PASSWORD = 'Mapo-Food#Old-2021';
const NEW_PASSWORD = 'Mangwon-Market#2047';

const mails: { to: string; raw: string }[] = [];
let smtp: SMTPServer | undefined;

describe.skipIf(!!skip)('password reset by e-mail link', () => {
  // Before the app starts (setupE2E's beforeAll runs after this one): a receiver, and SMTP_URL for the app.
  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo)
            mails.push({ to: r.address, raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
  });
  const e2e = setupE2E({ firms: 200 });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  /** The reset link's path from the captured mail (quoted-printable soft breaks undone). */
  async function resetPath(): Promise<string> {
    for (let i = 0; i < 150; i++) {
      const mail = mails.find((m) => m.to === EMAIL && /password-reset/.test(m.raw.replace(/=\r?\n/g, '')));
      if (mail) {
        const text = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
        const m = /https?:\/\/[^\s/]+(\/password-reset\/[\w-]+)/.exec(text);
        if (m) return m[1];
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('no reset mail arrived at the SMTP receiver');
  }

  it('request → mail → link → new password → sign in', async () => {
    const signup = await fetch(`${e2e().baseUrl}/api/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: EMAIL,
        password: OLD_PASSWORD,
        name: '이재무',
        role: 'sme',
        consents: { terms: true, privacy: true, marketing: true },
      }),
    });
    expect(signup.status).toBe(202);
    const verify = await fetch(`${e2e().baseUrl}/api/auth/signup/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: (await signupLinkPath(e2e().handle, EMAIL)).split('/').pop() }),
    });
    expect(verify.status).toBe(200);
    const health = await (await fetch(`${e2e().baseUrl}/api/health`)).json();
    expect(health.mailDelivery).toBe('smtp');

    const page = await e2e().page();
    await page.goto('/login');
    await page.getByRole('link', { name: '비밀번호 찾기' }).click();
    await page.getByRole('heading', { name: '비밀번호 찾기', level: 1 }).waitFor();
    await expectAxeClean(page, 'password reset request');
    await page.getByLabel(/^이메일/).fill(EMAIL);
    await page.getByRole('button', { name: '재설정 링크 받기' }).click();
    await page.getByText('요청을 받았습니다').waitFor();
    await page.getByText(/가입된 계정이 있으면 재설정 링크를 보냈습니다/).waitFor();
    await expectAxeClean(page, 'password reset requested');
    await e2e().screenshot(page, 'password-reset-requested');

    const path = await resetPath();
    await page.goto(path);
    await page.getByRole('heading', { name: '새 비밀번호 정하기', level: 1 }).waitFor();
    await expectAxeClean(page, 'set a new password');
    await page.getByLabel(/^새 비밀번호 확인/).fill('Something-Else#2047');
    await page.getByLabel(/^새 비밀번호(?! 확인)/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '비밀번호 정하기' }).click();
    await page.getByText('새 비밀번호와 확인이 다릅니다.').waitFor();
    await page.getByLabel(/^새 비밀번호 확인/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '비밀번호 정하기' }).click();
    await page.getByText('비밀번호를 새로 정했습니다').waitFor();
    await expectAxeClean(page, 'new password set');

    // The link works once.
    const again = await e2e().page();
    await again.goto(path);
    await again.getByLabel(/^새 비밀번호(?! 확인)/).fill('Another-Password#99');
    await again.getByLabel(/^새 비밀번호 확인/).fill('Another-Password#99');
    await again.getByRole('button', { name: '비밀번호 정하기' }).click();
    await again.getByText('링크를 쓸 수 없습니다').waitFor();
    await expectAxeClean(again, 'used link');

    await page.getByRole('link', { name: '로그인' }).last().click();
    await signIn(page, EMAIL, NEW_PASSWORD);
    await page.goto('/account');
    await page.getByRole('heading', { name: '내 정보', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '회원탈퇴' }).waitFor();
    await expectAxeClean(page, 'my account');
    await e2e().screenshot(page, 'account');
    await page.getByRole('button', { name: '수신 동의 철회' }).click();
    await page.getByText(/수신 동의를 철회했습니다/).waitFor();
    await page.getByRole('button', { name: '수신에 동의' }).waitFor();
  });

  it('the staff 발송함 lists the mail, masked, and never shows the reset link', async () => {
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.goto('/staff/outbox');
    await page.getByRole('heading', { name: '발송함', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: /비밀번호 재설정 안내/ }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('le*****@mapo-food.example.kr');
    await expectAxeClean(page, 'outbox');
    await e2e().screenshot(page, 'outbox');
    await row.getByRole('button', { name: /보기/ }).click();
    await page.getByRole('dialog').getByText(EMAIL).waitFor();
    await page.getByText('비밀번호 재설정 링크가 들어 있는 메일이라 본문을 보여 주지 않습니다.').waitFor();
    expect(await page.getByRole('dialog').textContent()).not.toMatch(/password-reset\//);
    await expectAxeClean(page, 'outbox message');
    await e2e().screenshot(page, 'outbox-message', { fullPage: false });
  });
});
