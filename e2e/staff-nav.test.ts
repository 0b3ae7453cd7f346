import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, isFocused, settled, setupE2E, signIn, tabTo } from './harness';

/**
 * The main navigation of staff at 1280 px (issue 10): one line, the staff pages grouped under
 * disclosure menus that work with the keyboard and a screen reader.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/staff-nav skipped: ${skip}`);

/** the distinct top offsets of the main navigation's first-level items (one value = one line) */
const rows = (page: Page) =>
  page.evaluate(() => [
    ...new Set(
      [...document.querySelectorAll('#main-nav .app-gnb__list > li')].map((li) =>
        Math.round(li.getBoundingClientRect().top),
      ),
    ),
  ]);

describe.skipIf(!!skip)('staff navigation at 1280 px', () => {
  const e2e = setupE2E({ firms: 200 });

  for (const who of ['admin', 'manager'] as const)
    it(`${who}: one line`, async () => {
      const page = await e2e().page();
      await signIn(page, `${who}@demo.itda.kr`);
      await page.goto('/');
      await page.getByRole('navigation', { name: '주 메뉴' }).waitFor();
      await e2e().screenshot(page, `nav-1280-${who}`, { fullPage: false });
      expect(await rows(page)).toHaveLength(1);
      await expectAxeClean(page, `${who}: home with the staff navigation`);
    });

  it('admin in English: still one line at 1024 px, the narrowest bar', async () => {
    const page = await e2e().page();
    await page.setViewportSize({ width: 1024, height: 800 });
    await signIn(page, 'admin@demo.itda.kr');
    await page.goto('/');
    await page.getByRole('button', { name: 'English' }).first().click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('button', { name: 'Administration' })
      .waitFor();
    await e2e().screenshot(page, 'nav-1024-admin-en', { fullPage: false });
    expect(await rows(page)).toHaveLength(1);
  });

  it('admin: a group opens with the keyboard, Escape closes it and returns focus', async () => {
    const page = await e2e().page();
    await signIn(page, 'admin@demo.itda.kr');
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: '주 메뉴' });
    const group = nav.getByRole('button', { name: '운영 관리' });
    expect(await group.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getByRole('link', { name: '계정 관리' }).isVisible()).toBe(false);
    await tabTo(page, group, { max: 40 });
    await page.keyboard.press('Enter');
    expect(await group.getAttribute('aria-expanded')).toBe('true');
    const users = nav.getByRole('link', { name: '계정 관리' });
    await users.waitFor();
    await expectAxeClean(page, 'admin: system menu open');
    await e2e().screenshot(page, 'nav-1280-admin-open', { fullPage: false });
    // Tab moves into the open list, Escape closes it and puts focus back on its button
    await page.keyboard.press('Tab');
    expect(await isFocused(users)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await group.getAttribute('aria-expanded')).toBe('false');
    expect(await isFocused(group)).toBe(true);
    // only one group is open at a time, and following a link closes it and marks the group current
    await group.click();
    const companies = nav.getByRole('button', { name: '기업 관리' });
    await companies.click();
    expect(await group.getAttribute('aria-expanded')).toBe('false');
    await nav.getByRole('link', { name: '중복 의심 기업' }).click();
    await page.getByRole('heading', { name: '중복 의심 기업', level: 1 }).waitFor();
    expect(await companies.getAttribute('aria-expanded')).toBe('false');
    expect(await companies.getAttribute('class')).toContain('is-current');
    await settled(page);
    await e2e().screenshot(page, 'nav-1280-admin-current', { fullPage: false });
  });

  it('admin on a phone: the groups open inside the menu panel', async () => {
    const phone = await e2e().page({ mobile: true });
    await signIn(phone, 'admin@demo.itda.kr');
    await settled(phone);
    await phone.getByRole('button', { name: '전체메뉴' }).tap();
    const nav = phone.getByRole('navigation', { name: '주 메뉴' });
    await nav.getByRole('button', { name: '운영 관리' }).tap();
    await nav.getByRole('link', { name: '개인정보 접속기록' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAxeClean(phone, 'admin: phone menu with a group open');
    await e2e().screenshot(phone, 'nav-phone-admin-open', { fullPage: false });
    await nav.getByRole('link', { name: '개인정보 접속기록' }).tap();
    await phone.getByRole('heading', { name: '개인정보 접속기록', level: 1 }).waitFor();
  });
});
