/**
 * Korean Standard Industrial Classification (한국표준산업분류, KSIC), 10th revision (2017).
 * Sections (대분류, A–U) and divisions (중분류, 2 digits). Shared by server and web: no Node imports.
 */

export type KsicLang = 'ko' | 'en';

export interface KsicSection {
  code: string;
  ko: string;
  en: string;
}

export interface KsicDivision {
  code: string;
  section: string;
  ko: string;
  en: string;
}

export interface KsicMatch {
  code: string;
  label: string;
}

export const KSIC_SECTIONS: readonly KsicSection[] = [
  { code: 'A', ko: '농업, 임업 및 어업', en: 'Agriculture, forestry and fishing' },
  { code: 'B', ko: '광업', en: 'Mining and quarrying' },
  { code: 'C', ko: '제조업', en: 'Manufacturing' },
  {
    code: 'D',
    ko: '전기, 가스, 증기 및 공기 조절 공급업',
    en: 'Electricity, gas, steam and air conditioning supply',
  },
  {
    code: 'E',
    ko: '수도, 하수 및 폐기물 처리, 원료 재생업',
    en: 'Water supply; sewage, waste management and materials recovery',
  },
  { code: 'F', ko: '건설업', en: 'Construction' },
  { code: 'G', ko: '도매 및 소매업', en: 'Wholesale and retail trade' },
  { code: 'H', ko: '운수 및 창고업', en: 'Transportation and storage' },
  { code: 'I', ko: '숙박 및 음식점업', en: 'Accommodation and food service activities' },
  { code: 'J', ko: '정보통신업', en: 'Information and communication' },
  { code: 'K', ko: '금융 및 보험업', en: 'Financial and insurance activities' },
  { code: 'L', ko: '부동산업', en: 'Real estate activities' },
  { code: 'M', ko: '전문, 과학 및 기술 서비스업', en: 'Professional, scientific and technical activities' },
  {
    code: 'N',
    ko: '사업시설 관리, 사업 지원 및 임대 서비스업',
    en: 'Business facilities management and business support services; rental and leasing activities',
  },
  {
    code: 'O',
    ko: '공공 행정, 국방 및 사회보장 행정',
    en: 'Public administration and defence; compulsory social security',
  },
  { code: 'P', ko: '교육 서비스업', en: 'Education' },
  { code: 'Q', ko: '보건업 및 사회복지 서비스업', en: 'Human health and social work activities' },
  { code: 'R', ko: '예술, 스포츠 및 여가관련 서비스업', en: 'Arts, sports and recreation related services' },
  {
    code: 'S',
    ko: '협회 및 단체, 수리 및 기타 개인 서비스업',
    en: 'Membership organizations, repair and other personal services',
  },
  {
    code: 'T',
    ko: '가구 내 고용활동 및 달리 분류되지 않은 자가 소비 생산활동',
    en: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
  },
  { code: 'U', ko: '국제 및 외국기관', en: 'Activities of extraterritorial organizations and bodies' },
];

