import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, isFocused, setupE2E, signIn, tabTo, tinyPdf } from './harness';

/**
 * Calls and applications: an anonymous visitor browses the calls; 김 대표 (SME owner) checks her
 * eligibility, fills the open DX consulting call's form (one section by keyboard only), uploads her
 * business registration certificate and submits; 박 팀장 (SBA manager) sees the application on the
 * staff call page with the competition ratio.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/calls-apply skipped: ${skip}`);

const YEAR = new Date().getFullYear();
const DX_CALL = `${YEAR}년 DX 역량강화 컨설팅 지원사업 참여기업 모집`;
const AI_2021 = '2021년 AI 활용 사업혁신 지원사업 수요기업 모집';
const RECEIPT = /\d{4}-DXC-\d{4}/;

describe.skipIf(!!skip)('calls: browse, apply, and the staff view', () => {
  const e2e = setupE2E();
  // set by the application test, read by the staff test
  let receiptNo = '';
  let callId = '';

  it('an anonymous visitor browses the calls and opens the open DX consulting call', async () => {
    const page = await e2e().page();
    await page.goto('/calls');
    await page.getByRole('heading', { name: '사업 공고', level: 1 }).waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: DX_CALL }) });
    await card.getByText('접수중', { exact: true }).waitFor();
    await expect.poll(() => card.getByText(/^마감까지 \d+일 \d+시간$/).count()).toBe(1);
    const ai = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: AI_2021 }) });
    await ai.getByText('13.4:1 (67개사 신청)', { exact: true }).waitFor();
    await expectAxeClean(page, 'call list (anonymous)');
    await e2e().screenshot(page, 'calls-1-list');

    await card.getByRole('link', { name: DX_CALL }).click();
    await page.getByRole('heading', { name: DX_CALL, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/calls\/[\w-]+$/);
    await page.getByText(/^마감까지 \d+일 \d+시간$/).waitFor();
    await page.getByText('로그인하면 신청할 수 있습니다').waitFor();
    await page.getByText('0.0:1 (0개사 신청)').waitFor();
    await page.getByRole('heading', { name: '신청 자격' }).waitFor();
    await page.getByText('본사 또는 사업장이 서울특별시에 있는 기업').waitFor();
    await expectAxeClean(page, 'call detail (anonymous)');
  });

  it('김 대표 checks eligibility, fills the form (partly by keyboard), uploads and submits', async () => {
    const page = await e2e().page();
    await signIn(page, 'sme@demo.itda.kr');
    await page.goto('/calls');
    await page.getByRole('link', { name: DX_CALL }).click();
    await page.getByRole('heading', { name: DX_CALL, level: 1 }).waitFor();
    callId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // eligibility with the reasons, one line per rule
    const apply = page.getByRole('region', { name: '신청하기' });
    await apply.getByText('신청 자격을 충족합니다.').waitFor();
    const checks = apply.locator('.app-check-list li');
    expect(await checks.count()).toBe(2);
    expect(await checks.allInnerTexts()).toEqual([
      expect.stringContaining('서울 소재 기업입니다.'),
      expect.stringMatching(/대상 규모입니다\.$/),
    ]);
    expect(await apply.getByText('충족:').count()).toBe(2);
    expect(await apply.getByText('미충족:').count()).toBe(0);
    await expectAxeClean(page, 'call detail (eligible SME)');
    await e2e().screenshot(page, 'calls-2-eligible');

    await apply.getByRole('button', { name: '신청하기' }).click();
    await page.waitForURL('**/applications/*');
    await page.getByRole('heading', { name: DX_CALL, level: 1 }).waitFor();
    await page.getByText('작성 중', { exact: true }).first().waitFor();
    // company fields come from her company record, read-only
    expect(await page.getByLabel(/^기업명/).inputValue()).not.toBe('');
    expect(await page.getByLabel(/^기업명/).getAttribute('readonly')).not.toBeNull();
    await expectAxeClean(page, 'application form (empty)');

    // submitting the empty form marks every missing required field
    await page.getByRole('button', { name: '제출하기' }).click();
    await page.getByText('제출하지 못했습니다.').waitFor();
    await page.getByText(/표시된 \d+개 항목을 확인해 주세요\./).waitFor();
    const name = page.getByLabel(/^담당자 성명/);
    await expect.poll(() => name.getAttribute('aria-invalid')).toBe('true');
    // focus moves to the first field in error
    await expect.poll(() => isFocused(name)).toBe(true);
    expect(await page.getByLabel(/^사업자등록증/).getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(page, 'application form (errors)');
    await e2e().screenshot(page, 'calls-3-form-errors');

    // 기업 정보: by mouse
    await name.fill('김은정');
    await page.getByLabel(/^담당자 연락처/).fill('02-2000-1234');

    // DX 추진 계획: by keyboard only
    const process = page.getByRole('radio', { name: '업무 프로세스 시스템화' });
    const data = page.getByRole('radio', { name: '데이터 기반 마케팅/판매' });
    await tabTo(page, process);
    await page.keyboard.press('ArrowDown');
    expect(await isFocused(data)).toBe(true);
    expect(await data.isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    const problem = page.getByLabel(/^해결하려는 문제/);
    expect(await isFocused(problem)).toBe(true);
    await page.keyboard.type('고객·판매 데이터가 엑셀에 흩어져 있어 재고와 영업 계획을 세우기 어렵습니다.');
    await page.getByText(/^\d+ \/ 2000자$/).waitFor();
    const budget = page.getByLabel(/^희망 지원금액\(원\)/);
    await tabTo(page, budget, { max: 5 });
    await page.keyboard.type('30000000');
    expect(await budget.inputValue()).toBe('30,000,000');

    // 사업자등록증: a small PDF
    const dir = mkdtempSync(join(tmpdir(), 'itda-e2e-pdf-'));
    const pdf = join(dir, '사업자등록증.pdf');
    writeFileSync(pdf, tinyPdf());
    await page.getByLabel(/^사업자등록증/).setInputFiles(pdf);
    const attached = page.getByRole('list', { name: '사업자등록증 첨부 파일' });
    await attached.getByText('사업자등록증.pdf').waitFor();
    await page.getByRole('button', { name: '사업자등록증.pdf 삭제' }).waitFor();
    await page.getByText(/^저장됨 \d{2}:\d{2}$/).waitFor();
    await expectAxeClean(page, 'application form (filled)');
    await e2e().screenshot(page, 'calls-4-form-filled');

    await page.getByRole('button', { name: '제출하기' }).click();
    const confirm = page.getByRole('dialog', { name: '신청서를 제출할까요?' });
    await confirm.getByRole('button', { name: '최종 제출' }).click();
    const receipt = page.getByRole('status').filter({ hasText: '신청서가 접수되었습니다. 접수번호' });
    await receipt.waitFor();
    receiptNo = ((await receipt.locator('.app-receipt__no').textContent()) ?? '').trim();
    expect(receiptNo).toMatch(RECEIPT);
    expect(receiptNo.startsWith(`${YEAR}-DXC-`)).toBe(true);
    await receipt.getByText(/^접수 일시: .*\d/).waitFor();
    await page.getByText('접수 완료', { exact: true }).first().waitFor();
    await expectAxeClean(page, 'application (submitted)');
    await e2e().screenshot(page, 'calls-5-receipt');

    // after a reload the application shows the receipt and her answers, no longer editable
    await page.reload();
    await page.locator('.app-receipt__no', { hasText: receiptNo }).waitFor();
    await page.getByRole('heading', { name: '신청 내용' }).waitFor();
    await page.getByText('데이터 기반 마케팅/판매').waitFor();
    expect(await page.getByRole('button', { name: '제출하기' }).count()).toBe(0);

    await page.getByRole('link', { name: '← 내 신청' }).click();
    await page.getByRole('heading', { name: '내 신청', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: DX_CALL }) });
    await row.getByText(receiptNo, { exact: true }).waitFor();
    await row.getByText('접수 완료', { exact: true }).waitFor();
    await expectAxeClean(page, 'my applications');
  });

  it('박 팀장 sees the application and the competition ratio on the staff call page', async () => {
    expect(receiptNo).toMatch(RECEIPT);
    expect(callId).not.toBe('');
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.goto(`/staff/calls/${callId}`);
    await page.getByRole('heading', { name: DX_CALL, level: 1 }).waitFor();
    const counts = page.getByRole('region', { name: '접수 현황' });
    const ratio = counts.locator('dl > div').filter({ has: page.getByText('경쟁률', { exact: true }) });
    await ratio.getByText('0.1:1', { exact: true }).waitFor();
    const capacity = counts.locator('dl > div').filter({ has: page.getByText('선정 규모', { exact: true }) });
    await capacity.getByText('10개사', { exact: true }).waitFor();
    const submitted = counts
      .locator('dl > div')
      .filter({ has: page.getByText('접수 완료', { exact: true }) });
    await submitted.getByText('1', { exact: true }).waitFor();
    const row = page.getByRole('row').filter({ hasText: receiptNo });
    await row.getByText('접수 완료', { exact: true }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: RECEIPT }).count()).toBe(1);
    await expectAxeClean(page, 'staff call page');
    await e2e().screenshot(page, 'calls-6-staff');

    // the row opens the application for review
    await row.getByRole('link').first().click();
    await page.waitForURL('**/staff/applications/*');
    await page.getByText(receiptNo).first().waitFor();
    await expectAxeClean(page, 'staff application review');

    // the review outcome is the reviewer's choice: none is preselected, and none is assumed
    const outcome = page.getByRole('group', { name: /^처리/ });
    expect(await outcome.getByRole('radio', { checked: true }).count()).toBe(0);
    await page.getByRole('button', { name: '처리하기' }).click();
    await outcome.getByText('처리할 상태를 고르세요.').waitFor();
    expect(await page.getByText('처리했습니다.').count()).toBe(0);
    await expectAxeClean(page, 'staff application review (no outcome chosen)');
  });
});
