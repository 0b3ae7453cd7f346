import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatBrn, withCheckDigit } from '../src/shared/brn';
import { browserSkipReason, expectAxeClean, isFocused, navTo, setupE2E, signIn, tabTo } from './harness';

/**
 * 박 팀장 (program manager) imports 하이서울기업협회's member list: a CP949 CSV with Korean headers, a
 * dry run that reports a bad BRN, a corrected file, commit, then finds and edits one of the new firms.
 */
const skip = browserSkipReason();
if (skip) console.log(`e2e/staff-import skipped: ${skip}`);

const HEADERS = ['사업자등록번호', '기업명', '대표자', '자치구', '업종코드', '종업원수'];
const brnOf = (n: number) => withCheckDigit(`97581${String(n).padStart(4, '0')}`);
/** the same number with a wrong check digit */
const badBrnOf = (n: number) => {
  const good = brnOf(n);
  return good.slice(0, 9) + String((Number(good[9]) + 1) % 10);
};
const FIRMS = [
  { n: 1, name: '한강정밀기계', rep: '오세훈', district: '구로구', ksic: '29199', employees: 40 },
  { n: 2, name: '북악소프트웨어', rep: '김민지', district: '종로구', ksic: '62010', employees: 18 },
  { n: 3, name: '남산식품공업', rep: '이서준', district: '중구', ksic: '10799', employees: 27 },
  { n: 4, name: '성수디자인랩', rep: '박하늘', district: '성동구', ksic: '73209', employees: 9 },
  { n: 5, name: '가산물류테크', rep: '최윤아', district: '금천구', ksic: '52991', employees: 63 },
];
/** row 4 of the file (header is row 1) is the third firm */
const BAD_ROW = 4;

function memberCsv(opts: { badRow: boolean }) {
  const lines = [HEADERS.join(',')];
  for (const f of FIRMS) {
    const brn = opts.badRow && f.n === 3 ? badBrnOf(f.n) : brnOf(f.n);
    lines.push([formatBrn(brn), f.name, f.rep, f.district, f.ksic, f.employees].join(','));
  }
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp949');
}

/** Step 1 of the wizard: association and file, then 올리기; ends on the mapping step. */
async function uploadList(page: Page, file: Buffer, name: string) {
  await page.getByLabel('협단체', { exact: true }).selectOption({ label: '하이서울기업협회' });
  await page.getByLabel('명단 파일').setInputFiles({ name, mimeType: 'text/csv', buffer: file });
  await page.getByRole('button', { name: '올리기' }).click();
  await page.getByRole('heading', { name: '열 연결', level: 2 }).waitFor();
  await page.getByText(`${name} · CSV · 인코딩`).waitFor();
}