export const KSIC_DIVISIONS: readonly KsicDivision[] = [
  // A 농업, 임업 및 어업
  { code: '01', section: 'A', ko: '농업', en: 'Agriculture' },
  { code: '02', section: 'A', ko: '임업', en: 'Forestry' },
  { code: '03', section: 'A', ko: '어업', en: 'Fishing and aquaculture' },
  // B 광업
  {
    code: '05',
    section: 'B',
    ko: '석탄, 원유 및 천연가스 광업',
    en: 'Mining of coal, crude petroleum and natural gas',
  },
  { code: '06', section: 'B', ko: '금속 광업', en: 'Mining of metal ores' },
  {
    code: '07',
    section: 'B',
    ko: '비금속광물 광업; 연료용 제외',
    en: 'Mining of non-metallic minerals, except fuel',
  },
  { code: '08', section: 'B', ko: '광업 지원 서비스업', en: 'Mining support service activities' },
  // C 제조업
  { code: '10', section: 'C', ko: '식료품 제조업', en: 'Manufacture of food products' },
  { code: '11', section: 'C', ko: '음료 제조업', en: 'Manufacture of beverages' },
  { code: '12', section: 'C', ko: '담배 제조업', en: 'Manufacture of tobacco products' },
  {
    code: '13',
    section: 'C',
    ko: '섬유제품 제조업; 의복 제외',
    en: 'Manufacture of textiles, except apparel',
  },
  {
    code: '14',
    section: 'C',
    ko: '의복, 의복 액세서리 및 모피제품 제조업',
    en: 'Manufacture of wearing apparel, clothing accessories and fur articles',
  },
  {
    code: '15',
    section: 'C',
    ko: '가죽, 가방 및 신발 제조업',
    en: 'Manufacture of leather, luggage and footwear',
  },
  {
    code: '16',
    section: 'C',
    ko: '목재 및 나무제품 제조업; 가구 제외',
    en: 'Manufacture of wood and of products of wood and cork, except furniture',
  },
  {
    code: '17',
    section: 'C',
    ko: '펄프, 종이 및 종이제품 제조업',
    en: 'Manufacture of pulp, paper and paper products',
  },
  {
    code: '18',
    section: 'C',
    ko: '인쇄 및 기록매체 복제업',
    en: 'Printing and reproduction of recorded media',
  },
  {
    code: '19',
    section: 'C',
    ko: '코크스, 연탄 및 석유정제품 제조업',
    en: 'Manufacture of coke, briquettes and refined petroleum products',
  },
  {
    code: '20',
    section: 'C',
    ko: '화학 물질 및 화학제품 제조업; 의약품 제외',
    en: 'Manufacture of chemicals and chemical products, except pharmaceuticals and medicinal chemicals',
  },
  {
    code: '21',
    section: 'C',
    ko: '의료용 물질 및 의약품 제조업',
    en: 'Manufacture of pharmaceuticals, medicinal chemicals and botanical products',
  },
  {
    code: '22',
    section: 'C',
    ko: '고무 및 플라스틱제품 제조업',
    en: 'Manufacture of rubber and plastics products',
  },
  {
    code: '23',
    section: 'C',
    ko: '비금속 광물제품 제조업',
    en: 'Manufacture of other non-metallic mineral products',
  },
  { code: '24', section: 'C', ko: '1차 금속 제조업', en: 'Manufacture of basic metals' },
  {
    code: '25',
    section: 'C',
    ko: '금속 가공제품 제조업; 기계 및 가구 제외',
    en: 'Manufacture of fabricated metal products, except machinery and furniture',
  },
  {
    code: '26',
    section: 'C',
    ko: '전자 부품, 컴퓨터, 영상, 음향 및 통신장비 제조업',
    en: 'Manufacture of electronic components, computer; visual, sounding and communication equipment',
  },
  {
    code: '27',
    section: 'C',
    ko: '의료, 정밀, 광학 기기 및 시계 제조업',
    en: 'Manufacture of medical, precision and optical instruments, watches and clocks',
  },
  { code: '28', section: 'C', ko: '전기장비 제조업', en: 'Manufacture of electrical equipment' },
  {
    code: '29',
    section: 'C',
    ko: '기타 기계 및 장비 제조업',
    en: 'Manufacture of other machinery and equipment',
  },
  {
    code: '30',
    section: 'C',
    ko: '자동차 및 트레일러 제조업',
    en: 'Manufacture of motor vehicles, trailers and semitrailers',
  },
  { code: '31', section: 'C', ko: '기타 운송장비 제조업', en: 'Manufacture of other transport equipment' },
  { code: '32', section: 'C', ko: '가구 제조업', en: 'Manufacture of furniture' },
  { code: '33', section: 'C', ko: '기타 제품 제조업', en: 'Other manufacturing' },
  {
    code: '34',
    section: 'C',
    ko: '산업용 기계 및 장비 수리업',
    en: 'Industrial machinery and equipment repair',
  },
  // D 전기, 가스, 증기 및 공기 조절 공급업
  {
    code: '35',
    section: 'D',
    ko: '전기, 가스, 증기 및 공기 조절 공급업',
    en: 'Electricity, gas, steam and air conditioning supply',
  },
  // E 수도, 하수 및 폐기물 처리, 원료 재생업
  { code: '36', section: 'E', ko: '수도업', en: 'Water supply' },
  {
    code: '37',
    section: 'E',
    ko: '하수, 폐수 및 분뇨 처리업',
    en: 'Sewage, wastewater and human waste treatment services',
  },
  {
    code: '38',
    section: 'E',
    ko: '폐기물 수집, 운반, 처리 및 원료 재생업',
    en: 'Waste collection, transportation, disposal and materials recovery',
  },
  {
    code: '39',
    section: 'E',
    ko: '환경 정화 및 복원업',
    en: 'Remediation activities and other waste management services',
  },
  // F 건설업
  { code: '41', section: 'F', ko: '종합 건설업', en: 'General construction' },
  { code: '42', section: 'F', ko: '전문직별 공사업', en: 'Specialized construction activities' },
  // G 도매 및 소매업
  { code: '45', section: 'G', ko: '자동차 및 부품 판매업', en: 'Sale of motor vehicles and parts' },
  { code: '46', section: 'G', ko: '도매 및 상품 중개업', en: 'Wholesale trade and commission trade' },
  {
    code: '47',
    section: 'G',
    ko: '소매업; 자동차 제외',
    en: 'Retail trade, except motor vehicles and motorcycles',
  },
  // H 운수 및 창고업
  {
    code: '49',
    section: 'H',
    ko: '육상 운송 및 파이프라인 운송업',
    en: 'Land transport and transport via pipelines',
  },
  { code: '50', section: 'H', ko: '수상 운송업', en: 'Water transport' },
  { code: '51', section: 'H', ko: '항공 운송업', en: 'Air transport' },
  {
    code: '52',
    section: 'H',
    ko: '창고 및 운송관련 서비스업',
    en: 'Warehousing and support activities for transportation',
  },
  // I 숙박 및 음식점업
  { code: '55', section: 'I', ko: '숙박업', en: 'Accommodation' },
  { code: '56', section: 'I', ko: '음식점 및 주점업', en: 'Food and beverage service activities' },
  // J 정보통신업
  { code: '58', section: 'J', ko: '출판업', en: 'Publishing activities' },
  {
    code: '59',
    section: 'J',
    ko: '영상·오디오 기록물 제작 및 배급업',
    en: 'Motion picture, video and television programme production, sound recording and music publishing activities',
  },
  { code: '60', section: 'J', ko: '방송업', en: 'Broadcasting activities' },
  { code: '61', section: 'J', ko: '우편 및 통신업', en: 'Postal activities and telecommunications' },
  {
    code: '62',
    section: 'J',
    ko: '컴퓨터 프로그래밍, 시스템 통합 및 관리업',
    en: 'Computer programming, consultancy and related activities',
  },
  { code: '63', section: 'J', ko: '정보서비스업', en: 'Information service activities' },
  // K 금융 및 보험업
  {
    code: '64',
    section: 'K',
    ko: '금융업',
    en: 'Financial service activities, except insurance and pension funding',
  },
  { code: '65', section: 'K', ko: '보험 및 연금업', en: 'Insurance and pension funding' },
  {
    code: '66',
    section: 'K',
    ko: '금융 및 보험관련 서비스업',
    en: 'Activities auxiliary to financial service and insurance activities',
  },
  // L 부동산업
  { code: '68', section: 'L', ko: '부동산업', en: 'Real estate activities' },
  // M 전문, 과학 및 기술 서비스업
  { code: '70', section: 'M', ko: '연구개발업', en: 'Research and development' },
  { code: '71', section: 'M', ko: '전문 서비스업', en: 'Professional services' },
  {
    code: '72',
    section: 'M',
    ko: '건축 기술, 엔지니어링 및 기타 과학기술 서비스업',
    en: 'Architectural, engineering and other scientific technical services',
  },
  {
    code: '73',
    section: 'M',
    ko: '기타 전문, 과학 및 기술 서비스업',
    en: 'Other professional, scientific and technical services',
  },
  // N 사업시설 관리, 사업 지원 및 임대 서비스업
  {
    code: '74',
    section: 'N',
    ko: '사업시설 관리 및 조경 서비스업',
    en: 'Business facilities management and landscape services',
  },
  { code: '75', section: 'N', ko: '사업 지원 서비스업', en: 'Business support services' },
  {
    code: '76',
    section: 'N',
    ko: '임대업; 부동산 제외',
    en: 'Rental and leasing activities, except real estate',
  },
  // O 공공 행정, 국방 및 사회보장 행정
  {
    code: '84',
    section: 'O',
    ko: '공공 행정, 국방 및 사회보장 행정',
    en: 'Public administration and defence; compulsory social security',
  },
  // P 교육 서비스업
  { code: '85', section: 'P', ko: '교육 서비스업', en: 'Education' },
  // Q 보건업 및 사회복지 서비스업
  { code: '86', section: 'Q', ko: '보건업', en: 'Human health activities' },
  { code: '87', section: 'Q', ko: '사회복지 서비스업', en: 'Social work activities' },
  // R 예술, 스포츠 및 여가관련 서비스업
  {
    code: '90',
    section: 'R',
    ko: '창작, 예술 및 여가관련 서비스업',
    en: 'Creative, arts and recreation related services',
  },
  {
    code: '91',
    section: 'R',
    ko: '스포츠 및 오락관련 서비스업',
    en: 'Sports activities and amusement activities',
  },
  // S 협회 및 단체, 수리 및 기타 개인 서비스업
  { code: '94', section: 'S', ko: '협회 및 단체', en: 'Membership organizations' },
  {
    code: '95',
    section: 'S',
    ko: '개인 및 소비용품 수리업',
    en: 'Maintenance and repair services of personal and household goods',
  },
  { code: '96', section: 'S', ko: '기타 개인 서비스업', en: 'Other personal services activities' },
  // T 가구 내 고용활동 및 달리 분류되지 않은 자가 소비 생산활동
  {
    code: '97',
    section: 'T',
    ko: '가구 내 고용활동',
    en: 'Activities of households as employers of domestic personnel',
  },
  {
    code: '98',
    section: 'T',
    ko: '달리 분류되지 않은 자가 소비를 위한 가구의 재화 및 서비스 생산활동',
    en: 'Undifferentiated goods- and services-producing activities of private households for own use',
  },
  // U 국제 및 외국기관
  {
    code: '99',
    section: 'U',
    ko: '국제 및 외국기관',
    en: 'Activities of extraterritorial organizations and bodies',
  },
];

