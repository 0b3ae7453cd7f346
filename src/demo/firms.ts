import { withCheckDigit } from '../shared/brn';
import { SEOUL_DISTRICTS } from '../shared/districts';
import { companyNameKey } from '../shared/text';
import { type Rng, rng } from './random';

/**
 * Generated population of Seoul firms: realistic spread by district, KSIC section and size class.
 * Deterministic for a given seed; BRNs are valid and unique for indexes below 5,000,000.
 */
export interface GeneratedFirm {
  brn: string;
  name: string;
  nameKey: string;
  representative: string;
  foundedOn: string;
  sizeClass: 'small' | 'medium' | 'midsize' | 'large';
  isMicro: boolean;
  isStartup: boolean;
  ksicCode: string;
  address: string;
  district: string;
  employees: number;
  revenue: number;
  phone: string;
  email: string;
  homepage: string | null;
  tags: string[];
  dxInterests: string[];
}

/** Weights roughly follow the number of businesses per district (강남·서초·중구·영등포·구로·금천 lead). */
const DISTRICT_WEIGHTS: Record<string, number> = {
  gangnam: 14,
  seocho: 8,
  jung: 7,
  yeongdeungpo: 7,
  guro: 6,
  geumcheon: 6,
  songpa: 6,
  mapo: 6,
  jongno: 5,
  seongdong: 5,
  gangseo: 4,
  yongsan: 3,
  gwangjin: 3,
  dongdaemun: 3,
  gwanak: 3,
  yangcheon: 3,
  seongbuk: 2,
  dongjak: 2,
  gangdong: 3,
  seodaemun: 2,
  eunpyeong: 2,
  nowon: 2,
  jungnang: 2,
  gangbuk: 1,
  dobong: 1,
};
const DISTRICT_PAIRS = SEOUL_DISTRICTS.map((d) => [d, DISTRICT_WEIGHTS[d.code] ?? 1] as const);

/** KSIC divisions with weights and name stems: manufacturing, ICT, wholesale/retail, services … */
const INDUSTRIES: readonly (readonly [{ div: string; stems: string[]; tags: string[] }, number])[] = [
  [{ div: '26', stems: ['전자', '반도체', '디스플레이', '센서'], tags: ['제조', '전자부품'] }, 6],
  [{ div: '29', stems: ['정밀', '기계', '오토메이션'], tags: ['제조', '기계'] }, 5],
  [{ div: '25', stems: ['금속', '메탈', '정공'], tags: ['제조', '금속가공'] }, 4],
  [{ div: '10', stems: ['푸드', '식품', '제과'], tags: ['제조', '식품'] }, 4],
  [{ div: '14', stems: ['어패럴', '패션', '텍스타일'], tags: ['제조', '의류'] }, 4],
  [{ div: '21', stems: ['바이오', '제약', '헬스케어'], tags: ['제조', '바이오'] }, 2],
  [{ div: '27', stems: ['메디칼', '의료기', '광학'], tags: ['제조', '의료기기'] }, 2],
  [{ div: '22', stems: ['플라스틱', '폴리머', '소재'], tags: ['제조', '소재'] }, 2],
  [{ div: '58', stems: ['소프트', '퍼블리싱', '게임즈'], tags: ['ICT', '소프트웨어'] }, 5],
  [{ div: '62', stems: ['시스템', '솔루션', '테크', '아이티'], tags: ['ICT', 'SI'] }, 9],
  [{ div: '63', stems: ['데이터', '플랫폼', '클라우드', '에이아이'], tags: ['ICT', '플랫폼'] }, 5],
  [{ div: '59', stems: ['미디어', '스튜디오', '필름'], tags: ['콘텐츠'] }, 3],
  [{ div: '46', stems: ['상사', '무역', '유통'], tags: ['도매'] }, 10],
  [{ div: '47', stems: ['마켓', '커머스', '스토어'], tags: ['소매', '이커머스'] }, 7],
  [{ div: '71', stems: ['컨설팅', '파트너스', '디자인'], tags: ['전문서비스'] }, 6],
  [{ div: '72', stems: ['엔지니어링', '건축사무소'], tags: ['전문서비스', '엔지니어링'] }, 3],
  [{ div: '70', stems: ['연구소', '랩스', '이노베이션'], tags: ['연구개발'] }, 3],
  [{ div: '73', stems: ['크리에이티브', '애드', '커뮤니케이션'], tags: ['광고'] }, 3],
  [{ div: '41', stems: ['건설', '종합건설'], tags: ['건설'] }, 3],
  [{ div: '49', stems: ['물류', '로지스', '운송'], tags: ['물류'] }, 3],
  [{ div: '56', stems: ['키친', '다이닝', '카페'], tags: ['음식점'] }, 3],
  [{ div: '85', stems: ['에듀', '아카데미', '러닝'], tags: ['교육'] }, 2],
  [{ div: '75', stems: ['서비스', '매니지먼트'], tags: ['사업지원'] }, 2],
];

