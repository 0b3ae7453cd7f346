import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, setupE2E, signIn } from './harness';

/**
 * The staff's diagnosis pages: 박 팀장 (manager) reads 진단 통계 for small firms, downloads the XLSX and
 * opens the before/after comparison; 하이서울기업협회 (partner) invites one of its members and sees the
 * invitation listed as 발송; 시의회 전문위원 (viewer) reads the statistics, on a phone too.
 */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const skip = browserSkipReason();
if (skip) console.log(`e2e/diagnosis-staff skipped: ${skip}`);

describe.skipIf(!!skip)('staff diagnosis pages: statistics, before/after, invitations', () => {
  const e2e = setupE2E();

  it('박 팀장 filters the statistics by size class, downloads the XLSX and opens before/after', async () => {
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: 'DX 진단' }).click();
    await page.getByRole('heading', { name: '진단 통계', level: 1 }).waitFor();
    await page.getByRole('heading', { name: '종합 점수 분포', level: 2 }).waitFor();

    // filter: small firms only (kept in the URL)
    await page.getByLabel('기업규모', { exact: true }).selectOption({ label: '소기업' });
    await page.getByRole('button', { name: '적용' }).click();
    await page.waitForURL((u) => u.searchParams.get('sizeClass') === 'small');
    const sizeTable = page.getByRole('table', { name: /^기업규모별 기업 수/ });
    await expect.poll(() => sizeTable.locator('tbody tr').count()).toBe(1);
    await sizeTable.getByRole('cell', { name: '소기업' }).waitFor();

    // charts (SVG) with their numbers as tables
    await page
      .getByRole('img', { name: /종합 점수 10점 구간별/ })
      .locator('svg')
      .waitFor();
    await page
      .getByRole('img', { name: /진단 영역별 평균 점수/ })
      .locator('svg')
      .waitFor();
    const districts = page.getByRole('table', { name: /^자치구별/ });
    expect(await districts.locator('tbody tr').count()).toBeGreaterThan(10);
    await page.getByRole('table', { name: 'T0 단계에서 T1 단계로 이동한 기업 수' }).waitFor();
    const firms = page.getByRole('list', { name: '진단 현황 요약' }).getByText(/^[\d,]+곳$/);
    expect(Number((await firms.first().textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);

    // sort the districts by mean score
    await districts.getByRole('button', { name: /^종합 점수 평균/ }).click();
    await expect
      .poll(() => districts.getByRole('columnheader', { name: /종합 점수 평균/ }).getAttribute('aria-sort'))
      .toMatch(/ascending|descending/);
    await expectAxeClean(page, 'diagnosis analytics (manager, small firms)');
    await e2e().screenshot(page, 'diagnosis-staff-1-analytics');

    // the XLSX with the current filter
    const [response, download] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/api/diagnosis/analytics') && r.url().includes('format=xlsx'),
      ),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'XLSX 내려받기' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.url()).toContain('sizeClass=small');
    expect(response.headers()['content-type']).toContain('spreadsheetml');
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip (XLSX)
    await page.getByText(/\.xlsx 파일을 내려받았습니다\./).waitFor();

    // before/after from the sub-navigation
    await page
      .getByRole('navigation', { name: 'DX 진단 관리 메뉴' })
      .getByRole('link', { name: '지원 전후 비교' })
      .click();
    await page.getByRole('heading', { name: '지원 전후 비교', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /^지원 기업의 지원 전후 진단 점수/ });
    await table.waitFor();
    const reassessed = page.getByRole('list', { name: '지원 전후 비교 요약' }).locator('li').nth(1);
    expect(Number((await reassessed.locator('strong').textContent())?.replace(/\D/g, ''))).toBeGreaterThan(0);
    // a re-assessed firm's T1 score links to its diagnosis
    await expect
      .poll(() => table.getByRole('link', { name: /T1 진단 결과 보기/ }).count())
      .toBeGreaterThan(0);
    await expect.poll(() => table.getByText(/[▲▼]/).count()).toBeGreaterThan(0);
    const [baXlsx] = await Promise.all([
      page.waitForResponse(
        (r) => r.url().includes('/api/diagnosis/before-after') && r.url().includes('format=xlsx'),
      ),
      page.getByRole('button', { name: 'XLSX 내려받기' }).click(),
    ]);
    expect(baXlsx.status()).toBe(200);
    expect(baXlsx.headers()['content-type']).toContain('spreadsheetml');
    await expectAxeClean(page, 'before/after (manager)');
    await e2e().screenshot(page, 'diagnosis-staff-2-before-after');
  });

  it('하이서울기업협회 invites one of its members and sees the invitation as sent', async () => {
    const page = await e2e().page();
    await signIn(page, 'partner@demo.itda.kr');
    // one of the association's members (the partner's company list holds only its members)
    const res = await page.request.get('/api/companies?pageSize=1&sort=name');
    const member = ((await res.json()) as { items: { name: string }[] }).items[0];
    expect(member).toBeTruthy();

    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '진단 초대' }).click();
    await page.getByRole('heading', { name: '진단 초대', level: 1 }).waitFor();
    await expectAxeClean(page, 'invitations (partner)');

    await page.getByLabel('초대할 기업 찾기').fill(member.name);
    await page.getByRole('button', { name: '검색', exact: true }).click();
    const pick = page.getByRole('checkbox', { name: new RegExp(`^${escapeRe(member.name)} \\(`) }).first();
    await pick.focus();
    await page.keyboard.press('Space');
    expect(await pick.isChecked()).toBe(true);
    await page.getByText('고른 기업 1곳').waitFor();
    await page.getByLabel(/^안내 문구/).fill('회원사 DX 수준진단에 참여해 주세요.');
    await page.getByRole('button', { name: '초대 보내기' }).click();

    await page.getByText('초대 1건을 만들었습니다.').waitFor();
    await page.getByText(/초대 링크는 지금 한 번만 보여 드립니다/).waitFor();
    const link = page.getByRole('textbox', { name: `${member.name} 초대 링크` });
    expect(await link.inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/diagnosis\/start\?invite=/);
    await page.getByRole('button', { name: `${member.name} 초대 링크 복사` }).waitFor();

    const list = page.getByRole('table', { name: /^진단 초대 목록/ });
    const row = list.getByRole('row').filter({ hasText: member.name });
    await row.getByText('발송', { exact: true }).waitFor();
    await page
      .getByRole('list', { name: '초대 진행 현황' })
      .getByText('보낸 초대', { exact: true })
      .waitFor();
    await expectAxeClean(page, 'invitations (partner, after creating one)');
    await e2e().screenshot(page, 'diagnosis-staff-3-invitations');

    // the status filter keeps it under 발송
    await page.getByLabel('상태', { exact: true }).selectOption({ label: '발송' });
    await page.waitForURL((u) => u.searchParams.get('status') === 'sent');
    await row.waitFor();
  });

  it('시의회 전문위원 reads the statistics (aggregates only), on a phone too', async () => {
    const page = await e2e().page();
    await signIn(page, 'viewer@demo.itda.kr');
    await page.goto('/staff/diagnosis');
    await page.getByRole('heading', { name: '진단 통계', level: 1 }).waitFor();
    await page.getByRole('table', { name: /^자치구별/ }).waitFor();
    // aggregates only: no firm-level before/after, no invitations
    expect(await page.getByRole('link', { name: '지원 전후 비교' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: '진단 초대' }).count()).toBe(0);

    const phone = await e2e().page({ mobile: true });
    await signIn(phone, 'viewer@demo.itda.kr');
    await phone.goto('/staff/diagnosis?district=gangnam');
    await phone.getByRole('heading', { name: '진단 통계', level: 1 }).waitFor();
    await phone.getByRole('heading', { name: '영역별 평균 점수', level: 2 }).waitFor();
    expect(await phone.getByLabel('자치구', { exact: true }).inputValue()).toBe('gangnam');
    await expectAxeClean(phone, 'diagnosis analytics (viewer, phone)');
    await e2e().screenshot(phone, 'diagnosis-staff-4-analytics-phone');
    // nothing wider than the screen
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });
});