const SECTION_BY_CODE = new Map(KSIC_SECTIONS.map((s) => [s.code, s]));
const DIVISION_BY_CODE = new Map(KSIC_DIVISIONS.map((d) => [d.code, d]));

const SECTION_RE = /^[A-U]$/;
const DIGITS_RE = /^\d{1,5}$/;

/**
 * Section letter for a section letter ('J') or a numeric code of 1–5 digits whose first two digits are a
 * KSIC division ('62010' → 'J'). Codes are matched exactly: no trimming, upper-case letters only.
 */
export function ksicSectionOf(code: string): string | undefined {
  if (SECTION_RE.test(code)) return code;
  if (!DIGITS_RE.test(code) || code.length < 2) return undefined;
  return DIVISION_BY_CODE.get(code.slice(0, 2))?.section;
}

/** A section letter (A–U) or 2–5 digits starting with a KSIC division. */
export function isValidKsicCode(code: string): boolean {
  if (SECTION_RE.test(code)) return true;
  return /^\d{2,5}$/.test(code) && DIVISION_BY_CODE.has(code.slice(0, 2));
}

/**
 * Human label: 'J' → 'J 정보통신업', '62010' → '62 컴퓨터 프로그래밍, 시스템 통합 및 관리업' (the
 * division of a longer code). An unknown code is returned unchanged.
 */
