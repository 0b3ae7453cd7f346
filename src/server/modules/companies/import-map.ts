import { ValidationError } from '../../platform/errors';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  REQUIRED_IMPORT_FIELDS,
} from './import-contract';

/**
 * Header suggestion for the import wizard's mapping step: Korean and English header variants of
 * association member lists (회원사 명단) → registry fields.
 */
const ALIASES: Record<ImportField, string[]> = {
  brn: [
    '사업자등록번호',
    '사업자번호',
    '사업자등록',
    '사업자no',
    'brn',
    'businessregistrationnumber',
    'businessregistrationno',
    'businessno',
    'businessnumber',
    'registrationnumber',
  ],
  crn: ['법인등록번호', '법인번호', 'crn', 'corporateregistrationnumber', 'corporateregistrationno'],
  name: [
    '기업명',
    '회사명',
    '상호',
    '상호명',
    '업체명',
    '기업체명',
    '법인명',
    '사업체명',
    '회원사명',
    '회원사',
    'companyname',
    'company',
    'name',
    'firmname',
    'firm',
  ],
  representative: [
    '대표자',
    '대표자명',
    '대표자성명',
    '대표',
    '대표명',
    '대표이사',
    'ceo',
    'ceoname',
    'representative',
    'representativename',
  ],
  foundedOn: [
    '설립일',
    '설립일자',
    '설립년월일',
    '개업일',
    '개업일자',
    '창업일',
    'founded',
    'foundedon',
    'foundingdate',
  ],
  sizeClass: ['기업규모', '규모', '기업규모구분', 'size', 'sizeclass', 'companysize'],
  ksicCode: [
    '업종코드',
    'ksic',
    'ksic코드',
    'ksiccode',
    '산업분류',
    '산업분류코드',
    '표준산업분류',
    '표준산업분류코드',
    '업태코드',
    'industrycode',
  ],
  address: ['주소', '소재지', '사업장주소', '사업장소재지', '본사주소', '회사주소', '도로명주소', 'address'],
  district: ['자치구', '구', '소재구', '관할구', '지역구', 'district', 'gu'],
  employees: [
    '종업원수',
    '직원수',
    '상시근로자수',
    '상시근로자',
    '근로자수',
    '상시종업원수',
    '임직원수',
    '종업원',
    'employees',
    'employeecount',
    'numberofemployees',
    'headcount',
    'staff',
  ],
  revenue: [
    '매출액',
    '매출',
    '연매출',
    '연매출액',
    '매출액원',
    'revenue',
    'sales',
    'annualrevenue',
    'turnover',
  ],
  homepage: ['홈페이지', '웹사이트', '홈페이지주소', '홈페이지url', 'homepage', 'website', 'web', 'url'],
  phone: [
    '전화',
    '전화번호',
    '대표전화',
    '대표번호',
    '연락처',
    '회사전화',
    'tel',
    'telephone',
    'phone',
    'phonenumber',
  ],
  email: ['이메일', '이메일주소', '전자우편', '메일', 'email', 'emailaddress', 'mail'],
  tags: ['태그', '키워드', '관심분야', 'tags', 'tag', 'keywords'],
  isMicro: ['소상공인', '소상공인여부', 'micro', 'ismicro', 'microenterprise', 'smallbusiness'],
  isStartup: ['스타트업', '창업기업', '스타트업여부', '창업기업여부', 'startup', 'isstartup'],
};

/** Lower case, bracketed notes ("(필수)", "[원]") and spaces/punctuation removed. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|<[^>]*>/g, '')
    .replace(/^\s*\*|\*\s*$/g, '')
    .replace(/[\s_\-.,:;/\\·'"*#№]+/g, '');
}

const EXACT = new Map<string, ImportField>();
for (const f of IMPORT_FIELDS) for (const a of ALIASES[f]) EXACT.set(a, f);
/** Korean aliases looked for inside a longer header ("본사 주소", "2023년 매출액", "대표자 연락처"). */
const CONTAINED = [...EXACT.entries()].filter(([a]) => a.length >= 2 && /[가-힣]/.test(a));

/**
 * The alias contained in a normalized header that ends last (the head noun of a Korean compound such as
 * "대표자연락처" is its last word), the longer one on ties.
 */
function containedField(n: string): ImportField | undefined {
  let best: { end: number; len: number; field: ImportField } | undefined;
  for (const [a, field] of CONTAINED) {
    const at = n.lastIndexOf(a);
    if (at < 0) continue;
    const end = at + a.length;
    if (!best || end > best.end || (end === best.end && a.length > best.len))
      best = { end, len: a.length, field };
  }
  return best?.field;
}

/** The field a header most likely holds, or undefined. */
export function fieldForHeader(header: string): ImportField | undefined {
  const n = normalizeHeader(header);
  if (!n) return undefined;
  return EXACT.get(n) ?? containedField(n);
}

/** Suggested mapping (field → header): exact alias matches first, then headers containing an alias. */
export function suggestMapping(headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  const assign = (pick: (n: string) => ImportField | undefined) => {
    headers.forEach((h, i) => {
      if (used.has(i)) return;
      const f = pick(normalizeHeader(h));
      if (f && !mapping[f]) {
        mapping[f] = h;
        used.add(i);
      }
    });
  };
  assign((n) => EXACT.get(n));
  assign((n) => (n ? containedField(n) : undefined));
  return mapping;
}

/** Money unit named in a header such as "매출액(백만원)" or "매출 (단위: 억원)"; 1 when none. */
export function headerMoneyUnit(header: string): number {
  const h = header.replace(/\s+/g, '');
  if (/천만원/.test(h)) return 10_000_000;
  if (/백만원|million/i.test(h)) return 1_000_000;
  if (/억원/.test(h)) return 100_000_000;
  if (/천원|thousand/i.test(h)) return 1_000;
  if (/만원/.test(h)) return 10_000;
  return 1;
}

/** Every mapped column must exist in the file; BRN and name must be mapped. */
export function checkMapping(headers: string[], mapping: ImportMapping): ImportMapping {
  const fields: { path: string; message: string }[] = [];
  const clean: ImportMapping = {};
  for (const f of IMPORT_FIELDS) {
    const h = mapping[f];
    if (h === undefined) continue;
    if (!headers.includes(h)) fields.push({ path: `mapping.${f}`, message: 'unknown_column' });
    else clean[f] = h;
  }
  for (const f of REQUIRED_IMPORT_FIELDS)
    if (mapping[f] === undefined) fields.push({ path: `mapping.${f}`, message: 'required' });
  if (fields.length) throw new ValidationError('mapping_invalid', fields);
  return clean;
}
