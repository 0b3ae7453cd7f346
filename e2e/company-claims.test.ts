import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateFirm } from '../src/demo/firms';
import type { DbHandle } from '../src/server/db/client';
import { TINY_PDF } from '../src/server/test/multipart';
import { formatBrn } from '../src/shared/brn';
import {
  browserSkipReason,
  confirmSignupFromOutbox,
  expectAxeClean,
  navTo,
  setupE2E,
  signIn,
  tabTo,
} from './harness';

/**
 * Issue 9: a BRN is public, so claiming a registered firm is a request. The claimant sees only the firm's
 * name and BRN until a manager (with the evidence) or the firm's owner approves; then the firm is theirs.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/company-claims skipped: ${skip}`);

const PASSWORD = 'Guro!Metal#2021';

async function signUp(page: Page, who: { email: string; name: string }, handle: DbHandle) {
  await page.goto('/signup');
  await page.getByRole('heading', { name: '회원가입', level: 1 }).waitFor();
  await page.getByRole('checkbox', { name: '이용약관에 동의합니다' }).waitFor();
  await page.getByLabel(/^이메일/).fill(who.email);
  await page.getByLabel(/^비밀번호/).fill(PASSWORD);
  await page.getByLabel(/^이름/).fill(who.name);
  await page.getByText('이용약관에 동의합니다', { exact: true }).click();
  await page.getByText('개인정보 수집·이용에 동의합니다', { exact: true }).click();
  await page.getByRole('button', { name: '회원가입' }).click();
  await confirmSignupFromOutbox(page, handle, who.email);
  await page.waitForURL('**/my/company');
  await page.getByRole('heading', { name: '내 기업', level: 1 }).waitFor();
}

async function claim(page: Page, brn: string, note?: string) {
  const region = page.getByRole('region', { name: '사업자등록번호로 기업 찾기' });
  await region.getByLabel(/^사업자등록번호/).fill(brn);
  if (note) await region.getByLabel('확인하는 분께 남길 말').fill(note);
  await region.getByRole('button', { name: '찾아서 연결' }).click();
}

const status = (page: Page, path: string) =>
  page.evaluate(async (p) => (await fetch(p, { headers: { accept: 'application/json' } })).status, path);

