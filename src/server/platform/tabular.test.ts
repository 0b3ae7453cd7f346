import ExcelJS from 'exceljs';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  detectDelimiter,
  detectEncoding,
  neutralizeFormula,
  plainNumber,
  readTable,
  writeCsv,
  writeXlsx,
} from './tabular';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('detectEncoding / decodeText', () => {
  it('reads UTF-8 with a BOM and strips the BOM', () => {
    const buf = Buffer.concat([BOM, utf8('사업자등록번호,기업명\n1234567890,잇다\n')]);
    expect(detectEncoding(buf)).toBe('utf-8');
    const { text, encoding } = decodeText(buf);
    expect(encoding).toBe('utf-8');
    expect(text.startsWith('사업자등록번호')).toBe(true);
  });

  it('reads UTF-8 without a BOM', () => {
    const buf = utf8('사업자등록번호,기업명\n1234567890,(주)잇다 Café\n');
    expect(detectEncoding(buf)).toBe('utf-8');
    expect(decodeText(buf).text).toBe('사업자등록번호,기업명\n1234567890,(주)잇다 Café\n');
  });

  it('treats pure ASCII and empty input as UTF-8', () => {
    expect(detectEncoding(utf8('a,b\n1,2'))).toBe('utf-8');
    expect(detectEncoding(Buffer.alloc(0))).toBe('utf-8');
    expect(decodeText(Buffer.alloc(0)).text).toBe('');
  });

  it('reads CP949, including UHC-only syllables', () => {
    const source = '사업자등록번호,기업명\n1234567890,똠방각하 햏\n';
    const buf = iconv.encode(source, 'cp949');
    expect(detectEncoding(buf)).toBe('cp949');
    expect(decodeText(buf)).toEqual({ text: source, encoding: 'cp949' });
  });

  it('reads EUC-KR (the KS X 1001 subset of CP949)', () => {
    const source = '기업명,대표자,주소\n잇다,홍길동,"서울특별시 중구, 세종대로 110"\n';
    const buf = iconv.encode(source, 'euc-kr');
    expect(detectEncoding(buf)).toBe('cp949');
    expect(decodeText(buf).text).toBe(source);
  });

  it('does not mistake short CP949 text that happens to be valid UTF-8', () => {
    // 0xC2 0xA1 is valid UTF-8 ('¡') but also a KS X 1001 Hangul syllable.
    const source = iconv.decode(Buffer.from([0xc2, 0xa1]), 'cp949');
    expect(source).toMatch(/^[가-힣]$/);
    const buf = iconv.encode(`a,${source}`, 'cp949');
    expect(detectEncoding(buf)).toBe('cp949');
    expect(decodeText(buf).text).toBe(`a,${source}`);
  });

  it('detects and round-trips any Hangul text encoded in CP949 (property)', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    const ascii = fc.constantFrom(' ', ',', '1', 'a', 'Z', '\n', '(', ')');
    const text = fc
      .array(fc.oneof({ arbitrary: syllable, weight: 4 }, { arbitrary: ascii, weight: 1 }), {
        minLength: 1,
        maxLength: 40,
      })
      .map((cs) => cs.join(''))
      .filter((s) => /[가-힣]/.test(s));
    fc.assert(
      fc.property(text, (s) => {
        const buf = iconv.encode(s, 'cp949');
        expect(detectEncoding(buf)).toBe('cp949');
        expect(decodeText(buf).text).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});

describe('readTable: CSV', () => {
  it('reads UTF-8 CSV with a BOM', async () => {
    const buf = Buffer.concat([BOM, utf8('사업자등록번호,기업명\r\n1234567890,잇다\r\n')]);
    expect(await readTable(buf, 'members.csv')).toEqual({
      headers: ['사업자등록번호', '기업명'],
      rows: [['1234567890', '잇다']],
      rowNumbers: [2],
      encoding: 'utf-8',
      format: 'csv',
    });
  });

  it('reads CP949 CSV', async () => {
    const buf = iconv.encode('사업자등록번호,기업명\n1234567890,잇다\n2208162517,한빛소프트\n', 'cp949');
    const table = await readTable(buf, 'members.csv');
    expect(table.encoding).toBe('cp949');
    expect(table.headers).toEqual(['사업자등록번호', '기업명']);
    expect(table.rows).toEqual([
      ['1234567890', '잇다'],
      ['2208162517', '한빛소프트'],
    ]);
  });

  it('detects semicolon and tab delimiters', async () => {
    const semi = await readTable(utf8('기업명;주소\n잇다;서울, 중구\n'), 'a.csv');
    expect(semi.headers).toEqual(['기업명', '주소']);
    expect(semi.rows).toEqual([['잇다', '서울, 중구']]);

    const tab = await readTable(utf8('기업명\t주소\t비고\n잇다\t서울, 중구\ta;b\n'), 'a.txt');
    expect(tab.headers).toEqual(['기업명', '주소', '비고']);
    expect(tab.rows).toEqual([['잇다', '서울, 중구', 'a;b']]);
  });

  it('sniffs delimiters quote-aware and defaults to comma', () => {
    expect(detectDelimiter('"a;b",c\n"x;y",z')).toBe(',');
    expect(detectDelimiter('"a,b";c;d\n1;2;3')).toBe(';');
    expect(detectDelimiter('onlyone\nvalue')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
    // a quoted later field full of another delimiter (found by the round-trip property)
    expect(detectDelimiter('!,";;"\r\n')).toBe(',');
    expect(detectDelimiter('가,"!\t\t!"\r\n')).toBe(',');
    expect(detectDelimiter('가,";",가\r\n,,";;"\r\n')).toBe(',');
    expect(detectDelimiter('기업명;"주소, 층"\n잇다;"서울, 3층"')).toBe(';');
  });

  it('handles quoted fields with commas, quotes and newlines', async () => {
    const csv = '기업명,주소,메모\r\n"잇다, 주식회사","서울\r\n중구","그가 ""안녕"" 했다"\r\n';
    const table = await readTable(utf8(csv), 'a.csv');
    expect(table.rows).toEqual([['잇다, 주식회사', '서울\r\n중구', '그가 "안녕" 했다']]);
  });

  it('skips empty lines, uses the first non-empty row as header, trims and pads/truncates rows', async () => {
    const csv = '\n\n  기업명 , 대표자 ,,\n잇다,홍길동\n\n,,,\n  빛나 ,김빛나,추가,넘침\n  \n';
    const table = await readTable(utf8(csv), 'a.csv');
    expect(table.headers).toEqual(['기업명', '대표자']);
    expect(table.rows).toEqual([
      ['잇다', '홍길동'],
      ['빛나', '김빛나'],
    ]);
    // row numbers as a spreadsheet shows them, so reported errors point at the right line
    expect(table.rowNumbers).toEqual([4, 7]);
  });

  it('pads short rows to the header length', async () => {
    const table = await readTable(utf8('a,b,c\n1\n1,2\n'), 'a.csv');
    expect(table.rows).toEqual([
      ['1', '', ''],
      ['1', '2', ''],
    ]);
  });

  it('returns an empty table for an empty file', async () => {
    expect(await readTable(Buffer.alloc(0), 'a.csv')).toMatchObject({ headers: [], rows: [], format: 'csv' });
  });

  it('reads Excel "Unicode text" (UTF-16LE with BOM, tab separated)', async () => {
    const buf = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('기업명\t대표자\r\n잇다\t홍길동\r\n', 'utf16le'),
    ]);
    const table = await readTable(buf, 'a.txt');
    expect(table).toMatchObject({ headers: ['기업명', '대표자'], rows: [['잇다', '홍길동']], format: 'csv' });
  });

  it('decides the format from the content, not the extension', async () => {
    const xlsx = await writeXlsx('s', ['a'], [['x']]);
    expect((await readTable(xlsx, 'members.csv')).format).toBe('xlsx');
    expect((await readTable(utf8('a,b\n1,2'), 'members.xlsx')).format).toBe('csv');
  });

  it("rejects other files with Error('file_type')", async () => {
    const samples = [
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), // legacy .xls / encrypted .xlsx
      Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj', 'latin1'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      Buffer.from([0x01, 0x02, 0x00, 0x41, 0x42]),
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 1, 2, 3]), // broken zip
      utf8('<html><body><table><tr><td>기업명</td></tr></table></body></html>'),
    ];
    for (const buf of samples) await expect(readTable(buf, 'members.xls')).rejects.toThrow(/^file_type$/);
  });

  it('reads 100,000 rows × 15 columns', async () => {
    const headers = Array.from({ length: 15 }, (_, i) => `열${i + 1}`);
    const lines = [headers.join(',')];
    for (let r = 0; r < 100_000; r++) {
      lines.push(
        Array.from({ length: 15 }, (_, c) => (c === 3 ? `"서울, 중구 ${r}"` : `값${r}-${c}`)).join(','),
      );
    }
    const buf = utf8(lines.join('\r\n'));
    const table = await readTable(buf, 'big.csv');
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999][3]).toBe('서울, 중구 99999');
    expect(table.rows[99_999][14]).toBe('값99999-14');
  });
});

