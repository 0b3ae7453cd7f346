import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { brnCheckDigit, withCheckDigit } from '../../../shared/brn';
import { writeCsv, writeXlsx } from '../../platform/tabular';
import { type Session, setupTestApp } from '../../test/app';
import { multipartBody } from '../../test/multipart';

const t = setupTestApp();

const brn = (i: number) => withCheckDigit(`98${String(i).padStart(7, '0')}`);
const badBrn = (i: number) => {
  const b = brn(i);
  return `${b.slice(0, 9)}${(brnCheckDigit(b.slice(0, 9)) + 1) % 10}`;
};
const dashed = (b: string) => `${b.slice(0, 3)}-${b.slice(3, 5)}-${b.slice(5)}`;

const HEADERS = [
  '사업자등록번호',
  '기업명',
  '대표자',
  '설립일',
  '기업규모',
  '업종코드',
  '주소',
  '종업원수',
  '매출액',
  '대표전화',
  '이메일',
  '태그',
];

/** A member list as an association sends it: Korean headers, dotted dates, 억/만원 amounts. */
function member(i: number, over: Partial<Record<string, string>> = {}): string[] {
  const row: Record<string, string> = {
    사업자등록번호: dashed(brn(i)),
    기업명: `(주)테스트협회사${i}`,
    대표자: `김대표${i}`,
    설립일: '2016.04.01',
    기업규모: '소기업',
    업종코드: '62010',
    주소: `서울특별시 구로구 디지털로 ${i}`,
    종업원수: '12',
    매출액: '12억',
    대표전화: `02-2000-${String(i % 10000).padStart(4, '0')}`,
    이메일: `ceo${i}@member.example.kr`,
    태그: '회원사, ICT',
    ...over,
  };
  return HEADERS.map((h) => row[h] ?? '');
}

