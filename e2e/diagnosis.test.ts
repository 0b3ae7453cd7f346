import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, isFocused, setupE2E, signIn, tabTo } from './harness';

/**
 * DX diagnosis: 김 대표 (SME owner of 디지털존) opens DX 진단 from the main menu, starts, answers two
 * areas, reloads and resumes where she left off, answers the rest (one question by keyboard only),
 * submits and reads her result (score, stage, radar chart, recommendations), then downloads the PDF
 * report and finds her firm's name and score in it; 박 팀장 (manager) opens the same result read-only.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/diagnosis skipped: ${skip}`);

const FIRM = '디지털존';
const START = /^(진단 시작하기|이어서 하기|다시 진단하기)$/;

/** Answers every unanswered question of the step on screen (a middle option, a couple of checks), by mouse. */
async function answerStep(page: Page) {
  const questions = page.locator('.dx-question');
  const n = await questions.count();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    if (await q.locator('input:checked').count()) continue;
    // KRDS draws the control over its label: click the label, as a person does
    const labels = q.locator('.krds-form-check > label');
    const r = await q.getByRole('radio').count();
    if (r) {
      await labels.nth(Math.min(2, r - 1)).click();
      continue;
    }
    await labels.nth(0).click();
    if ((await labels.count()) > 5) await labels.nth(3).click();
  }
}

/** Text of a PDF by poppler's pdftotext (poppler-utils); undefined when pdftotext is not installed. */
function pdfText(pdf: Buffer): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'itda-e2e-report-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      console.warn(
        'e2e/diagnosis: pdftotext not found (apt-get install poppler-utils): PDF text not checked',
      );
      return undefined;
    }
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const savedStatus = (page: Page) => page.getByRole('status').filter({ hasText: /^저장됨 \d{2}:\d{2}$/ });

