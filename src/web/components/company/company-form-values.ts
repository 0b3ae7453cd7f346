import type { Company } from '../../../server/modules/companies/contract';

/** What the company form's inputs hold (strings until setValueAs converts them). */
export interface CompanyFormValues {
  brn?: string;
  name: string;
  crn: string | null;
  representative: string | null;
  foundedOn: string | null;
  sizeClass: string | null;
  isMicro: boolean;
  isStartup: boolean;
  ksicCode: string | null;
  address: string | null;
  district: string | null;
  employees: number | string | null;
  revenue: number | string | null;
  homepage: string | null;
  phone: string | null;
  email: string | null;
  tags: string[] | string;
  dxInterests: string[];
}

export const EDITABLE_KEYS = [
  'name',
  'crn',
  'representative',
  'foundedOn',
  'sizeClass',
  'isMicro',
  'isStartup',
  'ksicCode',
  'address',
  'district',
  'employees',
  'revenue',
  'homepage',
  'phone',
  'email',
  'tags',
  'dxInterests',
] as const;
export type EditableKey = (typeof EDITABLE_KEYS)[number];

export function emptyCompanyValues(brn = ''): CompanyFormValues {
  return {
    brn,
    name: '',
    crn: '',
    representative: '',
    foundedOn: '',
    sizeClass: '',
    isMicro: false,
    isStartup: false,
    ksicCode: '',
    address: '',
    district: '',
    employees: '',
    revenue: '',
    homepage: '',
    phone: '',
    email: '',
    tags: '',
    dxInterests: [],
  };
}

/** Form defaults from a stored company (null → '' so inputs stay controlled by RHF). */
export function companyToValues(c: Company): CompanyFormValues {
  const s = (v: string | null) => v ?? '';
  return {
    name: c.name,
    crn: s(c.crn),
    representative: s(c.representative),
    foundedOn: s(c.foundedOn),
    sizeClass: s(c.sizeClass),
    isMicro: c.isMicro,
    isStartup: c.isStartup,
    ksicCode: s(c.ksicCode),
    address: s(c.address),
    district: s(c.district),
    employees: c.employees ?? '',
    revenue: c.revenue ?? '',
    homepage: s(c.homepage),
    phone: s(c.phone),
    email: s(c.email),
    tags: c.tags.join(', '),
    dxInterests: [...c.dxInterests],
  };
}

const norm = (v: unknown) =>
  v === '' || v === undefined ? null : Array.isArray(v) ? JSON.stringify([...v].sort()) : v;

/** The fields whose parsed value differs from the stored company: the PATCH body. */
export function changedFields(original: Company, parsed: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of EDITABLE_KEYS) {
    if (!(k in parsed)) continue;
    if (norm(parsed[k]) !== norm(original[k])) out[k] = parsed[k];
  }
  return out;
}