describe.skipIf(!!skip)('박 팀장 imports an association member list', () => {
  const e2e = setupE2E();

  it('uploads a CP949 CSV, fixes a bad BRN after the dry run, commits, then finds and edits a new firm', async () => {
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.getByRole('heading', { name: '기업 DB', level: 1 }).waitFor();

    // the wizard, from the main menu
    await navTo(page, '회원사 명단 가져오기');
    await page.getByRole('heading', { name: '회원사 명단 가져오기', level: 1 }).waitFor();
    await expectAxeClean(page, 'import: upload step');

    // upload the list with one bad BRN
    await uploadList(page, memberCsv({ badRow: true }), '하이서울_회원사.csv');
    const summary = page.getByText('하이서울_회원사.csv · CSV · 인코딩');
    expect(await summary.textContent()).toMatch(/(cp949|euc-?kr|windows-949)/i);
    expect(await summary.textContent()).toContain('5행');

    // the suggested mapping already matches the Korean headers
    const mapped: [RegExp, string][] = [
      [/^사업자등록번호/, '사업자등록번호'],
      [/^기업명/, '기업명'],
      [/^대표자$/, '대표자'],
      [/^자치구$/, '자치구'],
      [/^업종 코드\(KSIC\)$/, '업종코드'],
      [/^종업원 수$/, '종업원수'],
    ];
    for (const [label, column] of mapped) expect(await page.getByLabel(label).inputValue()).toBe(column);
    expect(await page.getByLabel(/^법인등록번호$/).inputValue()).toBe('');
    // the preview decodes Hangul correctly
    const preview = page.getByRole('table', { name: /파일의 처음 5행/ });
    await preview.getByRole('cell', { name: '남산식품공업' }).waitFor();
    await expectAxeClean(page, 'import: mapping step');
    await e2e().screenshot(page, 'import-2-mapping');

    // keyboard only: from the focused step heading, Tab to "점검하기" and press Enter
    expect(await isFocused(page.getByRole('heading', { name: '열 연결' }))).toBe(true);
    await tabTo(page, page.getByRole('button', { name: '점검하기' }));
    await page.keyboard.press('Enter');

    // the dry run lists the bad row: row number, column and reason
    await page.getByRole('heading', { name: '오류가 있는 행 1개' }).waitFor();
    await page.getByText('오류가 있는 행이 1개 있습니다.').waitFor();
    const errors = page.getByRole('table', { name: /행별 오류/ });
    const errorRows = errors.getByRole('row').filter({ has: page.getByRole('cell') });
    expect(await errorRows.count()).toBe(1);
    const cells = (await errorRows.first().getByRole('cell').allTextContents()).map((s) => s.trim());
    expect(cells[0]).toBe(String(BAD_ROW));
    expect(cells[1]).toBe('사업자등록번호');
    expect(cells[2]).toContain('검증번호');
    expect(cells[3]).toBe(formatBrn(badBrnOf(3)));
    /** a count of the report: the list item whose label is exactly `label`, without the label */
    const stat = async (label: string) => {
      const item = page.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
      return (await item.textContent())?.replace(label, '').trim();
    };
    expect(await stat('신규 등록 예정')).toBe('4');
    expect(await stat('오류')).toBe('1');
    await page.getByRole('button', { name: '오류 없는 4행만 반영' }).waitFor();
    await expectAxeClean(page, 'import: dry run with errors');
    await e2e().screenshot(page, 'import-3-dry-run-errors');

    // upload the corrected file; the association choice is kept
    await page.getByRole('button', { name: '고친 파일 올리기' }).click();
    await page.getByRole('heading', { name: '파일 올리기', level: 2 }).waitFor();
    await uploadList(page, memberCsv({ badRow: false }), '하이서울_회원사_수정.csv');
    await page.getByRole('button', { name: '점검하기' }).click();
    await page.getByText('오류가 없습니다. 5행을 반영할 수 있습니다.').waitFor();
    expect(await page.getByRole('table', { name: /행별 오류/ }).count()).toBe(0);
    await expectAxeClean(page, 'import: clean dry run');

    // commit and watch the result
    await page.getByRole('button', { name: '5행 반영하기' }).click();
    await page.getByRole('heading', { name: '반영', level: 2 }).waitFor();
    await page.getByText('명단을 반영했습니다').waitFor();
    await page.getByText('신규 5개, 갱신 0개 기업을 반영했습니다.').waitFor();
    expect(await stat('신규 등록')).toBe('5');
    await expectAxeClean(page, 'import: committed');
    await e2e().screenshot(page, 'import-4-committed');

    // find one of the new firms through the list's search (Enter submits the search)
    await page.getByRole('link', { name: '가져온 기업 보기' }).click();
    await page.getByRole('heading', { name: '기업 DB', level: 1 }).waitFor();
    const search = page.getByRole('searchbox', { name: '기업명 또는 사업자등록번호' });
    await search.fill('가산물류');
    await search.press('Enter');
    await page.waitForURL(/q=/);
    const firmLink = page.getByRole('table').getByRole('link', { name: '가산물류테크' });
    await firmLink.waitFor();
    await expectAxeClean(page, 'company list: search result');
    await e2e().screenshot(page, 'import-5-search');
    await firmLink.click();

    // the detail page: edit 종업원 수 and save
    await page.getByRole('heading', { name: '가산물류테크', level: 1 }).waitFor();
    await page
      .getByText(formatBrn(brnOf(5)))
      .first()
      .waitFor();
    await expectAxeClean(page, 'company detail');
    await page.getByRole('button', { name: '정보 수정' }).click();
    const employees = page.getByLabel('종업원 수');
    expect(await employees.inputValue()).toBe('63');
    await employees.fill('71');
    await page.getByRole('button', { name: '저장', exact: true }).click();
    await page.getByText('저장했습니다.').waitFor();
    const info = page.getByRole('region', { name: '기업 정보' });
    await info.getByText('71명').waitFor();

    // and a history entry: 정보 수정 by 박팀장, 종업원 수 63 → 71
    const history = page.getByRole('region', { name: '변경 이력' });
    const entry = history.getByRole('listitem').filter({ hasText: '정보 수정' });
    await entry.waitFor();
    expect(await entry.textContent()).toContain('박팀장(데모)');
    const change = entry.getByRole('row', { name: /종업원 수/ });
    expect((await change.textContent())?.replace(/\s+/g, '')).toBe('종업원수6371');
    // the import itself is the first entry (기업 등록, with the association as source)
    await history
      .getByRole('listitem')
      .filter({ hasText: '기업 등록' })
      .getByText('하이서울기업협회')
      .waitFor();
    await expectAxeClean(page, 'company detail after edit');
    await e2e().screenshot(page, 'import-6-detail-edited');
  });

  it('a list over 5,000 rows is checked and committed as a background job with a progress bar', async () => {
    const rows = 5_200;
    const lines = ['사업자번호,회사명,소재지,직원수'];
    for (let i = 0; i < rows; i++)
      lines.push(
        [
          withCheckDigit(`976${String(i).padStart(6, '0')}`),
          `대량회원사${i}`,
          `서울특별시 마포구 월드컵로 ${i}`,
          5 + (i % 90),
        ].join(','),
      );
    const page = await e2e().page();
    await signIn(page, 'manager@demo.itda.kr');
    await page.goto('/companies/import');
    await page.getByRole('heading', { name: '회원사 명단 가져오기', level: 1 }).waitFor();
    await page.getByLabel('협단체', { exact: true }).selectOption({ label: '서울IT기업협회' });
    await page.getByLabel('명단 파일').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(lines.join('\n'), 'cp949'),
    });
    await page.getByRole('button', { name: '올리기' }).click();
    await page.getByText('big.csv · CSV · 인코딩').waitFor();
    // other header spellings are recognised too (주소 → 자치구 is derived from the address)
    expect(await page.getByLabel(/^사업자등록번호/).inputValue()).toBe('사업자번호');
    expect(await page.getByLabel(/^기업명/).inputValue()).toBe('회사명');
    expect(await page.getByLabel(/^주소$/).inputValue()).toBe('소재지');
    expect(await page.getByLabel(/^종업원 수$/).inputValue()).toBe('직원수');

    await page.getByRole('button', { name: '점검하기' }).click();
    const progress = page.getByRole('progressbar', { name: '반영 진행률' });
    await progress.waitFor();
    await page.getByText('오류가 없습니다. 5,200행을 반영할 수 있습니다.').waitFor({ timeout: 60_000 });
    await expectAxeClean(page, 'import: queued dry run done');

    await page.getByRole('button', { name: '5,200행 반영하기' }).click();
    await page.getByRole('heading', { name: '반영', level: 2 }).waitFor();
    await progress.waitFor();
    await e2e().screenshot(page, 'import-7-big-progress');
    await page.getByText('신규 5,200개, 갱신 0개 기업을 반영했습니다.').waitFor({ timeout: 60_000 });
    await page.getByText('반영을 마쳤습니다.').first().waitFor();
    await expectAxeClean(page, 'import: queued commit done');
    await e2e().screenshot(page, 'import-8-big-done');
  });
});
