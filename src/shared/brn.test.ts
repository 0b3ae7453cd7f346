import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBrn, isValidBrn, isValidCrn, normalizeBrn, withCheckDigit } from './brn';

describe('사업자등록번호 checksum', () => {
  it('accepts known valid numbers and formats them', () => {
    // 220-81-62517 is a widely published valid example.
    expect(isValidBrn('220-81-62517')).toBe(true);
    expect(isValidBrn('2208162517')).toBe(true);
    expect(formatBrn('2208162517')).toBe('220-81-62517');
  });
  it('rejects wrong check digits, lengths and letters', () => {
    expect(isValidBrn('220-81-62518')).toBe(false);
    expect(isValidBrn('220816251')).toBe(false);
    expect(isValidBrn('22081625177')).toBe(false);
    expect(isValidBrn('22O8162517')).toBe(false);
    expect(isValidBrn('')).toBe(false);
  });
  it('every 9-digit prefix has exactly one valid check digit', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), (p) => {
        const valid = [...'0123456789'].filter((d) => isValidBrn(p + d));
        expect(valid).toEqual([withCheckDigit(p)[9]]);
      }),
    );
  });
  it('a single changed digit is always detected in the last position', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 1, max: 9 }), (p, delta) => {
        const good = withCheckDigit(p);
        const bad = good.slice(0, 9) + String((Number(good[9]) + delta) % 10);
        expect(isValidBrn(bad)).toBe(false);
      }),
    );
  });
  it('normalises separators', () => {
    expect(normalizeBrn(' 220-81.62517 ')).toBe('2208162517');
  });
  it('validates 법인등록번호', () => {
    expect(isValidCrn('110111-1234567')).toBe(isValidCrn('1101111234567'));
    expect(isValidCrn('123')).toBe(false);
  });
});
