/** Korean text helpers shared by server and web. */

const LEGAL_FORMS =
  /\(주\)|㈜|\(유\)|\(사\)|\(재\)|주식회사|유한회사|유한책임회사|합자회사|합명회사|사단법인|재단법인|co\.?,?\s*ltd\.?|inc\.?|corp\.?/gi;

/** Name key for fuzzy search and dedup: legal form words, spaces and punctuation removed, lower case. */
export function companyNameKey(name: string): string {
  return name
    .replace(LEGAL_FORMS, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase();
}

/** Masks personal data for lists and exports: 홍길동 → 홍*동, 010-1234-5678 → 010-****-5678. */
export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  const chars = [...name];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  return phone.replace(/(\d{2,3})[-\s]?(\d{3,4})[-\s]?(\d{4})/, '$1-****-$3');
}

export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const [local, domain] = email.split('@');
  if (!domain) return '***';
  return `${local.slice(0, 2)}${'*'.repeat(Math.max(1, local.length - 2))}@${domain}`;
}

/** 1234567890 → '12억 3,456만 원' style is for UI; this is plain grouping. */
export function formatKrw(n: number | null | undefined): string {
  if (n === null || n === undefined) return '';
  return `${n.toLocaleString('ko-KR')}원`;
}