function csvText(rows: string[][], headers = HEADERS) {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${[headers, ...rows].map((r) => r.map(q).join(',')).join('\r\n')}\r\n`;
}
const cp949 = (rows: string[][], headers = HEADERS) => iconv.encode(csvText(rows, headers), 'cp949');

const form = multipartBody;

async function importFile(
  s: Session,
  buffer: Buffer,
  query: string,
  extra: Record<string, string> = {},
  filename = '회원사명단.csv',
) {
  const body = await form({ file: { buffer, filename }, ...extra });
  return s.inject({ method: 'POST', url: `/api/companies/import?${query}`, ...body });
}

const sqlOne = async <T>(text: string, params: unknown[] = []) =>
  (await t().handle.query<T>(text, params))[0];

async function associationId(name: string) {
  return (await sqlOne<{ id: string }>('SELECT id FROM associations WHERE name = $1', [name])).id;
}

describe('member list import', () => {
  const good = Array.from({ length: 8 }, (_, k) => member(100 + k));

  it('dry run of a CP949 file lists each bad row with its number, column and reason, and counts', async () => {
    const s = await t().loginAs('manager');
    const rows = [...good];
    rows[2] = member(102, { 사업자등록번호: badBrn(102) });
    rows[5] = member(105, { 주소: '서울특별시 없는구 어딘가로 1' });
    const res = await importFile(s, cp949(rows), 'dryRun=true');
    expect(res.statusCode).toBe(200);
    const { status, report } = res.json();
    expect(status).toBe('done');
    expect(report).toMatchObject({
      dryRun: true,
      committed: false,
      format: 'csv',
      encoding: 'cp949',
      total: 8,
      valid: 6,
      invalid: 2,
      created: 6,
      updated: 0,
      unchanged: 0,
      errorsTruncated: false,
    });
    expect(report.errors).toEqual([
      {
        row: 4,
        column: '사업자등록번호',
        field: 'brn',
        code: 'brn_checksum',
        message: '사업자등록번호 검증번호가 맞지 않습니다.',
        value: badBrn(102),
      },
      expect.objectContaining({ row: 7, column: '주소', field: 'address', code: 'district_unknown' }),
    ]);
    const body = await form({ file: { buffer: cp949(rows), filename: 'a.csv' } });
    const en = await s.inject({
      method: 'POST',
      url: '/api/companies/import?dryRun=true',
      payload: body.payload,
      headers: { ...body.headers, 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().report.errors[0].message).toBe('The business registration number fails its checksum.');
    const none = await sqlOne<{ n: number }>("SELECT count(*)::int AS n FROM companies WHERE brn LIKE '98%'");
    expect(none.n).toBe(0);
  });

  it('row numbers in the report count the blank lines of the file, as a spreadsheet shows them', async () => {
    const s = await t().loginAs('manager');
    const lines = csvText([good[0], member(101, { 사업자등록번호: badBrn(101) })]).split('\r\n');
    // header, blank, good, blank, blank, bad → the bad row is line 6
    const text = [lines[0], '', lines[1], '', '', lines[2], ''].join('\r\n');
    const res = await importFile(s, Buffer.from(text, 'utf8'), 'dryRun=true');
    expect(res.statusCode).toBe(200);
    expect(res.json().report.errors).toEqual([expect.objectContaining({ row: 6, field: 'brn' })]);
  });

  it('refuses a commit with errors (422 with the report) and imports nothing', async () => {
    const s = await t().loginAs('manager');
    const rows = [...good];
    rows[2] = member(102, { 사업자등록번호: badBrn(102) });
    const auditBefore = await sqlOne<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const res = await importFile(s, cp949(rows), 'dryRun=false', {}, 'list.csv');
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('import_has_errors');
    expect(body.error.message).toContain('1');
    expect(body.report).toMatchObject({ committed: false, invalid: 1, valid: 7, created: 7 });
    expect(body.report.errors[0]).toMatchObject({ row: 4, code: 'brn_checksum' });
    const n = await sqlOne<{ n: number }>("SELECT count(*)::int AS n FROM companies WHERE brn LIKE '98%'");
    expect(n.n).toBe(0);
    const staged = await sqlOne<{ n: number }>('SELECT count(*)::int AS n FROM company_import_rows');
    expect(staged.n).toBe(0);
    const auditAfter = await sqlOne<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(auditAfter.n).toBe(auditBefore.n);
  });

  it('commits the fixed file in one go: counts, association link, provenance and audit rows', async () => {
    const s = await t().loginAs('manager');
    const assoc = await associationId('서울IT기업협회');
    const res = await importFile(s, cp949(good), `dryRun=false&associationId=${assoc}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({
      committed: true,
      total: 8,
      valid: 8,
      invalid: 0,
      created: 8,
      updated: 0,
      unchanged: 0,
    });
    const c = await sqlOne<Record<string, unknown>>(
      `SELECT id, name, representative, founded_on::text AS founded_on, size_class, district, employees, revenue,
              phone, email, tags, provenance, provenance_source, provenance_date::text AS provenance_date
       FROM companies WHERE brn = $1`,
      [brn(100)],
    );
    expect(c).toMatchObject({
      name: '(주)테스트협회사100',
      representative: '김대표100',
      founded_on: '2016-04-01',
      size_class: 'small',
      district: 'guro',
      employees: 12,
      revenue: expect.anything(),
      phone: '02-2000-0100',
      email: 'ceo100@member.example.kr',
      tags: ['회원사', 'ICT'],
      provenance: 'association',
      provenance_source: '서울IT기업협회',
    });
    expect(Number(c.revenue)).toBe(1_200_000_000);
    expect(c.provenance_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const linked = await sqlOne<{ n: number }>(
      `SELECT count(*)::int AS n FROM company_associations ca JOIN companies c ON c.id = ca.company_id
       WHERE ca.association_id = $1 AND c.brn LIKE '98%'`,
      [assoc],
    );
    expect(linked.n).toBe(8);
    const audits = await sqlOne<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log a JOIN companies c ON a.entity_id = c.id::text
       WHERE a.action = 'company.create' AND c.brn LIKE '98%'`,
    );
    expect(audits.n).toBe(8);
    const created = await sqlOne<{ after: Record<string, unknown>; actor_role: string }>(
      `SELECT after, actor_role FROM audit_log WHERE action = 'company.create' AND entity_id = $1`,
      [c.id],
    );
    expect(created.actor_role).toBe('manager');
    // personal fields are kept masked in the audit log (migration 0009)
    expect(created.after).toMatchObject({
      brn: brn(100),
      representative: '김****0',
      phone: '02-****-0100',
    });
    const summary = await sqlOne<{ after: Record<string, unknown> }>(
      `SELECT after FROM audit_log WHERE action = 'company.import' ORDER BY id DESC LIMIT 1`,
    );
    expect(summary.after).toMatchObject({
      associationId: assoc,
      created: 8,
      updated: 0,
      total: 8,
      linked: 8,
    });
    const staged = await sqlOne<{ n: number }>('SELECT count(*)::int AS n FROM company_import_rows');
    expect(staged.n).toBe(0);
  });

  it('re-importing the same file changes nothing', async () => {
    const s = await t().loginAs('manager');
    const assoc = await associationId('서울IT기업협회');
    const before = await sqlOne<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    const res = await importFile(s, cp949(good), `dryRun=false&associationId=${assoc}`);
    expect(res.json().report).toMatchObject({ committed: true, created: 0, updated: 0, unchanged: 8 });
    const after = await sqlOne<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(after.n).toBe(before.n + 1); // the summary entry only
    const dry = await importFile(s, cp949(good), 'dryRun=true');
    expect(dry.json().report).toMatchObject({ created: 0, updated: 0, unchanged: 8 });
  });

  it('updates changed firms only: non-empty values overwrite, tags are unioned, history has before/after', async () => {
    const s = await t().loginAs('manager');
    const rows = [...good];
    rows[0] = member(100, { 종업원수: '1,234명', 태그: '수출', 대표자: '', 매출액: '3,000만원' });
    const dry = await importFile(s, cp949(rows), 'dryRun=true');
    expect(dry.json().report).toMatchObject({ created: 0, updated: 1, unchanged: 7 });
    const res = await importFile(s, cp949(rows), 'dryRun=false');
    expect(res.json().report).toMatchObject({ committed: true, created: 0, updated: 1, unchanged: 7 });
    const c = await sqlOne<{
      id: string;
      employees: number;
      revenue: string;
      representative: string;
      tags: string[];
      version: number;
    }>('SELECT id, employees, revenue, representative, tags, version FROM companies WHERE brn = $1', [
      brn(100),
    ]);
    expect(c).toMatchObject({
      employees: 1234,
      representative: '김대표100',
      tags: ['회원사', 'ICT', '수출'],
      version: 2,
    });
    expect(Number(c.revenue)).toBe(30_000_000);
    const hist = (await s.inject({ method: 'GET', url: `/api/companies/${c.id}/history` })).json();
    expect(hist.items[0]).toMatchObject({
      action: 'company.update',
      before: { employees: 12, revenue: 1_200_000_000, tags: ['회원사', 'ICT'] },
      after: { employees: 1234, revenue: 30_000_000, tags: ['회원사', 'ICT', '수출'] },
    });
    expect(Object.keys(hist.items[0].after).sort()).toEqual(['employees', 'revenue', 'tags']);
  });

  it('imports XLSX with English headers', async () => {
    const s = await t().loginAs('admin');
    const headers = [
      'Business Registration Number',
      'Company Name',
      'CEO',
      'District',
      'Employees',
      'Startup',
    ];
    const rows = [
      [brn(200), 'Alpha Labs', 'Lee', 'Mapo-gu', 5, 'Y'],
      [Number(brn(201)), 'Beta Works', 'Park', '강남구', '7', 'N'],
    ];
    const buf = await writeXlsx('members', headers, rows);
    const res = await importFile(s, buf, 'dryRun=false', {}, 'members.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ format: 'xlsx', encoding: null, committed: true, created: 2 });
    const c = await sqlOne<{ district: string; is_startup: boolean; provenance: string }>(
      'SELECT district, is_startup, provenance FROM companies WHERE brn = $1',
      [brn(200)],
    );
    expect(c).toEqual({ district: 'mapo', is_startup: true, provenance: 'staff' });
  });

  it('skipInvalid=true imports the good rows and reports the bad ones', async () => {
    const s = await t().loginAs('manager');
    const rows = [
      member(300),
      member(301, { 설립일: '2016-02-30' }),
      member(302),
      member(300, { 기업명: '중복' }),
    ];
    const res = await importFile(s, cp949(rows), 'dryRun=false&skipInvalid=true');
    expect(res.statusCode).toBe(200);
    const r = res.json().report;
    expect(r).toMatchObject({ committed: true, valid: 2, invalid: 2, created: 2 });
    expect(r.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, 'date_format'],
      [5, 'duplicate_in_file'],
    ]);
    const n = await sqlOne<{ n: number }>('SELECT count(*)::int AS n FROM companies WHERE brn = ANY($1)', [
      [brn(300), brn(301), brn(302)],
    ]);
    expect(n.n).toBe(2);
  });

  it('partners import into their own association only', async () => {
    const p = await t().loginAs('partner');
    const own = await associationId('하이서울기업협회');
    const other = await associationId('서울제조혁신협회');
    const forbidden = await importFile(p, cp949([member(400)]), `dryRun=false&associationId=${other}`);
    expect(forbidden.statusCode).toBe(403);
    const res = await importFile(p, cp949([member(400), member(401)]), 'dryRun=false');
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ committed: true, created: 2 });
    const links = await t().handle.query<{ association_id: string; provenance_source: string }>(
      `SELECT ca.association_id, c.provenance_source FROM company_associations ca JOIN companies c ON c.id = ca.company_id
       WHERE c.brn = ANY($1)`,
      [[brn(400), brn(401)]],
    );
    expect(links).toHaveLength(2);
    for (const l of links) expect(l).toEqual({ association_id: own, provenance_source: '하이서울기업협회' });
    // …and see them in their member list
    const list = (await p.inject({ method: 'GET', url: `/api/companies?q=${brn(400)}` })).json();
    expect(list.total).toBe(1);
    const sme = await t().loginAs('sme');
    expect((await importFile(sme, cp949([member(402)]), 'dryRun=true')).statusCode).toBe(403);
  });

  it('uploads first, then imports the stored file by id with an explicit mapping', async () => {
    const s = await t().loginAs('manager');
    const headers = ['번호', '회원사명', '사업자 번호', '소재 자치구', '비고'];
    const rows = [
      ['1', '업로드기업일', brn(500), '성동구', ''],
      ['2', '업로드기업이', brn(501), '성동', ''],
    ];
    const buf = Buffer.from(csvText(rows, headers));
    const up = await s.inject({
      method: 'POST',
      url: '/api/companies/import/upload',
      ...(await form({ file: { buffer: buf, filename: '../../etc/passwd.csv' } })),
    });
    expect(up.statusCode).toBe(200);
    const u = up.json();
    expect(u).toMatchObject({
      filename: 'passwd.csv',
      format: 'csv',
      encoding: 'utf-8',
      headers,
      rowCount: 2,
      sample: rows,
      suggestedMapping: { name: '회원사명', brn: '사업자 번호', district: '소재 자치구' },
    });
    const file = await sqlOne<{ size: number; sha256: string; mime: string; owner_id: string }>(
      'SELECT size::int AS size, sha256, mime, owner_id FROM files WHERE id = $1',
      [u.fileId],
    );
    expect(file).toMatchObject({ size: buf.length, mime: 'text/csv', owner_id: s.userId });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const mapping = { brn: '사업자 번호', name: '회원사명' };
    const res = await s.inject({
      method: 'POST',
      url: `/api/companies/import?fileId=${u.fileId}&dryRun=false`,
      payload: { mapping },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().report).toMatchObject({ committed: true, created: 2 });
    const c = await sqlOne<{ district: string | null }>('SELECT district FROM companies WHERE brn = $1', [
      brn(500),
    ]);
    expect(c.district).toBeNull(); // district was not mapped

    const wrongMap = await s.inject({
      method: 'POST',
      url: `/api/companies/import?fileId=${u.fileId}`,
      payload: { mapping: { brn: '없는 열' } },
    });
    expect(wrongMap.statusCode).toBe(422);
    expect(wrongMap.json().error).toMatchObject({ code: 'mapping_invalid' });
    expect(wrongMap.json().error.fields).toEqual([
      { path: 'mapping.brn', message: '알 수 없는 열입니다.' },
      { path: 'mapping.name', message: '필수 항목입니다.' },
    ]);
    // another partner's or SME's view of the file: not theirs
    const p = await t().loginAs('partner');
    const foreign = await p.inject({
      method: 'POST',
      url: `/api/companies/import?fileId=${u.fileId}`,
      payload: {},
    });
    expect(foreign.statusCode).toBe(403);
  });

  it('answers 400 file_required without a file and 415 file_type for other content', async () => {
    const s = await t().loginAs('manager');
    const none = await s.inject({
      method: 'POST',
      url: '/api/companies/import',
      ...(await form({ mapping: '{}' })),
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.code).toBe('file_required');
    const noBody = await s.inject({ method: 'POST', url: '/api/companies/import/upload' });
    expect(noBody.json().error.code).toBe('file_required');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const res = await importFile(s, png, 'dryRun=true', {}, 'list.csv');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('file_type');
    const anon = await t().app.inject({
      method: 'POST',
      url: '/api/companies/import/upload',
      ...(await form({ file: { buffer: cp949([member(1)]), filename: 'a.csv' } })),
    });
    expect(anon.statusCode).toBe(401);
  });

  it('follows merged companies: a row with the absorbed BRN updates the surviving firm', async () => {
    const s = await t().loginAs('manager');
    const mk = async (b: string, name: string) =>
      (await s.inject({ method: 'POST', url: '/api/companies', payload: { brn: b, name } })).json()
        .id as string;
    const into = await mk(brn(600), '합병존속');
    const from = await mk(brn(601), '합병소멸');
    const m = await s.inject({
      method: 'POST',
      url: `/api/companies/${into}/merge`,
      payload: { fromId: from, reason: '중복 등록' },
    });
    expect(m.statusCode).toBe(200);
    const rows = [member(601, { 기업명: '합병존속', 종업원수: '44' })];
    const res = await importFile(s, cp949(rows), 'dryRun=false');
    expect(res.json().report).toMatchObject({ committed: true, created: 0, updated: 1 });
    const c = await sqlOne<{ employees: number }>('SELECT employees FROM companies WHERE id = $1', [into]);
    expect(c.employees).toBe(44);
    const both = await importFile(s, cp949([member(600), member(601)]), 'dryRun=true');
    expect(both.json().report.errors).toEqual([
      expect.objectContaining({ row: 3, code: 'duplicate_in_file' }),
    ]);
  });

  it('runs big files as a background job with progress', async () => {
    const s = await t().loginAs('manager');
    const rows = Array.from({ length: 6000 }, (_, k) => member(10_000 + k));
    const buf = Buffer.from(writeCsv(HEADERS, rows));
    const res = await importFile(s, buf, 'dryRun=false', {}, 'big.csv');
    expect(res.statusCode).toBe(202);
    const { status, jobId, report } = res.json();
    expect(status).toBe('queued');
    expect(report).toBeNull();
    const queued = (await s.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    expect(queued).toMatchObject({ kind: 'company.import', status: 'queued', progress: 0, total: 12_000 });
    await t().jobs.drain();
    const job = (await s.inject({ method: 'GET', url: `/api/jobs/${jobId}` })).json();
    expect(job).toMatchObject({ status: 'done', progress: 12_000, total: 12_000, error: null });
    expect(job.result).toMatchObject({ committed: true, total: 6000, created: 6000, invalid: 0 });
    const n = await sqlOne<{ n: number }>('SELECT count(*)::int AS n FROM companies WHERE brn LIKE $1', [
      '98001%',
    ]);
    expect(n.n).toBe(6000);

    // a job whose commit is refused fails with the error code and keeps the report, never a stack
    rows[10] = member(10_010, { 사업자등록번호: badBrn(10_010) });
    const again = await importFile(s, Buffer.from(writeCsv(HEADERS, rows)), 'dryRun=false', {}, 'big.csv');
    await t().jobs.drain();
    const failed = (await s.inject({ method: 'GET', url: `/api/jobs/${again.json().jobId}` })).json();
    expect(failed).toMatchObject({ status: 'failed', error: 'import_has_errors' });
    expect(failed.result).toMatchObject({ committed: false, invalid: 1, unchanged: 5999 });
  }, 120_000);
});
