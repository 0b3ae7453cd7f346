import { describe, expect, it } from 'vitest';
import { readTable } from '../../platform/tabular';
import { XLSX_MAX_UNCOMPRESSED_BYTES } from '../../platform/xlsx-limits';
import { setupTestApp } from '../../test/app';
import { multipartBody } from '../../test/multipart';
import { xlsxBomb } from '../../test/zip';

/** XLSX bombs are refused with a clear 413 before they are parsed or stored. */
const t = setupTestApp();

describe('heavy member-list uploads', () => {
  it('a workbook that unzips past the limit: 413 xlsx_too_large in Korean or English, nothing stored', async () => {
    const s = await t().loginAs('partner');
    const bomb = xlsxBomb({ padBytes: XLSX_MAX_UNCOMPRESSED_BYTES + 20 * 1024 * 1024 });
    const [{ n: filesBefore }] = await t().handle.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM files',
    );
    for (const url of ['/api/companies/import/upload', '/api/companies/import?dryRun=true']) {
      const res = await s.inject({
        method: 'POST',
        url,
        ...(await multipartBody({ file: { buffer: bomb, filename: '회원사.xlsx' } })),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'xlsx_too_large',
        message:
          'XLSX 파일의 압축을 푼 크기(121 MB)가 한도(100 MB)를 넘어 읽지 않았습니다. 파일을 나누어 올려 주세요.',
      });
    }
    const body = await multipartBody({ file: { buffer: bomb, filename: 'members.xlsx' } });
    const en = await s.inject({
      method: 'POST',
      url: '/api/companies/import/upload',
      payload: body.payload,
      headers: { ...body.headers, 'accept-language': 'en' },
    });
    expect(en.json().error.message).toBe(
      'The XLSX file unpacks to 121 MB, over the 100 MB limit; it was not read. Please split the file.',
    );
    const [{ n: filesAfter }] = await t().handle.query<{ n: number }>('SELECT count(*)::int AS n FROM files');
    expect(filesAfter).toBe(filesBefore);
  });

  it('a sheet declaring billions of cells: 413 xlsx_too_many_cells', async () => {
    const s = await t().loginAs('manager');
    const res = await s.inject({
      method: 'POST',
      url: '/api/companies/import/upload',
      ...(await multipartBody({
        file: { buffer: xlsxBomb({ dimension: 'A1:XFD1048576' }), filename: 'a.xlsx' },
      })),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('xlsx_too_many_cells');
    expect(res.json().error.message).toContain('17,179,869,184');
  });

  it('exports read in pages: every firm exactly once, also past ties on the name', async () => {
    await t().handle.query(
      `INSERT INTO companies (brn, name, name_key, provenance)
       SELECT lpad((9600000000 + g)::text, 10, '0'), '동명이인기업', '동명이인기업', 'staff' FROM generate_series(1, 4500) g`,
    );
    const s = await t().loginAs('manager');
    const total = (await s.inject({ method: 'GET', url: '/api/companies?pageSize=1' })).json()
      .total as number;
    expect(total).toBeGreaterThan(4500);
    const res = await s.inject({ method: 'GET', url: '/api/companies/export?format=csv' });
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(lines).toHaveLength(total);
    const brns = lines.map((l) => l.split(',')[0]);
    expect(new Set(brns).size).toBe(total);
    expect(lines.filter((l) => l.includes('동명이인기업'))).toHaveLength(4500);
  });

  it('exports (made off the event loop) carry every column, masked unless a reason is given, in CSV and XLSX', async () => {
    await t().handle.query(
      `INSERT INTO companies (brn, name, name_key, provenance, representative, founded_on, size_class, is_micro,
         is_startup, ksic_code, district, address, employees, revenue, phone, email, homepage, tags, created_at)
       VALUES ('9876543210', '내보내기검증', '내보내기검증', 'association', '김철수', '2015-03-02', 'small', true,
         false, '62010', 'gangnam', '서울 강남구 테헤란로 1', 12, 123456789012, '010-1234-5678',
         'kim@example.kr', 'https://x.example.kr', '{AI,수출}', '2021-05-06T23:30:00Z')`,
    );
    const s = await t().loginAs('manager');
    const filter = `&q=${encodeURIComponent('내보내기검증')}`;
    const csv = await s.inject({ method: 'GET', url: `/api/companies/export?format=csv${filter}` });
    expect(csv.statusCode).toBe(200);
    const masked = await readTable(csv.rawPayload, 'export.csv');
    expect(masked.headers).toHaveLength(19);
    expect(masked.rows).toHaveLength(1);
    const cells = masked.rows[0];
    expect(cells.slice(0, 8)).toEqual([
      '987-65-43210',
      '내보내기검증',
      '김*수',
      '2015-03-02',
      '소기업',
      'Y',
      'N',
      '62010',
    ]);
    expect(cells[8]).toContain('시스템 통합');
    expect(cells.slice(9, 13)).toEqual(['강남구', '서울 강남구 테헤란로 1', '12', '123456789012']);
    expect(cells[13]).not.toContain('1234-5678');
    expect(cells[14]).not.toBe('kim@example.kr');
    expect(cells.slice(15)).toEqual(['https://x.example.kr', 'AI, 수출', '협단체 명단', '2021-05-06']);

    const reason = encodeURIComponent('2021년 실태조사 표본 추출용 연락처 확인');
    const xlsx = await s.inject({
      method: 'GET',
      url: `/api/companies/export?format=xlsx&unmask=true&purpose=survey&reason=${reason}${filter}`,
    });
    expect(xlsx.statusCode).toBe(200);
    const table = await readTable(xlsx.rawPayload, 'export.xlsx');
    expect(table.headers).toHaveLength(19);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({
      0: '987-65-43210',
      2: '김철수',
      4: '소기업',
      11: '12',
      12: '123456789012',
      13: '010-1234-5678',
      14: 'kim@example.kr',
      16: 'AI, 수출',
      17: '협단체 명단',
      18: '2021-05-06',
    });
  });
});