export function ksicLabel(code: string, lang: KsicLang = 'ko'): string {
  const section = SECTION_RE.test(code) ? SECTION_BY_CODE.get(code) : undefined;
  if (section) return `${section.code} ${section[lang]}`;
  if (!/^\d{2,5}$/.test(code)) return code;
  const division = DIVISION_BY_CODE.get(code.slice(0, 2));
  return division ? `${division.code} ${division[lang]}` : code;
}

const SEARCH_LIMIT = 20;

function squash(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

interface SearchEntry {
  code: string;
  ko: string;
  en: string;
}

const SEARCH_ENTRIES: { entry: SearchEntry; ko: string; en: string }[] = [
  ...KSIC_SECTIONS,
  ...KSIC_DIVISIONS,
].map((entry) => ({ entry, ko: squash(entry.ko), en: squash(entry.en) }));

/**
 * Sections and divisions matching `query` by code (a section letter, a division-code prefix such as '6',
 * or a longer code such as '62010') or by a substring of the Korean or English name, ignoring case and
 * spaces. Best matches first (exact code, code prefix, name prefix, name substring); at most 20.
 */
export function searchKsic(query: string, lang: KsicLang = 'ko'): KsicMatch[] {
  const q = squash(query);
  if (!q) return [];
  const upper = q.toUpperCase();
  const scored: { code: string; rank: number; order: number }[] = [];
  SEARCH_ENTRIES.forEach(({ entry, ko, en }, order) => {
    let rank: number | undefined;
    if (entry.code === upper) rank = 0;
    else if (/^\d+$/.test(q) && q.length > 2 && q.startsWith(entry.code)) rank = 0;
    else if (/^\d+$/.test(q) && entry.code.startsWith(q)) rank = 1;
    else if (ko.startsWith(q) || en.startsWith(q)) rank = 2;
    else if (ko.includes(q) || en.includes(q)) rank = 3;
    if (rank !== undefined) scored.push({ code: entry.code, rank, order });
  });
  scored.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return scored.slice(0, SEARCH_LIMIT).map(({ code }) => ({ code, label: ksicLabel(code, lang) }));
}
