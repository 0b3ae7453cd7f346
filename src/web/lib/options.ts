import type { TFunction } from 'i18next';
import { OUTSIDE_SEOUL, SEOUL_DISTRICTS } from '../../shared/districts';
import { DX_INTERESTS, PROVENANCES, ROLES, SIZE_CLASSES } from '../../shared/enums';
import { KSIC_DIVISIONS, KSIC_SECTIONS } from '../../shared/ksic';
import type { Option } from '../components/Field';
import type { Lang } from '../i18n';

export const districtOptions = (lang: Lang): Option[] =>
  [...SEOUL_DISTRICTS, OUTSIDE_SEOUL].map((d) => ({ value: d.code, label: d[lang] }));

const enumOptions = (values: readonly string[], prefix: string, t: TFunction): Option[] =>
  values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

export const sizeClassOptions = (t: TFunction) => enumOptions(SIZE_CLASSES, 'enums.sizeClass', t);
export const provenanceOptions = (t: TFunction) => enumOptions(PROVENANCES, 'enums.provenance', t);
export const roleOptions = (t: TFunction) => enumOptions(ROLES, 'enums.role', t);
export const dxInterestOptions = (t: TFunction) => enumOptions(DX_INTERESTS, 'enums.dxInterest', t);

/** KSIC sections, each with its divisions, for <optgroup>s. */
export const ksicGroups = (lang: Lang) =>
  KSIC_SECTIONS.map((s) => ({
    section: { value: s.code, label: `${s.code} ${s[lang]}` },
    divisions: KSIC_DIVISIONS.filter((d) => d.section === s.code).map((d) => ({
      value: d.code,
      label: `${d.code} ${d[lang]}`,
    })),
  }));
