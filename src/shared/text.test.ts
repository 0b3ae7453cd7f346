import { describe, expect, it } from 'vitest';
import { districtFromAddress, parseDistrict } from './districts';
import { companyNameKey, maskEmail, maskName, maskPhone } from './text';

describe('company name key', () => {
  it('ignores legal forms, spacing and punctuation', () => {
    expect(companyNameKey('(주)플레이 스터디')).toBe(companyNameKey('플레이스터디 주식회사'));
    expect(companyNameKey('㈜세친구')).toBe('세친구');
    expect(companyNameKey('Digital Zone Co., Ltd.')).toBe('digitalzone');
  });
});

describe('masking', () => {
  it('masks names, phones and emails', () => {
    expect(maskName('홍길동')).toBe('홍*동');
    expect(maskName('남궁민수')).toBe('남**수');
    expect(maskName('김철')).toBe('김*');
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('02-123-4567')).toBe('02-****-4567');
    expect(maskEmail('kim@example.com')).toBe('ki*@example.com');
  });
});

describe('districts', () => {
  it('parses Korean, English and addresses', () => {
    expect(parseDistrict('마포구')).toBe('mapo');
    expect(parseDistrict('서울특별시 구로구')).toBe('guro');
    expect(parseDistrict('Gangnam-gu')).toBe('gangnam');
    expect(parseDistrict('마포')).toBe('mapo');
    expect(parseDistrict('해운대구')).toBeUndefined();
    expect(districtFromAddress('서울특별시 구로구 디지털로 300')).toBe('guro');
    expect(districtFromAddress('경기도 성남시 분당구')).toBeUndefined();
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', async () => {
    const { isRealDate } = await import('./validators');
    expect(isRealDate('2021-02-28')).toBe(true);
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2021-02-30')).toBe(false);
    expect(isRealDate('0000-01-01')).toBe(false);
    expect(isRealDate('2021-13-01')).toBe(false);
  });
});
