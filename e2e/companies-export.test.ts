import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, setupE2E, signIn } from './harness';

/**
 * 박 팀장 exports the company list with personal data: the dialog asks for a purpose from the list and
 * a reason of at least 10 characters (PIPA), both recorded in the access log.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/companies-export skipped: ${skip}`);

describe.skipIf(!!skip)('unmasked export of the company list', () => {
  const e2e = setupE2E();

  it('asks for a purpose and a reason of 10+ characters before downloading', async () => {
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.getByRole('heading', { name: '기업 DB', level: 1 }).waitFor();
    await page.getByText('개인정보 포함', { exact: true }).click();
    expect(await page.getByRole('checkbox', { name: '개인정보 포함' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'CSV 내려받기' }).click();
    const dialog = page.getByRole('dialog', { name: '개인정보 포함 내려받기' });
    await dialog.waitFor();
    await dialog.getByLabel(/^사유/).fill('조사용');
    await dialog.getByRole('button', { name: '사유 기록하고 내려받기' }).click();
    await dialog.getByText('사유를 10자 이상 구체적으로 적어 주세요.').waitFor();
    await expectAxeClean(page, 'export: reason too short, no purpose');
    await dialog.getByLabel(/^이용 목적/).selectOption({ label: '실태조사·성과조사' });
    await dialog.getByLabel(/^사유/).fill('2021년 실태조사 표본 연락처 확인');
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '사유 기록하고 내려받기' }).click();
    expect((await download).suggestedFilename()).toMatch(/^companies-.*\.csv$/);
    await dialog.waitFor({ state: 'hidden' });
    const [row] = await e2e().handle.query<{ reason: string }>(
      "SELECT reason FROM access_log WHERE action = 'download' AND subject_type = 'company' ORDER BY id DESC LIMIT 1",
    );
    expect(row.reason).toBe('[survey] 2021년 실태조사 표본 연락처 확인');
  });
});