describe.skipIf(!!skip)('DX diagnosis: take it, resume, result, report, staff view', () => {
  const e2e = setupE2E();
  let resultPath = '';
  let overallText = '';
  let draftPath = '';

  it('김 대표 takes the diagnosis, resumes after a reload, submits and downloads the report', async () => {
    const page = await e2e().page();
    await signIn(page, 'sme@demo.itda.kr');

    // from the main menu
    await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: 'DX 진단' }).click();
    await page.getByRole('heading', { name: 'DX 수준진단', level: 1 }).waitFor();
    await page.getByText('15분, 6개 영역').waitFor();
    await page.getByRole('heading', { name: '우리 기업 진단 기록' }).waitFor();
    await expectAxeClean(page, 'diagnosis home');
    await e2e().screenshot(page, 'diagnosis-1-home');

    await page.getByRole('button', { name: START }).click();
    await page.waitForURL('**/diagnoses/*');
    await page.getByRole('heading', { name: '중소기업 DX 수준진단', level: 1 }).waitFor();
    const progress = page.getByRole('progressbar', { name: '진행률' });
    expect(await progress.getAttribute('aria-valuenow')).toBe('0');
    const total = Number(await progress.getAttribute('aria-valuemax'));
    expect(total).toBeGreaterThanOrEqual(24);
    await page.getByRole('heading', { name: /^1\/6 디지털 전략$/, level: 2 }).waitFor();
    await expectAxeClean(page, 'questionnaire (empty)');

    // step 1 and step 2 by mouse
    await answerStep(page);
    await savedStatus(page).waitFor();
    await e2e().screenshot(page, 'diagnosis-2-step1');
    await page.getByRole('button', { name: '다음', exact: true }).click();
    await page.getByRole('heading', { name: /^2\/6 / }).waitFor();
    await answerStep(page);
    await savedStatus(page).waitFor();
    const answered = await progress.getAttribute('aria-valuenow');
    expect(Number(answered)).toBeGreaterThanOrEqual(8);
    const step2 = await page.locator('.dx-question input:checked').count();

    // leave and come back: the answers are kept and she resumes at the first unanswered area
    await page.reload();
    await page.getByRole('heading', { name: /^3\/6 / }).waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe(answered);
    await page.getByRole('button', { name: '이전', exact: true }).click();
    await page.getByRole('heading', { name: /^2\/6 / }).waitFor();
    expect(await page.locator('.dx-question input:checked').count()).toBe(step2);
    await page.getByRole('button', { name: '다음', exact: true }).click();
    await page.getByRole('heading', { name: /^3\/6 / }).waitFor();

    // the first radio group of step 3 by keyboard only: Tab into it, arrow to the second option
    const first = page.locator('.dx-question').first();
    const radios = first.getByRole('radio');
    await tabTo(page, radios.first(), { max: 20 });
    await page.keyboard.press('ArrowDown');
    expect(await isFocused(radios.nth(1))).toBe(true);
    expect(await radios.nth(1).isChecked()).toBe(true);
    await answerStep(page);

    // the submit step lists what is missing, as links to the questions
    await page.getByRole('button', { name: '다음', exact: true }).click();
    await page.getByRole('heading', { name: /^4\/6 / }).waitFor();
    for (const s of [5, 6]) {
      await answerStep(page);
      await page.getByRole('button', { name: '다음', exact: true }).click();
      await page.getByRole('heading', { name: new RegExp(`^${s}/6 `) }).waitFor();
    }
    await page.getByRole('button', { name: '확인 및 제출로' }).click();
    await page.getByRole('heading', { name: '확인 및 제출', level: 2 }).waitFor();
    await page.getByText(/^답하지 않은 필수 문항이 \d+개 있습니다$/).waitFor();
    await page.locator('.dx-missing a').first().click();
    await page.getByRole('heading', { name: /^6\/6 / }).waitFor();
    await answerStep(page);
    await page.getByRole('button', { name: '확인 및 제출로' }).click();
    await page.getByText('모든 필수 문항에 답했습니다.', { exact: false }).waitFor();
    await savedStatus(page).waitFor();
    expect(await progress.getAttribute('aria-valuenow')).toBe(String(total));
    await expectAxeClean(page, 'questionnaire (ready to submit)');
    await e2e().screenshot(page, 'diagnosis-3-submit');

    // submit: the result replaces the questionnaire
    await page.getByRole('button', { name: '제출하고 결과 보기' }).click();
    await page.getByRole('heading', { name: /^진단 결과 T\d+$/, level: 1 }).waitFor();
    resultPath = new URL(page.url()).pathname;
    overallText = ((await page.getByTestId('dx-overall').textContent()) ?? '').trim();
    expect(overallText).toMatch(/^\d{1,3}\.\d점$/);
    expect(((await page.getByTestId('dx-stage').textContent()) ?? '').trim()).toMatch(
      /^[1-5]단계 (미착수|초기|도입|확산|고도화)$/,
    );
    await page.getByRole('img', { name: /영역별 점수 방사형 차트/ }).waitFor();
    await page.locator('.app-chart__canvas svg').first().waitFor();
    const table = page.getByRole('table', { name: /영역별 점수와 비교 그룹/ });
    expect(await table.getByRole('row').count()).toBe(7);
    await page.getByText(/기업 \d+곳과 비교했습니다/).waitFor();
    await page.getByRole('heading', { name: '추천 지원사업' }).waitFor();
    await page.locator('#dx-recommendations .app-card, #dx-recommendations .app-alert').first().waitFor();
    await expectAxeClean(page, 'result (desktop)');
    await e2e().screenshot(page, 'diagnosis-4-result');

    // the PDF report, with her session's cookies
    const href = await page.getByRole('link', { name: 'PDF 보고서 내려받기' }).getAttribute('href');
    expect(href).toMatch(/\/report\.pdf\?lang=ko$/);
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    const pdf = Buffer.from(await res.body());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    if (text !== undefined) {
      expect(text).toContain(FIRM);
      expect(text).toContain(overallText.replace('점', ''));
    }

    // the home page now lists this result in the timeline
    await page.getByRole('link', { name: 'DX 진단 홈으로' }).click();
    await page.getByRole('heading', { name: 'DX 수준진단', level: 1 }).waitFor();
    await page.getByRole('row').filter({ hasText: overallText }).first().waitFor();
  });

  it('an invitation link on a phone: she signs in, a new diagnosis starts; her result reads well', async () => {
    expect(resultPath).not.toBe('');
    const phone = await e2e().page({ mobile: true });
    await phone.goto('/diagnosis/start?invite=e2e-invitation-0000000001');
    await phone.getByRole('heading', { name: 'DX 수준진단 초대', level: 1 }).waitFor();
    await expectAxeClean(phone, 'invitation landing (signed out, mobile)');
    await e2e().screenshot(phone, 'diagnosis-5-invite-mobile');
    await phone.getByRole('link', { name: '로그인하고 진단하기' }).click();
    await phone.waitForURL('**/login?next=*');
    await phone.getByLabel(/^이메일/).fill('sme@demo.itda.kr');
    await phone.getByLabel(/^비밀번호/).fill('itda-demo-2021!');
    await phone.getByRole('button', { name: '로그인', exact: true }).click();
    // back on the invitation, the diagnosis starts by itself and opens
    await phone.waitForURL('**/diagnoses/*');
    await phone.getByRole('heading', { name: '중소기업 DX 수준진단', level: 1 }).waitFor();
    draftPath = new URL(phone.url()).pathname;
    expect(draftPath).not.toBe(resultPath);
    expect(await phone.getByRole('progressbar', { name: '진행률' }).getAttribute('aria-valuenow')).toBe('0');
    await expectAxeClean(phone, 'questionnaire (mobile)');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await e2e().screenshot(phone, 'diagnosis-6-questionnaire-mobile');

    await phone.goto(resultPath);
    await phone.getByRole('heading', { name: /^진단 결과 T\d+$/, level: 1 }).waitFor();
    await phone.getByTestId('dx-overall').getByText(overallText).waitFor();
    await phone.locator('.app-chart__canvas svg').first().waitFor();
    // a draft is under way now: the result offers to continue it
    await phone.getByRole('button', { name: '이어서 하기' }).waitFor();
    await expectAxeClean(phone, 'result (mobile)');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await e2e().screenshot(phone, 'diagnosis-7-result-mobile');

    // her home on the phone: the timeline and the draft to continue
    await phone.getByRole('link', { name: 'DX 진단 홈으로' }).click();
    await phone.getByRole('heading', { name: 'DX 수준진단', level: 1 }).waitFor();
    await phone.getByRole('button', { name: '이어서 하기' }).waitFor();
    await phone.getByRole('link', { name: '작성 중 이어서 하기' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await e2e().screenshot(phone, 'diagnosis-8-home-mobile');
  });

  it('박 팀장 opens the result read-only, with the answers as XLSX', async () => {
    expect(resultPath).not.toBe('');
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.goto(resultPath);
    await page.getByRole('heading', { name: /^진단 결과 T\d+$/, level: 1 }).waitFor();
    await page.getByTestId('dx-overall').getByText(overallText).waitFor();
    await page.getByRole('button', { name: '응답 XLSX' }).waitFor();
    expect(await page.getByRole('button', { name: /다시 진단하기|제출하고 결과 보기/ }).count()).toBe(0);
    expect(await page.locator('.dx-question').count()).toBe(0);
    await expectAxeClean(page, 'result (staff)');
    await e2e().screenshot(page, 'diagnosis-9-staff-result', { fullPage: false });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '응답 XLSX' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

    // the draft she started from the invitation: progress only, no answers to edit
    expect(draftPath).not.toBe('');
    await page.goto(draftPath);
    await page.getByRole('heading', { name: '작성 중인 진단', level: 1 }).waitFor();
    await page.getByRole('progressbar', { name: '진행률' }).waitFor();
    expect(await page.locator('.dx-question').count()).toBe(0);
    await expectAxeClean(page, 'draft (staff)');
    await e2e().screenshot(page, 'diagnosis-9-staff-draft');
  });
});
