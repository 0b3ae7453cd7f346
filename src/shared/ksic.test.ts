import { describe, expect, it } from 'vitest';
import { isValidKsicCode, KSIC_DIVISIONS, KSIC_SECTIONS, ksicLabel, ksicSectionOf, searchKsic } from './ksic';

describe('KSIC tables', () => {
  it('has the 21 sections A–U in order', () => {
    expect(KSIC_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(KSIC_SECTIONS.find((s) => s.code === 'C')).toMatchObject({ ko: '제조업', en: 'Manufacturing' });
    expect(KSIC_SECTIONS.find((s) => s.code === 'J')).toMatchObject({
      ko: '정보통신업',
      en: 'Information and communication',
    });
  });

  it('has the 77 divisions of the 10th revision, unique, ascending, each in a known section', () => {
    expect(KSIC_DIVISIONS).toHaveLength(77);
    const codes = KSIC_DIVISIONS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    const sections = new Set(KSIC_SECTIONS.map((s) => s.code));
    for (const d of KSIC_DIVISIONS) {
      expect(d.code).toMatch(/^\d{2}$/);
      expect(sections.has(d.section)).toBe(true);
      expect(d.ko.length).toBeGreaterThan(0);
      expect(d.en.length).toBeGreaterThan(0);
    }
    // every section has at least one division
    for (const s of KSIC_SECTIONS) expect(KSIC_DIVISIONS.some((d) => d.section === s.code)).toBe(true);
  });

  it('uses the official division ranges per section', () => {
    const ranges: Record<string, string[]> = {
      A: ['01', '02', '03'],
      B: ['05', '06', '07', '08'],
      D: ['35'],
      F: ['41', '42'],
      J: ['58', '59', '60', '61', '62', '63'],
      L: ['68'],
      M: ['70', '71', '72', '73'],
      N: ['74', '75', '76'],
      U: ['99'],
    };
    for (const [section, codes] of Object.entries(ranges)) {
      expect(KSIC_DIVISIONS.filter((d) => d.section === section).map((d) => d.code)).toEqual(codes);
    }
    const c = KSIC_DIVISIONS.filter((d) => d.section === 'C').map((d) => Number(d.code));
    expect(c).toEqual(Array.from({ length: 25 }, (_, i) => 10 + i));
  });

  it('has the official Korean names', () => {
    const ko = (code: string) => KSIC_DIVISIONS.find((d) => d.code === code)?.ko;
    expect(ko('10')).toBe('식료품 제조업');
    expect(ko('26')).toBe('전자 부품, 컴퓨터, 영상, 음향 및 통신장비 제조업');
    expect(ko('58')).toBe('출판업');
    expect(ko('62')).toBe('컴퓨터 프로그래밍, 시스템 통합 및 관리업');
    expect(ko('63')).toBe('정보서비스업');
    expect(ko('70')).toBe('연구개발업');
    expect(ko('73')).toBe('기타 전문, 과학 및 기술 서비스업');
  });
});

describe('ksicSectionOf', () => {
  it.each([
    ['62010', 'J'],
    ['62', 'J'],
    ['620', 'J'],
    ['J', 'J'],
    ['A', 'A'],
    ['10', 'C'],
    ['01110', 'A'],
    ['99000', 'U'],
    ['76', 'N'],
  ])('%s → %s', (code, section) => {
    expect(ksicSectionOf(code)).toBe(section);
  });

  it.each(['9', '6', '00', '04', '40', '69', '', 'V', 'j', 'JJ', '620100', '62a', ' 62'])(
    '%j → undefined',
    (code) => {
      expect(ksicSectionOf(code)).toBeUndefined();
    },
  );
});

describe('isValidKsicCode', () => {
  it.each(['A', 'U', '62', '620', '6201', '62010', '01110', '99'])('%s is valid', (code) => {
    expect(isValidKsicCode(code)).toBe(true);
  });

  it.each(['', '6', '00', '04', '69', '620101', 'V', 'c', '62-01', ' 62010', '62010 '])(
    '%j is invalid',
    (code) => {
      expect(isValidKsicCode(code)).toBe(false);
    },
  );
});

describe('ksicLabel', () => {
  it('labels divisions and longer codes by their division', () => {
    expect(ksicLabel('62010')).toBe('62 컴퓨터 프로그래밍, 시스템 통합 및 관리업');
    expect(ksicLabel('62')).toBe('62 컴퓨터 프로그래밍, 시스템 통합 및 관리업');
    expect(ksicLabel('62010', 'en')).toBe('62 Computer programming, consultancy and related activities');
  });

  it('labels sections', () => {
    expect(ksicLabel('J')).toBe('J 정보통신업');
    expect(ksicLabel('C', 'en')).toBe('C Manufacturing');
  });

  it('returns unknown codes unchanged', () => {
    expect(ksicLabel('00')).toBe('00');
    expect(ksicLabel('9')).toBe('9');
    expect(ksicLabel('zz')).toBe('zz');
  });
});

describe('searchKsic', () => {
  it('finds by code prefix', () => {
    const codes = searchKsic('6').map((m) => m.code);
    expect(codes).toEqual(['60', '61', '62', '63', '64', '65', '66', '68']);
    expect(searchKsic('62')[0]).toEqual({ code: '62', label: '62 컴퓨터 프로그래밍, 시스템 통합 및 관리업' });
  });

  it('finds the division of a full code', () => {
    expect(searchKsic('62010').map((m) => m.code)).toEqual(['62']);
  });

  it('puts an exact section letter first', () => {
    expect(searchKsic('j')[0]).toEqual({ code: 'J', label: 'J 정보통신업' });
    expect(searchKsic('J', 'en')[0]).toEqual({ code: 'J', label: 'J Information and communication' });
  });

  it('finds by Korean name ignoring spaces', () => {
    expect(searchKsic('정보 서비스').map((m) => m.code)).toContain('63');
    expect(searchKsic('연구개발').map((m) => m.code)).toEqual(['70']);
    const manufacturing = searchKsic('제조업').map((m) => m.code);
    expect(manufacturing[0]).toBe('C'); // name prefix before substring
    expect(manufacturing).toContain('26');
  });

  it('finds by English name case-insensitively', () => {
    expect(searchKsic('COMPUTER PROGRAMMING').map((m) => m.code)).toEqual(['62']);
    expect(searchKsic('research', 'en')).toEqual([{ code: '70', label: '70 Research and development' }]);
  });

  it('returns at most 20 results and nothing for an empty query', () => {
    expect(searchKsic('업').length).toBe(20);
    expect(searchKsic('')).toEqual([]);
    expect(searchKsic('   ')).toEqual([]);
    expect(searchKsic('존재하지않는업종')).toEqual([]);
  });
});