const NAME_HEADS = [
  '한빛',
  '새솔',
  '다온',
  '누리',
  '가람',
  '온새미',
  '하람',
  '미르',
  '별빛',
  '푸른',
  '세움',
  '이음',
  '한결',
  '다솜',
  '라온',
  '아름',
  '슬기',
  '여울',
  '초록',
  '해솔',
  '늘봄',
  '단비',
  '도담',
  '마루',
  '보람',
  '소담',
  '아라',
  '나래',
  '그린',
  '스마트',
  '넥스트',
  '퓨처',
  '코리아',
  '서울',
  '글로벌',
  '유니',
  '제이',
  '에스',
  '케이',
  '엠',
  '디지털',
  '에이스',
  '베스트',
  '트루',
  '블루',
  '오픈',
  '원',
  '뉴',
  '하이',
  '알파',
  '비전',
  '모아',
  '한마음',
  '대한',
  '동방',
];
const SURNAMES = [
  '김',
  '이',
  '박',
  '최',
  '정',
  '강',
  '조',
  '윤',
  '장',
  '임',
  '한',
  '오',
  '서',
  '신',
  '권',
  '황',
  '안',
  '송',
  '류',
  '홍',
];
const GIVEN = [
  '민',
  '서',
  '지',
  '현',
  '수',
  '영',
  '준',
  '호',
  '우',
  '진',
  '하',
  '은',
  '성',
  '재',
  '희',
  '윤',
  '경',
  '태',
  '혜',
  '동',
];
const STREETS = [
  '디지털로',
  '테헤란로',
  '강남대로',
  '월드컵북로',
  '가산디지털1로',
  '성수이로',
  '을지로',
  '국제금융로',
  '올림픽로',
  '양재대로',
  '마포대로',
  '청계천로',
  '경인로',
  '구로동로',
  '법원로',
  '도산대로',
];
const DX = [
  'strategy',
  'process',
  'data',
  'ai',
  'cloud',
  'platform',
  'marketing',
  'smartFactory',
  'security',
  'education',
];
const LEGAL = [
  ['(주)', 5],
  ['주식회사 ', 3],
  ['', 4],
] as const;

function brnFor(i: number, r: Rng): string {
  const office = 101 + (i % 800);
  const serial = Math.floor(i / 800);
  const type = r.weighted([
    ['81', 5],
    ['86', 3],
    ['87', 2],
    ['01', 2],
    ['05', 1],
    ['11', 1],
    ['23', 1],
  ] as const);
  return withCheckDigit(`${office}${type}${String(serial).padStart(4, '0')}`);
}

export function generateFirm(i: number, seed = 2021): GeneratedFirm {
  const r = rng(seed * 1_000_003 + i);
  const district = r.weighted(DISTRICT_PAIRS);
  const ind = r.weighted(INDUSTRIES);
  const head = r.pick(NAME_HEADS);
  const stem = r.pick(ind.stems);
  const legal = r.weighted(LEGAL);
  const name = `${legal}${head}${stem}${i % 7 === 0 ? r.pick(['', '코리아', '랩', '원']) : ''}`.trim();
  const sizeClass = r.weighted([
    ['small', 76],
    ['medium', 19],
    ['midsize', 4],
    ['large', 1],
  ] as const);
  const employees =
    sizeClass === 'small'
      ? r.int(1, 49)
      : sizeClass === 'medium'
        ? r.int(50, 299)
        : sizeClass === 'midsize'
          ? r.int(300, 999)
          : r.int(1000, 5000);
  const revenuePerHead = r.int(80, 400) * 1_000_000;
  const year = r.weighted([
    [r.int(1985, 2004), 3],
    [r.int(2005, 2014), 4],
    [r.int(2015, 2021), 5],
  ] as const);
  const foundedOn = `${year}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const rep = `${r.pick(SURNAMES)}${r.pick(GIVEN)}${r.pick(GIVEN)}`;
  const dxInterests = [...new Set([r.pick(DX), r.pick(DX), ...(r.next() < 0.4 ? [r.pick(DX)] : [])])];
  const idx = String(i).padStart(6, '0');
  return {
    brn: brnFor(i, r),
    name,
    nameKey: companyNameKey(name),
    representative: rep,
    foundedOn,
    sizeClass,
    isMicro: sizeClass === 'small' && employees < 10,
    isStartup: year >= 2015,
    ksicCode: `${ind.div}${r.int(1, 9)}${r.int(0, 9)}${r.int(0, 9)}`,
    address: `서울특별시 ${district.ko} ${r.pick(STREETS)} ${r.int(1, 400)}`,
    district: district.code,
    employees,
    revenue: employees * revenuePerHead,
    phone: `02-${r.int(200, 999)}-${String(r.int(0, 9999)).padStart(4, '0')}`,
    email: `contact${idx}@example.kr`,
    homepage: r.next() < 0.6 ? `https://www.firm${idx}.example.kr` : null,
    tags: ind.tags,
    dxInterests,
  };
}

/** CSV column order used by COPY for generated firms. */
export const FIRM_COLUMNS = [
  'brn',
  'name',
  'name_key',
  'representative',
  'founded_on',
  'size_class',
  'is_micro',
  'is_startup',
  'ksic_code',
  'address',
  'district',
  'employees',
  'revenue',
  'phone',
  'email',
  'homepage',
  'tags',
  'dx_interests',
] as const;

const q = (v: string | null) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
const arr = (xs: string[]) => q(`{${xs.map((x) => `"${x}"`).join(',')}}`);

export function firmCsvLine(f: GeneratedFirm): string {
  return [
    f.brn,
    q(f.name),
    q(f.nameKey),
    q(f.representative),
    f.foundedOn,
    f.sizeClass,
    f.isMicro,
    f.isStartup,
    f.ksicCode,
    q(f.address),
    f.district,
    f.employees,
    f.revenue,
    q(f.phone),
    q(f.email),
    q(f.homepage),
    arr(f.tags),
    arr(f.dxInterests),
  ].join(',');
}
