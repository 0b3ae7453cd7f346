import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, isFocused, setupE2E, signIn } from './harness';

/**
 * 진단 도구 and 추천 규칙 (staff): 박 팀장 drafts version 2 of the instrument from the latest one, edits a
 * question, saves, trips a validation error, publishes the version (now current and read-only); then
 * adds a recommendation rule with a dimension condition, sees it in plain Korean and switches it off.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/diagnosis-admin skipped: ${skip}`);

const NEW_TEXT = '우리 회사의 디지털 전환 목표와 방향이 문서로 정리되어 있습니까?';

describe.skipIf(!!skip)('staff: instrument editor and recommendation rules', () => {
  const e2e = setupE2E({ firms: 200 });

  it('박 팀장 drafts, edits, saves, publishes an instrument version', async () => {
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.goto('/staff/diagnosis/instruments');
    await page.getByRole('heading', { name: '진단 도구', level: 1 }).waitFor();
    const versions = page.getByRole('table', { name: /진단 도구 버전 목록/ });
    const v1 = versions.getByRole('row').filter({ has: page.getByRole('link', { name: '버전 1' }) });
    await v1.getByText('게시됨').waitFor();
    await v1.getByText('현재 사용 중').waitFor();
    await expectAxeClean(page, 'instrument versions');
    await e2e().screenshot(page, 'diagnosis-admin-1-versions');

    await page.getByRole('button', { name: '최근 버전에서 새 버전 초안 만들기' }).click();
    await page.getByRole('heading', { name: '진단 도구 버전 2', level: 1 }).waitFor();
    await page.getByText('버전 2 초안을 만들었습니다.', { exact: false }).waitFor();
    await page.getByText('초안', { exact: true }).first().waitFor();

    // open the first dimension's questions and change the first question's Korean wording
    await page.getByRole('button', { name: '디지털 전략 편집' }).click();
    const question = page.getByRole('group', { name: /^디지털 전략 문항 1/ });
    const text = question.getByLabel(/^질문 \(한국어\)/);
    await text.fill(NEW_TEXT);
    await page.getByText('저장하지 않은 변경 내용이 있습니다.').waitFor();
    // leaving with unsaved changes asks first
    await page
      .getByRole('navigation', { name: 'DX 진단 관리 메뉴' })
      .getByRole('link', { name: '추천 규칙' })
      .click();
    const leave = page.getByRole('dialog', { name: '저장하지 않은 변경 내용이 있습니다' });
    await leave.getByRole('button', { name: '계속 편집' }).click();
    await leave.waitFor({ state: 'hidden' });
    expect(new URL(page.url()).pathname).toMatch(/^\/staff\/diagnosis\/instruments\/[\w-]+$/);
    expect(await text.inputValue()).toBe(NEW_TEXT);
    await question.first().scrollIntoViewIfNeeded();
    await e2e().screenshot(page, 'diagnosis-admin-2-editor', { fullPage: false });

    // reorder by keyboard: question 2 moves up and back down
    const up = page.getByRole('button', { name: '디지털 전략 문항 2 위로' });
    await up.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('group', { name: /^디지털 전략 문항 2 · / }).textContent())
      .toContain(NEW_TEXT);
    // focus moved to the moved question's heading; move the other one back up
    await expect
      .poll(() =>
        isFocused(page.getByRole('heading', { name: /^디지털 전략 문항 1 · 디지털 전환을 위한 예산/ })),
      )
      .toBe(true);
    await page.getByRole('button', { name: '디지털 전략 문항 2 위로' }).click();
    await expect.poll(() => question.getByLabel(/^질문 \(한국어\)/).inputValue()).toBe(NEW_TEXT);

    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText(/^저장됨 /).waitFor();

    // an empty required wording is refused by the server and shown on the field
    await text.fill('');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('저장하지 못했습니다').waitFor();
    await expect.poll(() => text.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(text)).toBe(true);
    expect(await question.locator('.form-hint-invalid').count()).toBeGreaterThan(0);
    await expectAxeClean(page, 'instrument editor (errors)');
    await e2e().screenshot(page, 'diagnosis-admin-3-errors', { fullPage: false });

    await text.fill(NEW_TEXT);
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText(/^저장됨 /).waitFor();
    expect(await text.getAttribute('aria-invalid')).toBeNull();

    // someone else saves meanwhile: the stale save is refused and the page offers to reload
    const id = new URL(page.url()).pathname.split('/').pop();
    const { csrfToken } = await (await page.request.get('/api/auth/me')).json();
    const current = await (await page.request.get(`/api/diagnosis/instruments/${id}`)).json();
    current.content.title.en = 'SME digital maturity self-assessment (rev.)';
    const put = await page.request.put(`/api/diagnosis/instruments/${id}`, {
      data: { content: current.content, revision: current.revision },
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(put.status()).toBe(200);
    await text.fill(`${NEW_TEXT} (수정)`);
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('그사이 다른 사람이 이 초안을 먼저 저장했습니다.', { exact: false }).waitFor();
    await page.getByRole('button', { name: '최신 내용 다시 불러오기' }).click();
    await page.getByText('변경 내용이 없습니다.').waitFor();
    expect(await page.getByLabel(/^진단 도구 이름 \(영어\)/).inputValue()).toBe(
      'SME digital maturity self-assessment (rev.)',
    );

    // publish, with the confirmation
    await page.getByRole('button', { name: '게시', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /버전 2\)을 게시할까요/ });
    await dialog.getByText('게시한 버전은 더는 고치거나 삭제할 수 없습니다.').waitFor();
    await dialog.getByRole('button', { name: '게시하기' }).click();
    await page.getByText('버전 2 게시를 마쳤습니다.', { exact: false }).waitFor();
    await page.getByText('게시된 버전은 바꿀 수 없습니다').waitFor();
    await page.getByText('현재 사용 중').first().waitFor();
    await page.getByText(NEW_TEXT).waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
    await page.getByRole('button', { name: '이 버전으로 다음 버전 초안 만들기' }).waitFor();
    await expectAxeClean(page, 'published version (read-only)');
    await e2e().screenshot(page, 'diagnosis-admin-4-published', { fullPage: false });

    await page.goto('/staff/diagnosis/instruments');
    const v2 = versions.getByRole('row').filter({ has: page.getByRole('link', { name: '버전 2' }) });
    await v2.getByText('현재 사용 중').waitFor();
    expect(await versions.getByText('현재 사용 중').count()).toBe(1);
  });

  it('박 팀장 adds a recommendation rule with a dimension condition and switches it off', async () => {
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.goto('/staff/diagnosis/rules');
    await page.getByRole('heading', { name: '추천 규칙', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: /추천 규칙 \d+개/ });
    await table.waitFor();
    console.log(await table.ariaSnapshot());
    await table.getByRole('cell', { name: '데이터 관리 ≥ 60 그리고 자동화·AI < 40', exact: true }).waitFor();
    await table.getByRole('cell', { name: '단계 ≤ 2', exact: true }).first().waitFor();
    await expectAxeClean(page, 'rules');

    await page.getByRole('button', { name: '규칙 추가' }).click();
    const dialog = page.getByRole('dialog', { name: '추천 규칙 추가' });
    await dialog.getByLabel(/^추천할 사업/).selectOption('VCH');
    const cond = dialog.getByRole('group', { name: '조건 1' });
    await cond.getByLabel(/^대상/).selectOption('dimension');
    await cond.getByLabel(/^영역/).selectOption({ label: '자동화·AI' });
    await cond.getByLabel(/^비교/).selectOption('gte');
    await cond.getByLabel(/^값/).fill('40');
    await dialog
      .getByLabel(/^추천 이유 \(한국어\)/)
      .fill('자동화·AI 활용을 시작한 기업입니다. 바우처로 AI 솔루션 도입을 넓혀 보세요.');
    await dialog
      .getByLabel(/^추천 이유 \(영어\)/)
      .fill('You have started with automation and AI: widen it with an AI solution voucher.');
    await dialog.getByLabel(/^우선순위/).fill('50');
    await expectAxeClean(page, 'rule dialog');
    await e2e().screenshot(page, 'diagnosis-admin-5-rule-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: '저장' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('AI 솔루션 도입 바우처 추천 규칙을 추가했습니다.').waitFor();

    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: '자동화·AI ≥ 40', exact: true }) });
    await row.getByRole('cell', { name: 'AI 솔루션 도입 바우처 (VCH)', exact: true }).waitFor();
    const toggle = row.getByRole('switch');
    expect(await toggle.isChecked()).toBe(true);
    await toggle.focus();
    await page.keyboard.press('Space');
    await page.getByText('AI 솔루션 도입 바우처 추천 규칙을 사용하지 않습니다.').waitFor();
    await page.reload();
    await table.getByRole('cell', { name: '자동화·AI ≥ 40', exact: true }).waitFor();
    expect(
      await table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: '자동화·AI ≥ 40', exact: true }) })
        .getByRole('switch')
        .isChecked(),
    ).toBe(false);
    await e2e().screenshot(page, 'diagnosis-admin-6-rules');
  });
});
