import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, isFocused, setupE2E, signIn } from './harness';

/**
 * 박 팀장 (SBA manager) creates a call with the editor: program, schedule in KST, amounts in KRW, an
 * eligibility rule, an attachment and a two-field application form built (and reordered by keyboard) with
 * its live preview; saves it as a draft, previews it, publishes it. An anonymous visitor then finds it in
 * the public list and downloads the attachment. axe checks the editor on desktop and mobile.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/call-editor skipped: ${skip}`);

const KST = 9 * 3600_000;
const kst = (ms: number) => new Date(ms + KST).toISOString().slice(0, 16);
const TITLE = `${new Date(Date.now() + KST).getUTCFullYear()}년 AI 도입 시범사업 참여기업 모집 (에디터 시험)`;
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe.skipIf(!!skip)('call editor: create, preview, publish, download', () => {
  const e2e = setupE2E({ firms: 200 });
  let callId = '';

  it('박 팀장 builds a call with its form, sees server errors by the fields, saves, previews and publishes', async () => {
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.goto('/staff/calls');
    await page.getByRole('link', { name: '공고 등록' }).click();
    await page.getByRole('heading', { name: '공고 등록', level: 1 }).waitFor();

    // saving an empty call: the server's errors appear next to the fields, focus on the first one
    await page.getByRole('button', { name: '임시 저장' }).click();
    await page.locator('#call-title-error').waitFor();
    expect(await page.locator('#call-program').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => isFocused(page.locator('#call-program'))).toBe(true);

    // basics: 13 programs grouped by module
    expect(await page.locator('#call-program option:not([value=""])').count()).toBe(13);
    const dxc = await page.locator('#call-program option', { hasText: 'DXC' }).getAttribute('value');
    await page.locator('#call-program').selectOption(dxc ?? '');
    await page.locator('#call-title').fill(TITLE);
    await page.locator('#call-body').fill('## 지원 내용\n- AI 도입 컨설팅\n- 시범 적용 비용 지원');
    await page.locator('.ce-body__preview').getByRole('heading', { name: '지원 내용' }).waitFor();

    // schedule in KST, amounts in KRW
    await page.locator('#call-opensAt').fill(kst(Date.now() - 86_400_000));
    await page.locator('#call-closesAt').fill(kst(Date.now() + 30 * 86_400_000));
    await page.locator('#call-capacity').fill('5');
    await page.locator('#call-per-firm-cap').fill('40000000');
    expect(await page.locator('#call-per-firm-cap').inputValue()).toBe('40,000,000');
    await page.locator('#call-per-firm-cap-hint').getByText('40,000,000원').waitFor();
    await page.locator('#call-total-budget').fill('200,000,000');

    // eligibility: Seoul-located
    await page.locator('#rule-new-type').selectOption('seoulLocated');
    await page.getByRole('button', { name: '신청 자격 추가' }).click();
    await page.getByText('본사 또는 사업장이 서울특별시에 있는 기업').waitFor();

    // attachment
    await page.locator('#call-attachment').setInputFiles({
      name: '공고문.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await page.getByRole('list', { name: '첨부한 파일' }).getByText('공고문.pdf').waitFor();

    // form builder: a required short text and a single choice with two options
    const section = page.locator('.ce-section').first();
    await section.getByLabel('기본 정보에 추가할 항목 유형').selectOption('shortText');
    await section.getByRole('button', { name: '항목 추가' }).click();
    const q1 = section.getByLabel(/^질문\(한국어\)/).nth(0);
    await expect.poll(() => isFocused(q1)).toBe(true);
    await q1.fill('담당자 이름');
    await section.getByText('필수 항목', { exact: true }).first().click();
    expect(await section.getByRole('checkbox', { name: '필수 항목' }).first().isChecked()).toBe(true);
    await section.getByLabel('기본 정보에 추가할 항목 유형').selectOption('singleChoice');
    await section.getByRole('button', { name: '항목 추가' }).click();
    await section
      .getByLabel(/^질문\(한국어\)/)
      .nth(1)
      .fill('관심 분야');
    await section.getByLabel(/^보기 1\(한국어\)/).fill('AI 도입');
    await section.getByLabel(/^보기 2\(한국어\)/).fill('공정 자동화');

    // reorder by keyboard: up, focus follows, then back down
    await section.getByRole('button', { name: '관심 분야 위로 이동' }).focus();
    await page.keyboard.press('Enter');
    await section.getByRole('heading', { name: /^항목 1: 관심 분야/ }).waitFor();
    await expect
      .poll(() => isFocused(section.getByRole('button', { name: '관심 분야 아래로 이동' })))
      .toBe(true);
    await page.keyboard.press('Enter');
    await section.getByRole('heading', { name: /^항목 1: 담당자 이름/ }).waitFor();

    // the live preview uses the applicant's renderer
    const preview = page.locator('.ce-preview');
    await preview.getByRole('textbox', { name: /담당자 이름/ }).waitFor();
    await preview.getByText('AI 도입', { exact: true }).click();

    await expectAxeClean(page, 'call editor (desktop)');
    await e2e().screenshot(page, 'call-editor-1-desktop');

    await page.getByRole('button', { name: '임시 저장' }).click();
    // the editor's own URL (/staff/calls/new) matches [\w-]+ too: wait for the saved call's id
    await page.waitForURL(/\/staff\/calls\/[0-9a-f-]{36}$/);
    callId = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByText('공고를 작성 중 상태로 저장했습니다.').waitFor();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // staff preview of the draft: the public page, with a notice
    await page.getByRole('link', { name: '미리보기' }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByText('미리보기: 아직 공개되지 않은 공고입니다').waitFor();
    await page.getByRole('region', { name: '첨부파일' }).getByRole('link', { name: '공고문.pdf' }).waitFor();
    await page.getByText('40,000,000원').waitFor();
    await e2e().screenshot(page, 'call-editor-2-preview');
    await page.getByRole('link', { name: '공고 관리로 돌아가기' }).click();

    // publish through the lifecycle buttons
    await page.getByRole('button', { name: '접수예정으로 변경' }).click();
    const ask = page.getByRole('dialog', { name: '공고 상태를 바꿀까요?' });
    await ask.getByText('공고 상태를 접수예정으로 바꿉니다.').waitFor();
    await expectAxeClean(page, 'call status dialog');
    await ask.getByRole('button', { name: '바꾸기' }).click();
    await ask.waitFor({ state: 'hidden' });
    await page.getByText('공고 상태를 바꿨습니다.').waitFor();
    await page.locator('.app-page-header').getByText('접수중', { exact: true }).waitFor();
    await e2e().screenshot(page, 'call-editor-4-staff', { fullPage: false });
  });

  it('an anonymous visitor finds the published call and downloads its attachment; 김 대표 starts applying', async () => {
    expect(callId).not.toBe('');
    const page = await e2e().page();
    await page.goto('/calls');
    await page.getByRole('link', { name: TITLE }).click();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await page.getByText('본사 또는 사업장이 서울특별시에 있는 기업').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '공고문.pdf' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('공고문.pdf');
    expect(readFileSync(await download.path()).equals(PDF)).toBe(true);

    // 김 대표 starts an application: the form version now has one
    const sme = await e2e().page();
    await signIn(sme, 'sme@demo.itda.kr');
    const started = await sme.evaluate(async (id) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(`/api/calls/${id}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: '{}',
      });
      return { status: res.status, body: await res.text() };
    }, callId);
    expect(started.status, started.body).toBe(201);
  });

  it('on a phone: axe-clean editor, a form in use becomes v2, a stale save is a clear 409 with a reload', async () => {
    expect(callId).not.toBe('');
    const page = await e2e().page({ mobile: true });
    await signIn(page, 'manager@demo.itda.kr');
    await page.goto(`/staff/calls/${callId}/edit`);
    await page.getByRole('heading', { name: '공고 수정', level: 1 }).waitFor();
    expect(await page.locator('#call-per-firm-cap').inputValue()).toBe('40,000,000');
    await page.locator('.ce-preview').getByRole('radio', { name: '공정 자동화' }).waitFor();
    await expectAxeClean(page, 'call editor (mobile)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await e2e().screenshot(page, 'call-editor-3-mobile');

    // the form has an application: the editor says a change makes a new version, and saving does so
    await page.getByText('이 양식(v1)에는 이미 신청서가 있습니다').waitFor();
    await page
      .locator('.ce-section')
      .getByLabel(/^질문\(한국어\)/)
      .first()
      .fill('담당자 성명');
    await page.getByText('신청서가 있어 저장하면 새 양식 버전(v2)이 됩니다.').waitFor();
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('공고를 저장했습니다.').waitFor();
    const form = await page.evaluate(
      async (id) => (await (await fetch(`/api/calls/${id}`)).json()).form,
      callId,
    );
    expect(form.version).toBe(2);
    await page.getByRole('link', { name: '수정', exact: true }).click();
    await page.getByRole('heading', { name: '공고 수정', level: 1 }).waitFor();

    // someone else saves first: 409 → a clear message and a reload of the latest version
    await page.evaluate(async (id) => {
      const me = await (await fetch('/api/auth/me')).json();
      const call = await (await fetch(`/api/calls/${id}`)).json();
      await fetch(`/api/calls/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ capacity: 7, version: call.version }),
      });
    }, callId);
    await page.locator('#call-capacity').fill('6');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('다른 사용자가 먼저 이 공고를 수정했습니다').waitFor();
    await page.getByRole('button', { name: '최신 내용 불러오기' }).click();
    await expect.poll(() => page.locator('#call-capacity').inputValue()).toBe('7');
  });
});
