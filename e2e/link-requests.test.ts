import { describe, expect, it } from 'vitest';
import { formatBrn, withCheckDigit } from '../src/shared/brn';
import { browserSkipReason, expectAxeClean, setupE2E, signIn } from './harness';

/**
 * 하이서울기업협회 (partner) imports a list naming a firm of another association: the dry run shows it as a
 * link request, the commit leaves the firm unchanged; 박 팀장 approves the request on the staff page.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/link-requests skipped: ${skip}`);

describe.skipIf(!!skip)('partner list naming another association’s firm', () => {
  const e2e = setupE2E();

  it('dry run and commit show a link request; staff approve it', async () => {
    const [outside] = await e2e().handle.query<{ id: string; brn: string; name: string }>(
      `SELECT c.id, c.brn, c.name FROM companies c
       WHERE EXISTS (SELECT 1 FROM company_associations ca WHERE ca.company_id = c.id)
         AND NOT EXISTS (SELECT 1 FROM company_associations ca JOIN associations a ON a.id = ca.association_id
                         WHERE ca.company_id = c.id AND a.name = '하이서울기업협회')
       ORDER BY c.brn LIMIT 1`,
    );
    const csv = [
      '사업자등록번호,기업명,대표자',
      `${formatBrn(outside.brn)},남의회원사,홍길동`,
      `${formatBrn(withCheckDigit('975820001'))},연결요청시험기업,김신규`,
    ].join('\r\n');

    const page = await e2e().page();
    await signIn(page, 'partner@demo.itda.kr');
    await page.goto('/companies/import');
    await page.getByRole('heading', { name: '회원사 명단 가져오기', level: 1 }).waitFor();
    await page.getByLabel('명단 파일').setInputFiles({
      name: '명단.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: '올리기' }).click();
    await page.getByRole('heading', { name: '열 연결', level: 2 }).waitFor();
    await page.getByRole('button', { name: '점검하기' }).click();
    await page.getByRole('heading', { name: '다른 협단체 소속 기존 기업 1곳' }).waitFor();
    const rows = page.getByRole('table', { name: '연결 요청이 될 행' }).getByRole('row');
    expect((await rows.nth(1).getByRole('cell').allTextContents()).map((s) => s.trim())).toEqual([
      '2',
      formatBrn(outside.brn),
      '남의회원사',
    ]);
    await expectAxeClean(page, 'import: dry run with a link request');

    await page.getByRole('button', { name: '2행 반영하기' }).click();
    await page
      .getByText('1곳은 기업 정보를 바꾸지 않고 연결 요청으로 남겼습니다.', { exact: false })
      .waitFor();
    await expectAxeClean(page, 'import: committed with a link request');
    const [firm] = await e2e().handle.query<{ name: string }>('SELECT name FROM companies WHERE id = $1', [
      outside.id,
    ]);
    expect(firm.name).toBe(outside.name);

    const staff = await e2e().page();
    await signIn(staff, 'manager@demo.itda.kr');
    await staff.goto('/companies/link-requests');
    await staff.getByRole('heading', { name: '협단체 연결 요청', level: 1 }).waitFor();
    const row = staff.getByRole('row').filter({ hasText: '남의회원사' });
    await row.waitFor();
    await expectAxeClean(staff, 'link requests: pending');
    await row.getByRole('button', { name: '승인' }).click();
    const dialog = staff.getByRole('dialog', { name: '연결 요청 승인' });
    await dialog.getByRole('button', { name: '승인' }).click();
    await staff.getByText(`${outside.name}을(를) 하이서울기업협회에 연결했습니다.`).waitFor();
    await expectAxeClean(staff, 'link requests: approved');
    const links = await e2e().handle.query(
      `SELECT 1 FROM company_associations ca JOIN associations a ON a.id = ca.association_id
       WHERE ca.company_id = $1 AND a.name = '하이서울기업협회'`,
      [outside.id],
    );
    expect(links).toHaveLength(1);
  }, 240_000);
});
