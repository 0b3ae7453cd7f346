import { describe, expect, it } from 'vitest';
import { contentDisposition } from './download';

describe('downloads', () => {
  it('encodes Hangul file names per RFC 5987', () => {
    expect(contentDisposition('DX진단_통계.xlsx')).toBe(
      "attachment; filename*=UTF-8''DX%EC%A7%84%EB%8B%A8_%ED%86%B5%EA%B3%84.xlsx",
    );
  });
});
