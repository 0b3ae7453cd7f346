import { isValidBrn, isValidCrn, normalizeBrn } from '../../../shared/brn';
import { districtFromAddress, parseDistrict } from '../../../shared/districts';
import type { SizeClass } from '../../../shared/enums';
import { isValidKsicCode } from '../../../shared/ksic';
import { companyNameKey } from '../../../shared/text';
import type { Lang } from '../../platform/messages';
import { fieldMessage, message } from '../../platform/messages';
import type { Table } from '../../platform/tabular';
import type { ImportField, ImportMapping, ImportRowError } from './import-contract';
import { headerMoneyUnit } from './import-map';
import {
  Bad,
  isBad,
  nfkc,
  normalizeKsic,
  type Parsed,
  parseBool,
  parseCount,
  parseDate,
  parseEmail,
  parseHomepage,
  parseKrw,
  parsePhone,
  parseSizeClass,
  parseTags,
  seoulDate,
} from './import-parse';

/** One valid member-list row, typed as the registry stores it. */
export interface ImportRow {
  rowNo: number;
  brn: string;
  /** the company the row updates: its own BRN, or the survivor's when that BRN was merged away */
  targetBrn: string;
  crn: string | null;
  name: string;
  nameKey: string;
  representative: string | null;
  foundedOn: string | null;
  sizeClass: SizeClass | null;
  isMicro: boolean;
  isStartup: boolean;
  ksicCode: string | null;
  address: string | null;
  district: string | null;
  employees: number | null;
  revenue: number | null;
  homepage: string | null;
  phone: string | null;
  email: string | null;
  tags: string[] | null;
}

export interface RowIssue {
  row: number;
  field: ImportField | null;
  code: string;
  value: string | null;
  params?: Record<string, string | number>;
}

export interface Validation {
  total: number;
  valid: ImportRow[];
  issues: RowIssue[];
  /** spreadsheet row numbers with at least one issue */
  invalidRows: Set<number>;
}

const OUTSIDE_SEOUL_RE =
  /^(경기|인천|부산|대구|광주|대전|울산|세종|강원|충청|충북|충남|전라|전북|전남|경상|경북|경남|제주)/;

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and other control characters are removed
const CONTROL_RE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, without the global flag (a cheap test)
const HAS_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function districtOf(address: string): string | undefined {
  const fromSeoul = districtFromAddress(address);
  if (fromSeoul) return fromSeoul;
  const gu = address.match(/^([가-힣]{1,4}구)\s/);
  if (gu) return parseDistrict(gu[1]);
  return OUTSIDE_SEOUL_RE.test(address.trim()) ? 'outside' : undefined;
}

/** Free text: control characters removed (COPY refuses NUL), at most `max` characters. */
const text = (max: number) => (input: string) => {
  const s = HAS_CONTROL.test(input) ? input.replace(CONTROL_RE, '').trim() : input;
  return s === '' ? null : s.length > max ? new Bad('too_big') : s;
};
const name200 = text(200);
const text100 = text(100);
const text300 = text(300);

function parseCrn(s: string): Parsed<string> {
  if (!s) return null;
  const d = s.replace(/[\s-]/g, '');
  if (!/^\d{13}$/.test(d)) return new Bad('crn_format');
  return isValidCrn(d) ? d : new Bad('crn_checksum');
}

function parseKsic(s: string): Parsed<string> {
  const k = normalizeKsic(s);
  return k === null ? null : isValidKsicCode(k) ? k : new Bad('ksic_unknown');
}

/**
 * Checks every row against the mapping and converts it to typed values. Duplicate BRNs within the file
 * are errors on the later rows. `onProgress` is awaited every few thousand rows (background jobs).
 */
