import { SIZE_CLASSES, type SizeClass } from '../../../shared/enums';

/**
 * Cell parsers for member lists as associations send them: Korean number units (억, 만원), dates with
 * dots or slashes, Y/N/예/O marks. Each returns the typed value, null for a blank cell, or a `Bad` with a
 * message code (rendered by platform/messages.ts).
 */
export class Bad {
  constructor(readonly code: string) {}
}
export const isBad = (v: unknown): v is Bad => v instanceof Bad;
export type Parsed<T> = T | null | Bad;

/** NFKC only when there is something to fold (full-width digits and letters, ideographic space). */
const FOLDABLE = /[\u3000\uff01-\uff5e\u2460-\u24ff]/;
export const nfkc = (s: string) => (FOLDABLE.test(s) ? s.normalize('NFKC') : s);

const blank = (s: string) => s.trim() === '' || /^[-–—]$/.test(s.trim());

const BIG_UNITS: Record<string, number> = { 조: 1e12, 억: 1e8, 만: 1e4 };
const SMALL_UNITS: Record<string, number> = { 천: 1e3, 백: 1e2, 십: 10 };

/**
 * Korean money in won: '1,234', '12억', '3,000만원', '1.5억', '12억 3,000만원', '3천5백만원', '₩1,000'.
 * Plain numbers are multiplied by `unit` (from a header such as "매출액(백만원)"); values with their own
 * units are not. Returns a non-negative integer (rounded to the won).
 */
export function parseKrw(input: string, unit = 1): Parsed<number> {
  if (blank(input)) return null;
  const s = nfkc(input)
    .replace(/[\s,]/g, '')
    .replace(/^(₩|krw)/i, '')
    .replace(/(원|krw)$/i, '');
  if (s === '') return new Bad('number_format');
  if (/^\d+(\.\d+)?$/.test(s)) return roundMoney(Number(s) * unit);
  const tokens = s.match(/\d+(?:\.\d+)?|[조억만천백십]/g);
  if (!tokens || tokens.join('') !== s) return new Bad('number_format');
  let total = 0;
  let section = 0;
  let num: number | null = null;
  for (const t of tokens) {
    if (/^\d/.test(t)) {
      if (num !== null) return new Bad('number_format');
      num = Number(t);
    } else if (t in SMALL_UNITS) {
      section += (num ?? 1) * SMALL_UNITS[t];
      num = null;
    } else {
      section += num ?? 0;
      if (section === 0) return new Bad('number_format');
      total += section * BIG_UNITS[t];
      section = 0;
      num = null;
    }
  }
  total += section + (num ?? 0);
  return roundMoney(total);
}

function roundMoney(n: number): Parsed<number> {
  if (!Number.isFinite(n) || n < 0 || n > 1e15) return new Bad('number_format');
  return Math.round(n);
}

/** A head count: '1,234', '12명', '12 인'. */
export function parseCount(input: string): Parsed<number> {
  if (blank(input)) return null;
  const s = nfkc(input)
    .replace(/[\s,]/g, '')
    .replace(/(명|인)$/, '');
  if (!/^\d+(\.0+)?$/.test(s)) return new Bad('number_format');
  const n = Number(s);
  return n <= 10_000_000 ? n : new Bad('number_format');
}

const pad = (n: string) => n.padStart(2, '0');
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) =>
  m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : DAYS[m - 1];

/** Today's date in Seoul as YYYY-MM-DD. */
export const seoulDate = (d = new Date()) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' });

/**
 * YYYY-MM-DD from 2015-03-05, 2015.3.5, 2015. 03. 05., 20150305, 2015/03/05, 2015년 3월 5일. Dates after
 * `today` (a Date or YYYY-MM-DD) or before 1800 are refused.
 */
export function parseDate(input: string, today: Date | string = new Date()): Parsed<string> {
  if (blank(input)) return null;
  const s = nfkc(input).trim();
  let m = s.match(
    /^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*[.일]?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/,
  );
  if (!m) m = s.match(/^(\d{4})(\d{2})(\d{2})$/);
  if (!m) return new Bad('date_format');
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return new Bad('date_format');
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  const max = typeof today === 'string' ? today : seoulDate(today);
  if (y < 1800 || iso > max) return new Bad('date_format');
  return iso;
}

