import { describe, expect, it } from 'vitest';
import { withCheckDigit } from '../../../shared/brn';
import { fieldForHeader, headerMoneyUnit, normalizeHeader, suggestMapping } from './import-map';
import {
  Bad,
  normalizeKsic,
  parseBool,
  parseCount,
  parseDate,
  parseEmail,
  parseHomepage,
  parseKrw,
  parsePhone,
  parseSizeClass,
  parseTags,
} from './import-parse';
import { applyRedirects, renderIssues, validateTable } from './import-validate';

const bad = (code: string) => new Bad(code);

describe('header mapping', () => {
  it('maps Korean and English header variants, tolerant of spaces, case and brackets', () => {
    const cases: [string, string | undefined][] = [
      ['사업자등록번호', 'brn'],
      ['사업자 번호', 'brn'],
      ['BRN', 'brn'],
      ['Business Registration Number', 'brn'],
      ['사업자등록번호(10자리)', 'brn'],
      ['기업명', 'name'],
      ['회사명', 'name'],
      ['상호', 'name'],
      ['업체명 [필수]', 'name'],
      ['Company Name', 'name'],
      ['대표자', 'representative'],
      ['대표자명', 'representative'],
      ['CEO', 'representative'],
      ['Representative', 'representative'],
      ['설립일자', 'foundedOn'],
      ['Founded', 'foundedOn'],
      ['기업규모', 'sizeClass'],
      ['size', 'sizeClass'],
      ['업종코드', 'ksicCode'],
      ['KSIC', 'ksicCode'],
      ['산업분류', 'ksicCode'],
      ['주소', 'address'],
      ['소재지', 'address'],
      ['본사 주소', 'address'],
      ['Address', 'address'],
      ['자치구', 'district'],
      ['구', 'district'],
      ['District', 'district'],
      ['종업원수', 'employees'],
      ['상시근로자수(명)', 'employees'],
      ['employees', 'employees'],
      ['매출액(백만원)', 'revenue'],
      ['2023년 매출액', 'revenue'],
      ['Revenue', 'revenue'],
      ['홈페이지', 'homepage'],
      ['웹사이트', 'homepage'],
      ['대표전화', 'phone'],
      ['전화번호', 'phone'],
      ['대표자 연락처', 'phone'],
      ['Phone', 'phone'],
      ['E-mail', 'email'],
      ['이메일', 'email'],
      ['태그', 'tags'],
      ['키워드', 'tags'],
      ['법인등록번호', 'crn'],
      ['소상공인', 'isMicro'],
      ['소상공인 여부', 'isMicro'],
      ['스타트업', 'isStartup'],
      ['창업기업', 'isStartup'],
      ['업종', undefined],
      ['비고', undefined],
    ];
    for (const [header, field] of cases) expect([header, fieldForHeader(header)]).toEqual([header, field]);
    expect(normalizeHeader(' 매출액 (원) ')).toBe('매출액');
  });

  it('suggests one header per field, exact names before partial ones', () => {
    const m = suggestMapping([
      '번호',
      '회사명',
      '사업자번호',
      '대표',
      '전화',
      '대표전화',
      '사업장 주소지',
      '주소',
      '비고',
    ]);
    expect(m).toEqual({
      name: '회사명',
      brn: '사업자번호',
      representative: '대표',
      phone: '전화',
      address: '주소',
    });
    // The export's own headers map back (업종 is a label, not a code).
    expect(
      suggestMapping(['사업자등록번호', '기업명', '업종코드', '업종', '자치구', '매출액(원)', '등록일']),
    ).toEqual({
      brn: '사업자등록번호',
      name: '기업명',
      ksicCode: '업종코드',
      district: '자치구',
      revenue: '매출액(원)',
    });
  });

  it('reads money units from headers', () => {
    expect(headerMoneyUnit('매출액(백만원)')).toBe(1_000_000);
    expect(headerMoneyUnit('매출 (단위: 억원)')).toBe(100_000_000);
    expect(headerMoneyUnit('매출액(천원)')).toBe(1_000);
    expect(headerMoneyUnit('매출액(원)')).toBe(1);
    expect(headerMoneyUnit('Revenue')).toBe(1);
  });
});

