import { describe, expect, it } from 'vitest';
import { sanitizeFilename } from '../server/platform/files';
import { httpUrlSchema, nameSchema, pastDateSchema, stripUnsafeChars, todayInSeoul } from './validators';

describe('names and file names', () => {
  it('strips control and bidi characters', () => {
    expect(stripUnsafeChars('김\u202E수\u0007')).toBe('김수');
    expect(stripUnsafeChars('a\u2066b\u2069c\u200Fd\u061Ce\u0085f')).toBe('abcdef');
    expect(stripUnsafeChars('디지털존 (주)')).toBe('디지털존 (주)');
    expect(nameSchema(100).parse('  \u202E홍길동\u202C ')).toBe('홍길동');
    expect(nameSchema(100).min(1).safeParse('\u202E\u202C').success).toBe(false);
  });

  it('file names lose bidi overrides that disguise the extension', () => {
    expect(sanitizeFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(sanitizeFilename('사업자등록증\u2066.pdf')).toBe('사업자등록증.pdf');
  });
});

describe('homepages and founding dates', () => {
  it('accepts only http(s) addresses', () => {
    expect(httpUrlSchema.safeParse('https://www.sba.seoul.kr').success).toBe(true);
    expect(httpUrlSchema.safeParse('http://example.kr/about').success).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'ftp://example.kr', 'file:///etc/passwd'])
      expect(httpUrlSchema.safeParse(bad).success, bad).toBe(false);
  });

  it('refuses founding dates after today (Korea)', () => {
    expect(pastDateSchema.safeParse('2021-03-02').success).toBe(true);
    expect(pastDateSchema.safeParse(todayInSeoul()).success).toBe(true);
    const r = pastDateSchema.safeParse('2999-01-01');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe('date_in_future');
  });
});
