import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, isFocused, navTo, setupE2E, signIn, tabTo } from './harness';

/**
 * Anyone (public): the home page on a desktop and a phone, sign-in errors, the language switch, and the
 * keyboard path (skip link, Tab to the sign-in form). Staff and admin screens render and are axe-clean.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/public-and-a11y skipped: ${skip}`);

const HOME_KO = '서울 중소기업의 디지털 전환, 잇다가 함께합니다';
const HOME_EN = "Digital transformation for Seoul's SMEs, connected by itda";

describe.skipIf(!!skip)('public pages and accessibility', () => {
  const e2e = setupE2E();

  it('home page on a desktop and on a phone', async () => {
    const page = await e2e().page();
    await page.goto('/');
    await page.getByRole('heading', { name: HOME_KO, level: 1 }).waitFor();
    await page.getByRole('heading', { name: '4개 모듈, 13개 프로그램' }).waitFor();
    for (const module of ['진단', '컨설팅', '매칭', '지원'])
      await page
        .getByRole('heading', { name: new RegExp(module) })
        .first()
        .waitFor();
    expect(await page.title()).toContain('잇다');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.getByRole('link', { name: '회원가입하고 시작하기' }).waitFor();
    await expectAxeClean(page, 'home (desktop)');
    await e2e().screenshot(page, 'public-1-home-desktop');

    const phone = await e2e().page({ mobile: true });
    await phone.goto('/');
    await phone.getByRole('heading', { name: HOME_KO, level: 1 }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAxeClean(phone, 'home (phone)');
    await e2e().screenshot(phone, 'public-2-home-phone');
    // the menu button opens the navigation panel
    const menu = phone.getByRole('button', { name: '전체메뉴' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.tap();
    const close = phone.getByRole('button', { name: '메뉴 닫기' });
    await close.waitFor();
    expect(await close.getAttribute('aria-expanded')).toBe('true');
    await phone.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '로그인' }).waitFor();
    await expectAxeClean(phone, 'home (phone, menu open)');
    await e2e().screenshot(phone, 'public-3-home-phone-menu', { fullPage: false });
  });

  it('keyboard only: the skip link jumps to the content and Tab reaches the sign-in form', async () => {
    const page = await e2e().page();
    await page.goto('/');
    await page.getByRole('heading', { name: HOME_KO, level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: '본문 바로가기' });
    expect(await isFocused(skipLink)).toBe(true);
    expect(await skipLink.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    // the next Tab continues inside the content, not in the header
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);

    await page.goto('/login');
    await page.getByRole('heading', { name: '로그인', level: 1 }).waitFor();
    await expectAxeClean(page, 'sign-in');
    const email = page.getByLabel(/^이메일/);
    const presses = await tabTo(page, email, { max: 20 });
    await page.keyboard.type('sme@demo.itda.kr');
    await page.keyboard.press('Tab');
    expect(await isFocused(page.getByLabel(/^비밀번호/))).toBe(true);
    await page.keyboard.type('itda-demo-2021!');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/my/company');
    await page.getByRole('heading', { name: '내 기업', level: 1 }).waitFor();
    await page.getByRole('region', { name: '디지털존' }).waitFor();
    // after a client-side navigation focus is on the new page's heading
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(presses).toBeLessThanOrEqual(12);
    await expectAxeClean(page, 'my company (demo SME)');
  });

  it('sign-in errors: missing fields and a wrong password are explained', async () => {
    const page = await e2e().page();
    await page.goto('/login');
    await page.getByRole('heading', { name: '로그인', level: 1 }).waitFor();
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    const email = page.getByLabel(/^이메일/);
    await page.waitForFunction(() => document.querySelector('input[type=email][aria-invalid=true]'));
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(page, 'sign-in: empty submit');

    await email.fill('viewer@demo.itda.kr');
    await page.getByLabel(/^비밀번호/).fill('not-the-password');
    await page.getByRole('button', { name: '로그인', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: '로그인하지 못했습니다' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('이메일 또는 비밀번호가 올바르지 않습니다.');
    // focus goes back to the password field to try again; the page stays on /login
    await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'password');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectAxeClean(page, 'sign-in: wrong password');
    await e2e().screenshot(page, 'public-4-signin-error');
  });

  it('switches the language to English and back', async () => {
    const page = await e2e().page();
    await page.goto('/');
    await page.getByRole('heading', { name: HOME_KO, level: 1 }).waitFor();
    const english = page.getByRole('button', { name: 'English' }).first();
    expect(await english.getAttribute('aria-pressed')).toBe('false');
    await english.click();
    await page.getByRole('heading', { name: HOME_EN, level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await english.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await expectAxeClean(page, 'home in English');
    await e2e().screenshot(page, 'public-5-home-english');

    // the choice is kept on the next page
    await page.getByRole('link', { name: 'Sign in' }).first().click();
    await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    await expectAxeClean(page, 'sign-in in English');

    await page.getByRole('button', { name: '한국어' }).first().click();
    await page.getByRole('heading', { name: '로그인', level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ko');
    await page.goto('/');
    await page.getByRole('heading', { name: HOME_KO, level: 1 }).waitFor();
  });

  it('admin screens: users (with the manage dialog), associations, access log', async () => {
    const page = await e2e().page();
    await signIn(page, 'admin@demo.itda.kr');

    await page.goto('/admin/users');
    await page.getByRole('heading', { name: '계정 관리', level: 1 }).waitFor();
    const users = page.getByRole('table', { name: /계정 목록/ });
    await users.getByRole('cell', { name: 'manager@demo.itda.kr' }).waitFor();
    await expectAxeClean(page, 'admin: users');
    await e2e().screenshot(page, 'admin-1-users');

    // the manage dialog opens from the keyboard, is axe-clean, and Esc returns focus to its button
    const manage = users.getByRole('button', { name: /^관리\s*:\s*박팀장\(데모\)$/ });
    await manage.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /박팀장\(데모\) 계정 관리/ });
    await dialog.waitFor();
    await dialog.getByText('역할 부여·회수 이력').first().waitFor();
    await expectAxeClean(page, 'admin: manage user dialog');
    await e2e().screenshot(page, 'admin-2-manage-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.textContent?.includes('박팀장(데모)'));
    expect(await isFocused(manage)).toBe(true);

    await navTo(page, '협단체');
    await page.getByRole('heading', { name: '협단체', level: 1 }).waitFor();
    await page
      .getByRole('table', { name: /협단체 \d+곳/ })
      .getByText('하이서울기업협회')
      .waitFor();
    await expectAxeClean(page, 'admin: associations');

    await navTo(page, '개인정보 접속기록');
    await page.getByRole('heading', { name: '개인정보 접속기록', level: 1 }).waitFor();
    await page.getByText(/^총 [\d,]+건$/).waitFor();
    await expectAxeClean(page, 'admin: access log');
    await e2e().screenshot(page, 'admin-3-access-log');
  });

  it('staff: the duplicates page', async () => {
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await navTo(page, '중복 의심 기업');
    await page.getByRole('heading', { name: '중복 의심 기업', level: 1 }).waitFor();
    await page
      .getByRole('table', { name: /중복 의심 기업 쌍/ })
      .or(page.getByText('중복 의심 기업이 없습니다.'))
      .first()
      .waitFor();
    await expectAxeClean(page, 'staff: duplicates');
    await e2e().screenshot(page, 'staff-1-duplicates');
  });

  it('program catalog: 13 programs by module, budgets as a chart and a table, on a phone too', async () => {
    const page = await e2e().page();
    await page.goto('/');
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '사업 안내' }).click();
    await page.getByRole('heading', { name: '사업 안내', level: 1 }).waitFor();
    for (const module of ['진단 · Diagnosis', '컨설팅 · Consulting', '매칭 · Matching', '지원 · Support'])
      await page.getByRole('heading', { name: module, level: 2 }).waitFor();
    expect(await page.locator('.app-card h3').count()).toBe(13);
    await page.getByRole('heading', { name: 'DX 역량강화 컨설팅 지원사업' }).waitFor();
    await page
      .getByRole('img', { name: /단계별 사업 예산/ })
      .locator('svg')
      .waitFor();
    const table = page.getByRole('table', { name: /단계별 사업 예산/ });
    await table.getByRole('row', { name: /합계/ }).getByText('9억 9,800만 원').waitFor();
    await table.getByRole('row', { name: /합계/ }).getByText('3억 원').waitFor();
    await expectAxeClean(page, 'programs');
    await e2e().screenshot(page, 'public-4-programs');
    await page.getByRole('link', { name: /지금 온라인으로 진단받기/ }).click();
    await page.waitForURL(/\/login\?next=%2Fdiagnosis/);

    const phone = await e2e().page({ mobile: true });
    await phone.goto('/programs');
    await phone.getByRole('heading', { name: '사업 안내', level: 1 }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAxeClean(phone, 'programs (phone)');
  });

  it('a demo install offers the demo accounts on the sign-in page; one click signs in', async () => {
    const page = await e2e().page();
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: '로그인' }).waitFor();
    await page.getByText('데모 계정으로 둘러보기').click();
    await expectAxeClean(page, 'sign-in with the demo accounts open');
    await page.getByRole('button', { name: '박팀장(데모)' }).click();
    await page.waitForURL(/\/companies$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
  });
});
