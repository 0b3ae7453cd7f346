import { josa } from 'es-hangul';
import type { Lang } from '../i18n';

type Pattern = Parameters<typeof josa>[1];

/** '디지털존' + '을/를' → '디지털존을' in Korean; the bare word in English. */
export function withJosa(word: string, pattern: Pattern, lang: Lang): string {
  if (lang !== 'ko' || !word) return word;
  try {
    return josa(word, pattern);
  } catch {
    return word;
  }
}
