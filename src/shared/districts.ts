/** Seoul's 25 자치구 (districts) plus `outside` for firms located outside Seoul. */
export const SEOUL_DISTRICTS = [
  { code: 'jongno', ko: '종로구', en: 'Jongno-gu' },
  { code: 'jung', ko: '중구', en: 'Jung-gu' },
  { code: 'yongsan', ko: '용산구', en: 'Yongsan-gu' },
  { code: 'seongdong', ko: '성동구', en: 'Seongdong-gu' },
  { code: 'gwangjin', ko: '광진구', en: 'Gwangjin-gu' },
  { code: 'dongdaemun', ko: '동대문구', en: 'Dongdaemun-gu' },
  { code: 'jungnang', ko: '중랑구', en: 'Jungnang-gu' },
  { code: 'seongbuk', ko: '성북구', en: 'Seongbuk-gu' },
  { code: 'gangbuk', ko: '강북구', en: 'Gangbuk-gu' },
  { code: 'dobong', ko: '도봉구', en: 'Dobong-gu' },
  { code: 'nowon', ko: '노원구', en: 'Nowon-gu' },
  { code: 'eunpyeong', ko: '은평구', en: 'Eunpyeong-gu' },
  { code: 'seodaemun', ko: '서대문구', en: 'Seodaemun-gu' },
  { code: 'mapo', ko: '마포구', en: 'Mapo-gu' },
  { code: 'yangcheon', ko: '양천구', en: 'Yangcheon-gu' },
  { code: 'gangseo', ko: '강서구', en: 'Gangseo-gu' },
  { code: 'guro', ko: '구로구', en: 'Guro-gu' },
  { code: 'geumcheon', ko: '금천구', en: 'Geumcheon-gu' },
  { code: 'yeongdeungpo', ko: '영등포구', en: 'Yeongdeungpo-gu' },
  { code: 'dongjak', ko: '동작구', en: 'Dongjak-gu' },
  { code: 'gwanak', ko: '관악구', en: 'Gwanak-gu' },
  { code: 'seocho', ko: '서초구', en: 'Seocho-gu' },
  { code: 'gangnam', ko: '강남구', en: 'Gangnam-gu' },
  { code: 'songpa', ko: '송파구', en: 'Songpa-gu' },
  { code: 'gangdong', ko: '강동구', en: 'Gangdong-gu' },
] as const;

export const OUTSIDE_SEOUL = { code: 'outside', ko: '서울 외', en: 'Outside Seoul' } as const;
export const DISTRICT_CODES = [...SEOUL_DISTRICTS.map((d) => d.code), OUTSIDE_SEOUL.code] as unknown as [
  string,
  ...string[],
];
export type DistrictCode = (typeof DISTRICT_CODES)[number];

const byInput = new Map<string, string>();
for (const d of [...SEOUL_DISTRICTS, OUTSIDE_SEOUL]) {
  byInput.set(d.code, d.code);
  byInput.set(d.ko, d.code);
  byInput.set(d.ko.replace(/구$/, ''), d.code);
  byInput.set(d.en.toLowerCase(), d.code);
  byInput.set(d.en.toLowerCase().replace(/-gu$/, ''), d.code);
}
byInput.set('서울외', 'outside');
byInput.set('서울 외', 'outside');
byInput.set('기타', 'outside');

/** Accepts 마포구, 마포, 서울 마포구, Mapo-gu, mapo → 'mapo'; unknown → undefined. */
export function parseDistrict(input: string): string | undefined {
  const s = input
    .trim()
    .replace(/^서울(특별)?시\s*/, '')
    .toLowerCase();
  return byInput.get(s) ?? byInput.get(s.replace(/\s+/g, ''));
}

/** Finds the district inside a Seoul street address (서울특별시 마포구 월드컵북로 …). */
export function districtFromAddress(address: string): string | undefined {
  const m = address.match(/서울(?:특별시|시)?\s*([가-힣]{1,4}구)/);
  return m ? parseDistrict(m[1]) : undefined;
}

export function districtLabel(code: string | null | undefined, lang: 'ko' | 'en' = 'ko'): string {
  if (!code) return '';
  const d = [...SEOUL_DISTRICTS, OUTSIDE_SEOUL].find((x) => x.code === code);
  return d ? d[lang] : code;
}
