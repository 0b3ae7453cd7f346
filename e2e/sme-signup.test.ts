import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatBrn, withCheckDigit } from '../src/shared/brn';
import { browserSkipReason, expectAxeClean, isFocused, setupE2E, signIn, tabTo } from './harness';

/**
 * 김 대표 (SME owner): signs up with consents, registers her company on "내 기업", edits it, and cannot
 * see another firm.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/sme-signup skipped: ${skip}`);

const PASSWORD = 'Guro!Metal#2021';
const KIM = { email: 'kim.ceo@guro-metal.example.kr', name: '김은정' };
const NEW_BRN = withCheckDigit('977810042');

/** Fills the sign-up form and checks the required consents; `keyboard` uses Tab and Space/Enter only. */
async function signUp(
  page: Page,
  who: { email: string; name: string },
  { keyboard = false, confirm }: { keyboard?: boolean; confirm: (page: Page) => Promise<void> },
) {
  await page.goto('/signup');
  await page.getByRole('heading', { name: '회원가입', level: 1 }).waitFor();
  await page.getByRole('checkbox', { name: '이용약관에 동의합니다' }).waitFor();
  await page.getByLabel(/^이메일/).fill(who.email);
  await page.getByLabel(/^비밀번호/).fill(PASSWORD);
  await page.getByLabel(/^이름/).fill(who.name);
  const sme = page.getByRole('radio', { name: '수요기업 (중소기업)' });
  expect(await sme.isChecked()).toBe(true);
  const terms = page.getByRole('checkbox', { name: '이용약관에 동의합니다' });
  const privacy = page.getByRole('checkbox', { name: '개인정보 수집·이용에 동의합니다' });
  const submit = page.getByRole('button', { name: '회원가입' });
  if (keyboard) {
    await tabTo(page, terms);
    await page.keyboard.press('Space');
    await tabTo(page, privacy);
    await page.keyboard.press('Space');
    await tabTo(page, submit);
    await page.keyboard.press('Enter');
  } else {
    // KRDS draws its own box: the person clicks the label
    await page.getByText('이용약관에 동의합니다', { exact: true }).click();
    await page.getByText('개인정보 수집·이용에 동의합니다', { exact: true }).click();
    expect(await terms.isChecked()).toBe(true);
    expect(await privacy.isChecked()).toBe(true);
    await submit.click();
  }
  await confirm(page);
  await page.waitForURL('**/my/company');
  await page.getByRole('heading', { name: '내 기업', level: 1 }).waitFor();
  await page.getByText('가입을 환영합니다. 이제 우리 회사를 연결해 주세요.').waitFor();
}