describe('cell parsing', () => {
  it('parses Korean money with commas and units into KRW integers', () => {
    expect(parseKrw('1,234')).toBe(1234);
    expect(parseKrw('12억')).toBe(1_200_000_000);
    expect(parseKrw('3,000만원')).toBe(30_000_000);
    expect(parseKrw('1.5억')).toBe(150_000_000);
    expect(parseKrw('12억 3,000만원')).toBe(1_230_000_000);
    expect(parseKrw('3천5백만원')).toBe(35_000_000);
    expect(parseKrw('5천만')).toBe(50_000_000);
    expect(parseKrw('1조 2천억')).toBe(1_200_000_000_000);
    expect(parseKrw('₩ 1,000원')).toBe(1000);
    expect(parseKrw('1,500', 1_000_000)).toBe(1_500_000_000);
    expect(parseKrw('2억', 1_000_000)).toBe(200_000_000);
    expect(parseKrw('')).toBeNull();
    expect(parseKrw('-')).toBeNull();
    expect(parseKrw('약 3억')).toEqual(bad('number_format'));
    expect(parseKrw('-5')).toEqual(bad('number_format'));
    expect(parseKrw('억')).toEqual(bad('number_format'));
    expect(parseKrw('12abc')).toEqual(bad('number_format'));
  });

  it('parses head counts', () => {
    expect(parseCount('1,234')).toBe(1234);
    expect(parseCount('12명')).toBe(12);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('12.0')).toBe(12);
    expect(parseCount('12.5')).toEqual(bad('number_format'));
    expect(parseCount('열두명')).toEqual(bad('number_format'));
  });

  it('parses dates in the usual Korean spellings', () => {
    const today = new Date('2024-06-01T00:00:00Z');
    for (const s of [
      '2015-03-05',
      '2015.03.05',
      '2015. 3. 5.',
      '20150305',
      '2015/3/5',
      '2015년 3월 5일',
      '2015-03-05 00:00',
    ])
      expect([s, parseDate(s, today)]).toEqual([s, '2015-03-05']);
    expect(parseDate('2015-02-30', today)).toEqual(bad('date_format'));
    expect(parseDate('05/03/2015', today)).toEqual(bad('date_format'));
    expect(parseDate('2030-01-01', today)).toEqual(bad('date_format'));
    expect(parseDate('', today)).toBeNull();
  });

  it('parses booleans, size classes, KSIC codes, phones, URLs, emails and tags', () => {
    for (const s of ['Y', 'y', '예', 'O', 'o', '○', 'TRUE', '1', '해당'])
      expect([s, parseBool(s)]).toEqual([s, true]);
    for (const s of ['N', '아니오', 'X', 'false', '0', '', '-'])
      expect([s, parseBool(s)]).toEqual([s, false]);
    expect(parseBool('maybe')).toEqual(bad('boolean_format'));
    expect(parseSizeClass('소기업')).toBe('small');
    expect(parseSizeClass('중기업')).toBe('medium');
    expect(parseSizeClass('중견기업')).toBe('midsize');
    expect(parseSizeClass('대기업')).toBe('large');
    expect(parseSizeClass('Medium')).toBe('medium');
    expect(parseSizeClass('중소기업')).toEqual(bad('size_class_unknown'));
    expect(normalizeKsic('J62010')).toBe('62010');
    expect(normalizeKsic('62-010')).toBe('62010');
    expect(normalizeKsic('j')).toBe('J');
    expect(parsePhone('02-1234-5678')).toBe('02-1234-5678');
    expect(parsePhone('0212345678')).toBe('02-1234-5678');
    expect(parsePhone('212345678')).toBe('02-1234-5678');
    expect(parsePhone('(031) 123-4567')).toBe('031-123-4567');
    expect(parsePhone('010.1234.5678')).toBe('010-1234-5678');
    expect(parsePhone('+82 10 1234 5678')).toBe('010-1234-5678');
    expect(parsePhone('1234')).toEqual(bad('phone_format'));
    expect(parseHomepage('www.example.kr')).toBe('https://www.example.kr');
    expect(parseHomepage('http://a.example.kr/x')).toBe('http://a.example.kr/x');
    expect(parseHomepage('not a url')).toEqual(bad('url_format'));
    expect(parseEmail(' CEO@Example.KR ')).toBe('ceo@example.kr');
    expect(parseEmail('ceo@')).toEqual(bad('email_format'));
    expect(parseTags('제조, AI;  AI ; 수출')).toEqual(['제조', 'AI', '수출']);
    expect(parseTags(' ; ')).toBeNull();
  });
});