describe('readTable: XLSX', () => {
  it('round-trips writeXlsx output including 10-digit numbers and dates', async () => {
    const buf = await writeXlsx(
      '회원사',
      ['사업자등록번호', '기업명', '설립일', '매출', '비고'],
      [
        [1234567890, '  잇다  ', new Date(Date.UTC(2024, 0, 15)), 12.5, null],
        [2208162517, '=1+1', new Date(Date.UTC(1999, 11, 31)), 123456789012345, undefined],
        [null, null, null, null, null],
        ['0012345678', '한빛', '2020-02-02', -5, '메모'],
      ],
    );
    expect(buf.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    const table = await readTable(buf, 'members.xlsx');
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeUndefined();
    expect(table.headers).toEqual(['사업자등록번호', '기업명', '설립일', '매출', '비고']);
    expect(table.rows).toEqual([
      ['1234567890', '잇다', '2024-01-15', '12.5', ''],
      ['2208162517', '=1+1', '1999-12-31', '123456789012345', ''],
      ['0012345678', '한빛', '2020-02-02', '-5', '메모'],
    ]);
  });

  it('writes a bold, frozen, filtered header and fitted widths', async () => {
    const buf = await writeXlsx('Members: 2024/01', ['기업명', 'id'], [['아주 긴 기업명 주식회사', 1]]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0];
    expect(sheet.name).toBe('Members  2024 01');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThan(sheet.getColumn(2).width ?? 0);
    expect(sheet.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
  });

  it('converts rich text, formulas, hyperlinks, booleans, errors and awkward numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('first');
    wb.addWorksheet('second').addRow(['ignored']);
    ws.addRow([]);
    ws.addRow(['이름', '합계', '링크', '참', '오류', '큰수', '작은수', '소수', '일시']);
    ws.addRow([
      { richText: [{ text: ' 잇', font: { bold: true } }, { text: '다 ' }] },
      { formula: 'A1+1', result: 42 },
      { text: '홈페이지', hyperlink: 'https://example.com' },
      true,
      { error: '#N/A' },
      1e21,
      1e-7,
      0.1 + 0.2,
      new Date(Date.UTC(2024, 4, 6, 13, 45)),
    ]);
    ws.getCell('I3').numFmt = 'yyyy-mm-dd hh:mm';
    ws.addRow([' 빈 ', { formula: 'B3*2' }]);
    const buf = Buffer.from((await wb.xlsx.writeBuffer()) as unknown as ArrayBuffer);
    const table = await readTable(buf, 'x.xlsx');
    expect(table.headers).toEqual(['이름', '합계', '링크', '참', '오류', '큰수', '작은수', '소수', '일시']);
    expect(table.rows).toEqual([
      [
        '잇다',
        '42',
        '홈페이지',
        'TRUE',
        '#N/A',
        '1000000000000000000000',
        '0.0000001',
        '0.3',
        '2024-05-06 13:45',
      ],
      ['빈', '', '', '', '', '', '', '', ''],
    ]);
  });
});

describe('writeCsv', () => {
  it('writes UTF-8 with BOM, CRLF and RFC 4180 quoting', () => {
    const buf = writeCsv(
      ['기업명', '메모'],
      [
        ['잇다, 주식회사', '그가 "안녕"\n했다'],
        [1234567890, null],
        [undefined, 0.5],
      ],
    );
    expect(buf.subarray(0, 3)).toEqual(BOM);
    expect(buf.subarray(3).toString('utf8')).toBe(
      '기업명,메모\r\n"잇다, 주식회사","그가 ""안녕""\n했다"\r\n1234567890,\r\n,0.5\r\n',
    );
  });

  it('neutralises formula injection but keeps negative numbers', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralizeFormula('+82-10-1234-5678')).toBe("'+82-10-1234-5678");
    expect(neutralizeFormula('-2+3+cmd|/C calc!A0')).toBe("'-2+3+cmd|/C calc!A0");
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('\t=1')).toBe("'\t=1");
    expect(neutralizeFormula('\r=1')).toBe("'\r=1");
    expect(neutralizeFormula('-')).toBe("'-");
    expect(neutralizeFormula('-5')).toBe('-5');
    expect(neutralizeFormula('-1,234.56')).toBe('-1,234.56');
    expect(neutralizeFormula('-0.5')).toBe('-0.5');
    expect(neutralizeFormula('잇다=좋다')).toBe('잇다=좋다');

    const text = writeCsv(['a', 'b', 'c'], [['=1+1', -5, '@x']])
      .subarray(3)
      .toString('utf8');
    expect(text).toBe("a,b,c\r\n'=1+1,-5,'@x\r\n");
  });

  it('writes numbers without exponent notation', () => {
    expect(plainNumber(1234567890)).toBe('1234567890');
    expect(plainNumber(1e21)).toBe('1000000000000000000000');
    expect(plainNumber(-1.5e-7)).toBe('-0.00000015');
    expect(plainNumber(1.25e22)).toBe('12500000000000000000000');
    expect(
      writeCsv(['n'], [[1e21]])
        .subarray(3)
        .toString('utf8'),
    ).toBe('n\r\n1000000000000000000000\r\n');
  });

  it('round-trips through readTable (property)', async () => {
    const chars = fc.oneof(
      { arbitrary: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)), weight: 3 },
      { arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), weight: 3 },
      { arbitrary: fc.constantFrom('\n', '\r\n', '\t', '"', ',', ';'), weight: 1 },
    );
    // readTable trims cells, and writeCsv prefixes formula-like cells, so generate neither.
    const cell = fc
      .array(chars, { maxLength: 12 })
      .map((cs) => cs.join('').trim())
      .filter((s) => !/^[=+\-@]/.test(s));
    const nonEmptyCell = cell.filter((s) => s !== '');
    const table = fc.integer({ min: 1, max: 6 }).chain((width) =>
      fc.record({
        headers: fc.array(nonEmptyCell, { minLength: width, maxLength: width }),
        rows: fc.array(
          fc.array(cell, { minLength: width, maxLength: width }).filter((r) => r.some((c) => c !== '')),
          { maxLength: 8 },
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(table, async ({ headers, rows }) => {
        const result = await readTable(writeCsv(headers, rows), 'out.csv');
        expect(result.encoding).toBe('utf-8');
        expect(result.headers).toEqual(headers);
        expect(result.rows).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