const TRUE = new Set([
  'y',
  'yes',
  '예',
  '네',
  'o',
  '○',
  '●',
  '◯',
  'v',
  '✓',
  '✔',
  'true',
  '1',
  '해당',
  '여',
  '있음',
]);
const FALSE = new Set([
  'n',
  'no',
  '아니오',
  '아니요',
  '아니',
  'x',
  '×',
  '✗',
  'false',
  '0',
  '비해당',
  '부',
  '없음',
]);

/** Y/N, 예/아니오, O/X, TRUE/FALSE, 1/0, 해당/비해당. A blank cell is `false` (lists mark only the yes rows). */
export function parseBool(input: string): boolean | Bad {
  const s = nfkc(input).trim().toLowerCase();
  if (s === '' || s === '-') return false;
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return new Bad('boolean_format');
}

const SIZE_WORDS: Record<string, SizeClass> = {
  소기업: 'small',
  소: 'small',
  소상공인: 'small',
  소공인: 'small',
  small: 'small',
  s: 'small',
  중기업: 'medium',
  중: 'medium',
  medium: 'medium',
  m: 'medium',
  중견기업: 'midsize',
  중견: 'midsize',
  midsize: 'midsize',
  'mid-size': 'midsize',
  midsized: 'midsize',
  대기업: 'large',
  대: 'large',
  large: 'large',
  l: 'large',
};

export function parseSizeClass(input: string): Parsed<SizeClass> {
  if (blank(input)) return null;
  const s = nfkc(input).trim().toLowerCase().replace(/\s+/g, '');
  const v = SIZE_WORDS[s] ?? (SIZE_CLASSES as readonly string[]).find((c) => c === s);
  return (v as SizeClass | undefined) ?? new Bad('size_class_unknown');
}

/** KSIC code: '62010', '62-010', 'J62010' (a section letter before digits is dropped), 'j'. */
export function normalizeKsic(input: string): string | null {
  if (blank(input)) return null;
  const s = nfkc(input)
    .trim()
    .replace(/[\s.-]/g, '')
    .toUpperCase();
  return /^[A-U]\d{2,5}$/.test(s) ? s.slice(1) : s;
}

/** Phone as 02-1234-5678 / 031-123-4567 / 010-1234-5678; restores the leading 0 Excel drops from numbers. */
export function parsePhone(input: string): Parsed<string> {
  if (blank(input)) return null;
  let d = nfkc(input).replace(/[\s().-]/g, '');
  if (/^\+?82/.test(d)) d = `0${d.replace(/^\+?82/, '').replace(/^0/, '')}`;
  if (!/^\d+$/.test(d)) return new Bad('phone_format');
  if (!d.startsWith('0') && (d.length === 8 || d.length === 9 || d.length === 10)) d = `0${d}`;
  const m =
    d.startsWith('02') && (d.length === 9 || d.length === 10)
      ? [d.slice(0, 2), d.slice(2, -4), d.slice(-4)]
      : d.length === 10 || d.length === 11
        ? [d.slice(0, 3), d.slice(3, -4), d.slice(-4)]
        : null;
  if (!m || !/^0\d{1,2}$/.test(m[0]) || !/^\d{3,4}$/.test(m[1])) return new Bad('phone_format');
  return m.join('-');
}

/** https:// is added to bare host names (www.example.kr). */
export function parseHomepage(input: string): Parsed<string> {
  if (blank(input)) return null;
  const s = input.trim();
  const withScheme = /^https?:\/\//i.test(s) ? s : `https://${s}`;
  try {
    const u = new URL(withScheme);
    if (!/^https?:$/.test(u.protocol) || !u.hostname.includes('.') || /\s/.test(s))
      return new Bad('url_format');
  } catch {
    return new Bad('url_format');
  }
  return withScheme.length <= 300 ? withScheme : new Bad('too_big');
}

const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i;

export function parseEmail(input: string): Parsed<string> {
  if (blank(input)) return null;
  const s = input
    .trim()
    .replace(/^mailto:/i, '')
    .toLowerCase();
  if (s.length > 254 || !EMAIL_RE.test(s)) return new Bad('email_format');
  return s;
}

/** Tags separated by , ; or new lines; duplicates removed; at most 30 of 40 characters each. */
export function parseTags(input: string): Parsed<string[]> {
  if (blank(input)) return null;
  const tags = [
    ...new Set(
      input
        .split(/[,;\n\r]+/)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are removed
        .map((t) => t.replace(/[\u0000-\u001f\u007f]/g, '').trim())
        .filter(Boolean),
    ),
  ];
  if (tags.length === 0) return null;
  if (tags.length > 30 || tags.some((t) => t.length > 40)) return new Bad('too_big');
  return tags;
}