describe('row validation', () => {
  const brn = (i: number) => withCheckDigit(`98${String(i).padStart(7, '0')}`);
  const headers = [
    '사업자등록번호',
    '기업명',
    '자치구',
    '주소',
    '매출액(백만원)',
    '설립일',
    '대표자',
    '소상공인',
  ];
  const mapping = suggestMapping(headers);

  it('types valid rows and reports each bad cell with the spreadsheet row number', async () => {
    const wrong = `${brn(2).slice(0, 9)}${(Number(brn(2)[9]) + 1) % 10}`;
    const v = await validateTable(
      {
        headers,
        rows: [
          [
            brn(1),
            '(주)한빛테크',
            '',
            '서울특별시 마포구 월드컵북로 1',
            '1,500',
            '2015.03.05',
            '홍길동',
            'Y',
          ],
          [wrong, '새솔', '마포', '', '12억', '', '', ''],
          [brn(3), '', '해운대구', '', 'abc', '2015-13-01', '김*수', '아마'],
          [brn(1), '중복', '', '경기도 성남시 분당구', '', '', '', ''],
          [brn(5), '외부', '', '경기도 성남시 분당구 판교로 1', '', '', '', ''],
          [brn(6), '주소불명', '', '테헤란로 1', '', '', '', ''],
        ],
      },
      mapping,
      { today: new Date('2024-01-01') },
    );
    expect(v.total).toBe(6);
    expect(v.valid.map((r) => r.rowNo)).toEqual([2, 6]);
    expect(v.valid[0]).toMatchObject({
      brn: brn(1),
      name: '(주)한빛테크',
      nameKey: '한빛테크',
      district: 'mapo',
      revenue: 1_500_000_000,
      foundedOn: '2015-03-05',
      isMicro: true,
      isStartup: false,
      tags: null,
    });
    expect(v.valid[1].district).toBe('outside');
    const { errors } = renderIssues(v.issues, mapping, headers, 'ko');
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '사업자등록번호', 'brn_checksum'],
      [4, '기업명', 'required'],
      [4, '자치구', 'district_unknown'],
      [4, '매출액(백만원)', 'number_format'],
      [4, '설립일', 'date_format'],
      [4, '대표자', 'masked_value'],
      [4, '소상공인', 'boolean_format'],
      [5, '사업자등록번호', 'duplicate_in_file'],
      [7, '주소', 'district_unknown'],
    ]);
    expect(errors[0]).toMatchObject({
      field: 'brn',
      value: wrong,
      message: expect.stringContaining('검증번호'),
    });
    expect(errors[7].message).toContain('2행');
    expect(renderIssues(v.issues, mapping, headers, 'en').errors[0].message).toMatch(/checksum/);
    expect(v.invalidRows).toEqual(new Set([3, 4, 5, 7]));
  });

  it('points a merged-away BRN at the surviving company and flags two rows for one firm', async () => {
    const v = await validateTable(
      {
        headers: ['사업자등록번호', '기업명'],
        rows: [
          [brn(10), '옛 이름'],
          [brn(11), '새 이름'],
          [brn(12), '다른 기업'],
        ],
      },
      { brn: '사업자등록번호', name: '기업명' },
    );
    applyRedirects(v, new Map([[brn(10), brn(11)]]));
    expect(v.valid.map((r) => [r.rowNo, r.targetBrn])).toEqual([
      [2, brn(11)],
      [4, brn(12)],
    ]);
    expect(v.issues).toEqual([
      { row: 3, field: 'brn', code: 'duplicate_in_file', value: brn(11), params: { row: 2 } },
    ]);
  });
});
