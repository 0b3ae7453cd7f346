import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserSkipReason, expectAxeClean, isFocused, setupE2E, signIn, tinyPdf } from './harness';

/**
 * What the application form promises is true: a field's error clears as soon as the field is valid,
 * an upload error shows at the file field with focus there, a confirmation comes before the final
 * submit, the receipt tells how the receipt number reaches the applicant (e-mail only where this
 * installation sends it) and the 접수증 prints on one A4 page without the app's chrome; the call page
 * offers "이어서 작성" for a draft.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/application-form skipped: ${skip}`);

const YEAR = new Date().getFullYear();
const DX_CALL = `${YEAR}년 DX 역량강화 컨설팅 지원사업 참여기업 모집`;

describe.skipIf(!!skip)('the application form keeps its promises', () => {
  const e2e = setupE2E({ firms: 500 });
  let appPath = '';

  it('errors clear as fields become valid, upload errors sit at the file field, and submitting asks first', async () => {
    const page = await e2e().page();
    // this installation sends e-mail (the health field the mail sender adds)
    await page.route('**/api/health', async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, json: { ...(await res.json()), mailDelivery: 'smtp' } });
    });
    await signIn(page, 'sme@demo.itda.kr');
    await page.goto('/calls');
    await page.getByRole('link', { name: DX_CALL }).click();
    await page.getByRole('heading', { name: DX_CALL, level: 1 }).waitFor();
    const callPath = new URL(page.url()).pathname;
    await page.getByRole('region', { name: '신청하기' }).getByRole('button', { name: '신청하기' }).click();
    await page.waitForURL('**/applications/*');
    appPath = new URL(page.url()).pathname;

    // the call page now continues the draft instead of starting one
    await page.goto(callPath);
    const apply = page.getByRole('region', { name: '신청하기' });
    await apply.getByText('작성 중인 신청서가 있습니다.', { exact: false }).waitFor();
    expect(await apply.getByRole('button', { name: '신청하기' }).count()).toBe(0);
    await expectAxeClean(page, 'call detail (draft exists)');
    await apply.getByRole('link', { name: '이어서 작성' }).click();
    await page.waitForURL(`**${appPath}`);
    await page.getByRole('heading', { name: DX_CALL, level: 1 }).waitFor();

    // submitting the empty form marks the missing fields, without asking to confirm
    await page.getByRole('button', { name: '제출하기' }).click();
    await page.getByText('제출하지 못했습니다.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    const count = page.getByText(/^표시된 \d+개 항목을 확인해 주세요\.$/);
    const n0 = Number((await count.textContent())?.match(/\d+/)?.[0]);
    expect(n0).toBeGreaterThanOrEqual(5);
    const name = page.getByLabel(/^담당자 성명/);
    await expect.poll(() => isFocused(name)).toBe(true);
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await expectAxeClean(page, 'application form (errors)');

    // typing a valid value clears that error at once, and only that one
    await name.fill('김은정');
    await expect.poll(() => name.getAttribute('aria-invalid')).toBeNull();
    await page.getByText(`표시된 ${n0 - 1}개 항목을 확인해 주세요.`).waitFor();
    const phone = page.getByLabel(/^담당자 연락처/);
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await phone.fill('02-2000-1234');
    await expect.poll(() => phone.getAttribute('aria-invalid')).toBeNull();
    // a radio group's error clears on choosing
    const area = page.getByRole('group', { name: /DX 추진 희망영역/ });
    await area.getByText('필수 항목입니다.').waitFor();
    await page.locator('label[for="field-area-process"]').click();
    expect(await page.getByRole('radio', { name: '업무 프로세스 시스템화' }).isChecked()).toBe(true);
    await expect.poll(() => area.getByText('필수 항목입니다.').count()).toBe(0);
    await page.getByLabel(/^해결하려는 문제/).fill('재고 관리가 수작업이라 오류가 잦습니다.');
    await page.getByLabel(/^희망 지원금액\(원\)/).fill('30000000');

    // an upload the server refuses: the error is at the file field, with focus on it
    const dir = mkdtempSync(join(tmpdir(), 'itda-e2e-form-'));
    const txt = join(dir, '메모.txt');
    writeFileSync(txt, 'not a certificate');
    const cert = page.getByLabel(/^사업자등록증/);
    await cert.setInputFiles(txt);
    const group = page.locator('#group-bizCert');
    await group.getByText(/^파일을 올리지 못했습니다: /).waitFor();
    await expect.poll(() => isFocused(cert)).toBe(true);
    expect(await cert.getAttribute('aria-invalid')).toBe('true');
    expect(await cert.getAttribute('aria-describedby')).toContain('file-bizCert-error');
    await expectAxeClean(page, 'application form (upload error)');
    await e2e().screenshot(page, 'form-1-upload-error');

    // a good file clears it, and the last field error with it
    const pdf = join(dir, '사업자등록증.pdf');
    writeFileSync(pdf, tinyPdf());
    await cert.setInputFiles(pdf);
    await page.getByRole('list', { name: '사업자등록증 첨부 파일' }).getByText('사업자등록증.pdf').waitFor();
    await expect.poll(() => group.locator('.form-hint-invalid').count()).toBe(0);
    await expect.poll(() => page.getByText('제출하지 못했습니다.').count()).toBe(0);
    await page.getByText(/^저장됨 \d{2}:\d{2}$/).waitFor();

    // the confirmation step: going back changes nothing
    await page.getByRole('button', { name: '제출하기' }).click();
    const confirm = page.getByRole('dialog', { name: '신청서를 제출할까요?' });
    await confirm.getByText(DX_CALL).waitFor();
    await confirm.getByText('디지털존').waitFor();
    await confirm.getByRole('listitem').filter({ hasText: '첨부 서류: 1개' }).waitFor();
    await expectAxeClean(page, 'application form (confirmation)');
    await e2e().screenshot(page, 'form-2-confirm', { fullPage: false });
    await confirm.getByRole('button', { name: '돌아가서 고치기' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page.getByText('작성 중', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: '제출하기' }).click();
    await confirm.getByRole('button', { name: '최종 제출' }).click();
    const receipt = page.getByRole('status').filter({ hasText: '신청서가 접수되었습니다. 접수번호' });
    await receipt.waitFor();
    await receipt.getByText('접수번호를 sm*@demo.itda.kr 주소로 이메일로 보내 드립니다.').waitFor();
    expect(await receipt.getByText('이메일을 보내지 않습니다', { exact: false }).count()).toBe(0);
    await expectAxeClean(page, 'application (submitted)');

    // back on the call page: applied, no second start
    await page.goto(callPath);
    await page
      .getByRole('region', { name: '신청하기' })
      .getByText(/이 공고에 신청했습니다\. 접수번호 \d{4}-DXC-\d{4}/)
      .waitFor();
  });

  it('without e-mail delivery the receipt says so, and the 접수증 prints on one A4 page', async () => {
    expect(appPath).not.toBe('');
    const page = await e2e().page();
    await signIn(page, 'sme@demo.itda.kr');
    await page.goto(appPath);
    const receipt = page.getByRole('status').filter({ hasText: '신청서가 접수되었습니다. 접수번호' });
    await receipt
      .getByText('이 시스템은 이메일을 보내지 않습니다. 접수증을 인쇄하거나 PDF로 저장해 두세요.')
      .waitFor();
    const receiptNo = ((await receipt.locator('.app-receipt__no').textContent()) ?? '').trim();
    expect(receiptNo).toMatch(/^\d{4}-DXC-\d{4}$/);

    // withdrawing asks in the app's dialog, and keeping the application changes nothing
    await page.getByRole('button', { name: '신청 취소하기' }).click();
    const withdraw = page.getByRole('dialog', { name: '신청을 취소할까요?' });
    await withdraw.getByText('마감 전까지는 다시 신청할 수 있습니다.', { exact: false }).waitFor();
    await expectAxeClean(page, 'application (withdraw dialog)');
    await withdraw.getByRole('button', { name: '그대로 두기' }).click();
    await withdraw.waitFor({ state: 'hidden' });
    await page.getByText('접수 완료', { exact: true }).first().waitFor();

    await receipt.getByRole('link', { name: '접수증 보기·인쇄' }).click();
    await page.waitForURL(`**${appPath}/receipt`);
    await page.getByRole('heading', { name: '접수증', level: 1 }).waitFor();
    for (const text of [
      DX_CALL,
      '디지털존',
      receiptNo,
      '사업자등록증: 사업자등록증.pdf',
      '서울산업진흥원(SBA)',
    ])
      await page.getByText(text, { exact: true }).waitFor();
    await page.getByText(/^\d{4}\. \d{1,2}\. \d{1,2}\. (오전|오후) \d{1,2}:\d{2}$/).waitFor();
    const print = page.getByRole('button', { name: '인쇄' });
    await print.waitFor();
    await expectAxeClean(page, 'receipt (접수증)');
    await e2e().screenshot(page, 'form-3-receipt');

    // on paper: no header, footer or buttons, one A4 page
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#krds-header').isVisible()).toBe(false);
    expect(await page.locator('#krds-footer').isVisible()).toBe(false);
    expect(await print.isVisible()).toBe(false);
    await page.getByText(receiptNo, { exact: true }).waitFor();
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    writeFileSync(join('.e2e-artifacts', 'form-4-receipt.pdf'), pdf);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // the 인쇄 button opens the browser's print dialog
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await print.click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  });
});