export async function validateTable(
  table: Pick<Table, 'headers' | 'rows'> & { rowNumbers?: number[] },
  mapping: ImportMapping,
  /** today: a Date, or the YYYY-MM-DD date in Asia/Seoul (runImport passes the database's) */
  opts: { today?: Date | string; onProgress?: (done: number) => Promise<void> } = {},
): Promise<Validation> {
  const col: Partial<Record<ImportField, number>> = {};
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    const i = table.headers.indexOf(header);
    if (i >= 0) col[field] = i;
  }
  const revenueUnit = mapping.revenue ? headerMoneyUnit(mapping.revenue) : 1;
  const today = typeof opts.today === 'string' ? opts.today : seoulDate(opts.today);
  const valid: ImportRow[] = [];
  const issues: RowIssue[] = [];
  const invalidRows = new Set<number>();
  const firstRowOfBrn = new Map<string, number>();

  // The current row; the helpers below are created once, not per row (1M-row files).
  let cells: string[] = [];
  let rowNo = 0;
  let bad = false;
  const cell = (f: ImportField): string => {
    const i = col[f];
    if (i === undefined) return '';
    return (cells[i] ?? '').trim();
  };
  const fail = (
    field: ImportField,
    code: string,
    value: string,
    params?: Record<string, string | number>,
  ) => {
    issues.push({
      row: rowNo,
      field,
      code,
      value: value === '' ? null : value,
      ...(params ? { params } : {}),
    });
    bad = true;
  };
  const get = <T>(f: ImportField, parse: (s: string) => Parsed<T> | T): T | null => {
    if (col[f] === undefined) return null;
    const raw = cell(f);
    const v = parse(raw);
    if (isBad(v)) {
      fail(f, v.code, raw);
      return null;
    }
    return v as T | null;
  };
  /** Personal fields of an export are masked (홍*동, 010-****-5678): re-importing one must not overwrite real data. */
  const masked = (f: ImportField) => {
    const raw = cell(f);
    if (!raw.includes('*')) return false;
    fail(f, 'masked_value', raw);
    return true;
  };
  const parseFounded = (s: string) => parseDate(s, today);
  const parseRevenue = (s: string) => parseKrw(s, revenueUnit);

  for (let r = 0; r < table.rows.length; r++) {
    if (opts.onProgress && r > 0 && r % 5000 === 0) await opts.onProgress(r);
    cells = table.rows[r];
    rowNo = table.rowNumbers?.[r] ?? r + 2;
    bad = false;

    const rawBrn = cell('brn');
    let brn = '';
    if (!rawBrn) fail('brn', 'required', rawBrn);
    else {
      brn = normalizeBrn(nfkc(rawBrn));
      if (!/^\d{10}$/.test(brn)) fail('brn', 'brn_format', rawBrn);
      else if (!isValidBrn(brn)) fail('brn', 'brn_checksum', rawBrn);
      else {
        const first = firstRowOfBrn.get(brn);
        if (first !== undefined) fail('brn', 'duplicate_in_file', rawBrn, { row: first });
        else firstRowOfBrn.set(brn, rowNo);
      }
    }
    const name = cell('name') ? get('name', name200) : null;
    if (!cell('name')) fail('name', 'required', '');
    const crn = get('crn', parseCrn);
    const representative = masked('representative') ? null : get('representative', text100);
    const foundedOn = get('foundedOn', parseFounded);
    const sizeClass = get('sizeClass', parseSizeClass);
    const isMicro = get('isMicro', parseBool) ?? false;
    const isStartup = get('isStartup', parseBool) ?? false;
    const ksicCode = get('ksicCode', parseKsic);
    const address = get('address', text300);
    let district: string | null = null;
    const rawDistrict = cell('district');
    if (rawDistrict) {
      district = parseDistrict(rawDistrict) ?? null;
      if (!district) fail('district', 'district_unknown', rawDistrict);
    } else if (address) {
      district = districtOf(address) ?? null;
      if (!district) fail('address', 'district_unknown', address);
    }
    const employees = get('employees', parseCount);
    const revenue = get('revenue', parseRevenue);
    const homepage = get('homepage', parseHomepage);
    const phone = masked('phone') ? null : get('phone', parsePhone);
    const email = masked('email') ? null : get('email', parseEmail);
    const tags = get('tags', parseTags);

    if (bad) {
      invalidRows.add(rowNo);
      continue;
    }
    valid.push({
      rowNo,
      brn,
      targetBrn: brn,
      crn,
      name: name!,
      nameKey: companyNameKey(name!),
      representative,
      foundedOn,
      sizeClass,
      isMicro,
      isStartup,
      ksicCode,
      address,
      district,
      employees,
      revenue,
      homepage,
      phone,
      email,
      tags,
    });
  }
  return { total: table.rows.length, valid, issues, invalidRows };
}

/**
 * Points rows whose BRN belongs to a company merged into another at the surviving company. Two rows that
 * end up at the same company (an old and a new BRN of one firm) are duplicates: the later one is invalid.
 */
export function applyRedirects(v: Validation, targetOf: Map<string, string>): void {
  if (targetOf.size === 0) return;
  const seen = new Map<string, number>();
  const keep: ImportRow[] = [];
  for (const row of v.valid) {
    row.targetBrn = targetOf.get(row.brn) ?? row.brn;
    const first = seen.get(row.targetBrn);
    if (first !== undefined) {
      v.issues.push({
        row: row.rowNo,
        field: 'brn',
        code: 'duplicate_in_file',
        value: row.brn,
        params: { row: first },
      });
      v.invalidRows.add(row.rowNo);
      continue;
    }
    seen.set(row.targetBrn, row.rowNo);
    keep.push(row);
  }
  v.valid = keep;
}

/** Codes whose message names another row. */
const PARAM_CODES = new Set(['duplicate_in_file']);
export const MAX_LISTED_ERRORS = 1000;

/** The report's error list: sorted by row and the file's column order, localized, capped at 1,000. */
export function renderIssues(
  issues: RowIssue[],
  mapping: ImportMapping,
  headers: string[],
  lang: Lang,
): { errors: ImportRowError[]; truncated: boolean } {
  const colOf = (i: RowIssue) => (i.field && mapping[i.field] ? headers.indexOf(mapping[i.field]!) : -1);
  const sorted = [...issues].sort((a, b) => a.row - b.row || colOf(a) - colOf(b));
  const errors = sorted.slice(0, MAX_LISTED_ERRORS).map((i) => ({
    row: i.row,
    column: i.field ? (mapping[i.field] ?? null) : null,
    field: i.field,
    code: i.code,
    message: PARAM_CODES.has(i.code) ? message(i.code, lang, i.params) : fieldMessage(i.code, lang),
    value: i.value === null ? null : i.value.slice(0, 200),
  }));
  return { errors, truncated: sorted.length > MAX_LISTED_ERRORS };
}