describe.skipIf(!!skip)('claiming a registered firm', () => {
  const e2e = setupE2E();

  it('an SME claims a registered firm → pending, public data only → a manager approves in the queue with the evidence → she sees the firm', async () => {
    const firm = generateFirm(123);
    const [row] = await e2e().handle.query<{ id: string }>('SELECT id FROM companies WHERE brn = $1', [
      firm.brn,
    ]);
    const page = await e2e().page();
    await signUp(page, { email: 'lee.manager@example.kr', name: '이수진' }, e2e().handle);
    await claim(page, formatBrn(firm.brn), '관리팀장 이수진, 02-555-0101');

    const claims = page.getByRole('region', { name: '연결 요청' });
    await claims.getByText(`확인 대기 중 — ${firm.name}`).waitFor();
    await claims.getByText('잇다 담당자가 확인하면 연결됩니다.', { exact: false }).waitFor();
    // only what the public sees: no representative, phone or e-mail, and the API refuses the firm
    expect(await page.getByText(firm.representative).count()).toBe(0);
    expect(await page.getByText(firm.phone).count()).toBe(0);
    expect(await status(page, `/api/companies/${row.id}`)).toBe(403);
    expect(await status(page, `/api/companies/${row.id}/diagnoses`)).toBe(403);
    expect(await status(page, `/api/companies/${row.id}/history`)).toBe(403);
    await expectAxeClean(page, 'my company: claim pending');

    // she uploads the 사업자등록증 so that staff can check it
    await claims.getByLabel(/^사업자등록증 올리기/).setInputFiles({
      name: '사업자등록증.pdf',
      mimeType: 'application/pdf',
      buffer: TINY_PDF,
    });
    await claims.getByText('올린 사업자등록증: 사업자등록증.pdf').waitFor();
    await expectAxeClean(page, 'my company: certificate uploaded');
    await e2e().screenshot(page, 'claims-1-pending');

    // the manager opens the queue from the main navigation and checks the evidence
    const staff = await e2e().page();
    await signIn(staff, 'manager@demo.itda.kr');
    await navTo(staff, '기업 연결 요청');
    await staff.getByRole('heading', { name: '기업 연결 요청 확인', level: 1 }).waitFor();
    const item = staff.getByRole('listitem').filter({ hasText: firm.name });
    await item.getByText('관리팀장 이수진, 02-555-0101').waitFor();
    await item.getByText('lee.manager@example.kr', { exact: false }).waitFor();
    const link = item.getByRole('link', { name: '사업자등록증.pdf 내려받기' });
    const href = await link.getAttribute('href');
    expect(
      await staff.evaluate(async (p) => {
        const r = await fetch(p!);
        return `${r.status} ${r.headers.get('content-type')}`;
      }, href),
    ).toBe('200 application/pdf');
    await expectAxeClean(staff, 'staff claims queue');
    await e2e().screenshot(staff, 'claims-2-queue');

    // keyboard only: Tab to 승인, Enter; the dialog asks; Tab to its 승인, Enter
    await tabTo(staff, item.getByRole('button', { name: /^승인\s*:\s*이수진$/ }));
    await staff.keyboard.press('Enter');
    const dialog = staff.getByRole('dialog', { name: '연결 요청 승인' });
    await dialog
      .getByText(`이수진 님을 ${firm.name}의 대표 관리자로 연결합니다.`, { exact: false })
      .waitFor();
    await expectAxeClean(staff, 'staff claims: approve dialog');
    await tabTo(staff, dialog.getByRole('button', { name: '승인', exact: true }));
    await staff.keyboard.press('Enter');
    await staff.getByText(`이수진 님을 ${firm.name}에 연결했습니다.`).waitFor();
    await staff.getByText('확인을 기다리는 요청이 없습니다.').waitFor();

    // now the firm is hers
    await page.reload();
    const mine = page.getByRole('region', { name: firm.name });
    await mine.getByText('대표 관리자').waitFor();
    await mine.getByText(firm.representative).first().waitFor();
    expect(await status(page, `/api/companies/${row.id}`)).toBe(200);
    await expectAxeClean(page, 'my company: claim approved');
  });

  it('a colleague’s claim of a firm with an owner goes to the owner on 내 기업, who approves it', async () => {
    const [row] = await e2e().handle.query<{ brn: string }>(
      `SELECT brn FROM companies WHERE name = '디지털존'`,
    );
    const colleague = await e2e().page();
    await signUp(colleague, { email: 'yoon.staff@example.kr', name: '윤도현' }, e2e().handle);
    await claim(colleague, formatBrn(row.brn));
    await colleague.getByText('확인 대기 중 — 디지털존', { exact: false }).waitFor();
    await colleague.getByText('이 기업을 이미 관리하는 분이 승인하거나', { exact: false }).waitFor();

    const owner = await e2e().page();
    await signIn(owner, 'sme@demo.itda.kr');
    await owner.goto('/my/company');
    const requests = owner.getByRole('region', { name: '연결 요청' });
    await requests.getByText('윤도현', { exact: false }).first().waitFor();
    await expectAxeClean(owner, 'my company: a request to decide');
    await requests.getByRole('button', { name: /^승인\s*:\s*윤도현$/ }).click();
    const dialog = owner.getByRole('dialog', { name: '연결 요청 승인' });
    await dialog.getByRole('button', { name: '승인', exact: true }).click();
    await owner.getByText('윤도현 님을 디지털존에 연결했습니다.').waitFor();

    await colleague.reload();
    await colleague.getByRole('region', { name: '디지털존' }).getByText('구성원', { exact: true }).waitFor();
  });
});