describe.skipIf(!!skip)('김 대표 signs up and manages her company', () => {
  const e2e = setupE2E();

  it('signs up with consents, registers her company by BRN, edits it, and cannot open another firm', async () => {
    const page = await e2e().page();
    await page.goto('/');
    await page.getByRole('link', { name: '회원가입하고 시작하기' }).click();
    await page.getByRole('heading', { name: '회원가입', level: 1 }).waitFor();
    await page.getByText('수집·이용 목적').first().waitFor();
    await expectAxeClean(page, 'sign-up');

    // without the required consents the form says what is missing
    await page.getByLabel(/^이메일/).fill(KIM.email);
    await page.getByLabel(/^비밀번호/).fill(PASSWORD);
    await page.getByLabel(/^이름/).fill(KIM.name);
    await page.getByRole('button', { name: '회원가입' }).click();
    await page.getByText('필수 동의 항목입니다.').first().waitFor();
    expect(await page.getByText('필수 동의 항목입니다.').count()).toBe(2);
    expect(
      await page.getByRole('checkbox', { name: '이용약관에 동의합니다' }).getAttribute('aria-invalid'),
    ).toBe('true');
    await expectAxeClean(page, 'sign-up with consent errors');
    await e2e().screenshot(page, 'sme-1-signup-errors');

    // keyboard only: Tab to each required consent, Space to check it, Tab to 회원가입, Enter
    // then "메일을 확인하세요" → the demo mailbox (demo install without SMTP) → the link → 가입 완료
    await signUp(page, KIM, {
      keyboard: true,
      confirm: async (p) => {
        await p.getByRole('heading', { name: '메일을 확인하세요', level: 1 }).waitFor();
        await p.getByText('데모 설치: 메일은 데모 메일함에서 확인합니다').waitFor();
        await expectAxeClean(p, 'sign-up: check your e-mail');
        await e2e().screenshot(p, 'sme-1b-check-email');
        await p.getByRole('link', { name: '데모 메일함 열기' }).click();
        await p.getByRole('heading', { name: '데모 메일함', level: 1 }).waitFor();
        await p.getByRole('heading', { name: /회원가입을 완료해 주세요/ }).waitFor();
        await expectAxeClean(p, 'demo mailbox');
        await p.getByRole('link', { name: '회원가입 완료 링크 열기' }).click();
        await p.getByRole('heading', { name: '회원가입 완료', level: 1 }).waitFor();
        await expectAxeClean(p, 'sign-up: confirm link page');
        await p.getByRole('button', { name: '가입 완료' }).click();
      },
    });
    await expectAxeClean(page, 'my company: nothing connected');

    // her BRN is not in the registry yet: she registers the company with it
    const claim = page.getByRole('region', { name: '사업자등록번호로 기업 찾기' });
    await claim.getByLabel(/^사업자등록번호/).fill(formatBrn(NEW_BRN));
    await claim.getByRole('button', { name: '찾아서 연결' }).click();
    await page.getByText('등록된 기업이 없습니다', { exact: true }).waitFor();
    await expectAxeClean(page, 'my company: BRN not found');
    await page.getByRole('button', { name: `이 번호(${formatBrn(NEW_BRN)})로 새로 등록` }).click();
    const register = page.getByRole('region', { name: '새 기업 등록' });
    const name = register.getByLabel(/^기업명/);
    await name.waitFor();
    expect(await isFocused(name)).toBe(true);
    expect((await register.getByLabel(/^사업자등록번호/).inputValue()).replace(/-/g, '')).toBe(NEW_BRN);
    await name.fill('구로정밀금속');
    await register.getByLabel('대표자', { exact: true }).fill(KIM.name);
    await register.getByLabel('업종 코드(KSIC)').fill('25112');
    await register.getByLabel('종업원 수').fill('40');
    // the district follows from the address when she leaves the field
    await register.getByLabel('주소').fill('서울특별시 구로구 디지털로 300');
    await page.keyboard.press('Tab');
    expect(await register.getByLabel('자치구').inputValue()).toBe('guro');
    await expectAxeClean(page, 'my company: registration form');
    await register.getByRole('button', { name: '기업 등록' }).click();

    const mine = page.getByRole('region', { name: '구로정밀금속' });
    await mine.getByText('대표 관리자').waitFor();
    await mine.getByText('40명').waitFor();
    await expectAxeClean(page, 'my company: registered');

    // she edits it: 종업원 수 40 → 42
    await mine.getByRole('button', { name: '정보 수정' }).click();
    await mine.getByLabel('종업원 수').fill('42');
    await mine.getByRole('button', { name: '저장', exact: true }).click();
    await mine.getByText('저장했습니다.').waitFor();
    await mine.getByText('42명').waitFor();
    await expectAxeClean(page, 'my company: edited');
    await e2e().screenshot(page, 'sme-2-my-company');

    // another firm's page is not hers: the page says so and the API refuses
    const [other] = await e2e().handle.query<{ id: string }>(
      `SELECT id FROM companies WHERE name = '디지털존' LIMIT 1`,
    );
    await page.goto(`/companies/${other.id}`);
    await page.getByRole('heading', { name: '이 페이지를 볼 권한이 없습니다', level: 1 }).waitFor();
    expect(await page.getByText('디지털존').count()).toBe(0);
    await expectAxeClean(page, 'another firm: forbidden');
    const status = (path: string) =>
      page.evaluate(async (p) => (await fetch(p, { headers: { accept: 'application/json' } })).status, path);
    expect([403, 404]).toContain(await status(`/api/companies/${other.id}`));
    expect([403, 404]).toContain(await status(`/api/companies/${other.id}/members`));
    expect([403, 404]).toContain(await status(`/api/companies/${other.id}/history`));
    expect([403, 404]).toContain(await status('/api/companies?q=디지털존'));

    // on her phone (390 px wide) the page fits the screen
    const phone = await e2e().page({ mobile: true });
    await signIn(phone, KIM.email, PASSWORD);
    await phone.getByRole('heading', { name: '내 기업', level: 1 }).waitFor();
    await phone.getByRole('region', { name: '구로정밀금속' }).getByText('42명').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAxeClean(phone, 'my company on a phone');
    await e2e().screenshot(phone, 'sme-3-my-company-mobile');
    await phone.getByRole('button', { name: '정보 수정' }).click();
    await phone.getByLabel('종업원 수').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAxeClean(phone, 'my company edit form on a phone');
    await e2e().screenshot(phone, 'sme-4-my-company-edit-mobile', { fullPage: false });
  });
  // Claiming a firm already in the registry (pending until proven): e2e/company-claims.test.ts
});
