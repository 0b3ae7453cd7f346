import { formatBrn } from '../../shared/brn';
import { districtLabel } from '../../shared/districts';
import { ksicLabel } from '../../shared/ksic';
import type { Lang } from '../i18n';

const TZ = 'Asia/Seoul';
const locale = (lang: Lang) => (lang === 'ko' ? 'ko-KR' : 'en-GB');

/** An instant, shown in Korea Standard Time: 2021. 3. 15. 오후 5:58 / 15 Mar 2021, 17:58 KST. */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = new Intl.DateTimeFormat(locale(lang), {
    timeZone: TZ,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d);
  return lang === 'en' ? `${s} KST` : s;
}

/** A calendar date (YYYY-MM-DD, no time zone) or an instant's date in KST. */
export function formatDate(value: string | null | undefined, lang: Lang): string {
  if (!value) return '';
  const plain = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const d = new Date(plain ? `${value}T00:00:00+09:00` : value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale(lang), { timeZone: TZ, dateStyle: 'medium' }).format(d);
}

export function formatNumber(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '';
  return n.toLocaleString(locale(lang));
}

/** 1,234,000,000원 / KRW 1,234,000,000 */
export function formatKrw(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '';
  return lang === 'ko' ? `${n.toLocaleString('ko-KR')}원` : `KRW ${n.toLocaleString('en-GB')}`;
}

/** Compact: 9억 9,800만 원 · 4,500만 원 / KRW 998 m · KRW 1.23 bn (remainders below 만 원 dropped). */
export function formatKrwCompact(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined) return '';
  if (lang === 'ko') {
    if (n < 1e4) return `${n.toLocaleString('ko-KR')}원`;
    const eok = Math.floor(n / 1e8);
    const man = Math.floor((n % 1e8) / 1e4);
    const parts = [
      eok ? `${eok.toLocaleString('ko-KR')}억` : '',
      man ? `${man.toLocaleString('ko-KR')}만` : '',
    ];
    return `${parts.filter(Boolean).join(' ')} 원`;
  }
  const round = (x: number, digits: number) => Number(x.toFixed(digits)).toLocaleString('en-GB');
  if (n >= 1e9) return `KRW\u00a0${round(n / 1e9, 2)}\u00a0bn`;
  if (n >= 1e6) return `KRW\u00a0${round(n / 1e6, 1)}\u00a0m`;
  return `KRW ${n.toLocaleString('en-GB')}`;
}

export const brn = (value: string | null | undefined) => (value ? formatBrn(value) : '');
export const district = (code: string | null | undefined, lang: Lang) => districtLabel(code, lang);
export const ksic = (code: string | null | undefined, lang: Lang) => (code ? ksicLabel(code, lang) : '');
