/**
 * Reading and writing tabular files (member lists): CSV in UTF-8 or CP949/EUC-KR, and XLSX. Node only.
 */

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { runTabularTask } from './tabular-pool';
import { checkXlsxInflatedSize, checkXlsxLimits } from './xlsx-limits';

export type TextEncodingName = 'utf-8' | 'cp949';
export type TableFormat = 'csv' | 'xlsx';

export interface Table {
  headers: string[];
  rows: string[][];
  /** each data row's 1-based row number in the file (blank rows are skipped, so they can differ from index + 2) */
  rowNumbers: number[];
  /** Text encoding the CSV was read with; absent for XLSX. */
  encoding?: string;
  format: TableFormat;
}

/** Cell values accepted by the writers. Dates are written as calendar dates (UTC). */
export type OutCell = string | number | boolean | Date | null | undefined;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function hasUtf8Bom(buf: Uint8Array): boolean {
  return buf.length >= 3 && buf[0] === UTF8_BOM[0] && buf[1] === UTF8_BOM[1] && buf[2] === UTF8_BOM[2];
}

function strictUtf8(buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/**
 * A BOM-less buffer that is valid UTF-8 but whose only non-ASCII characters are 2-byte sequences
 * (U+0080–U+07FF) is ambiguous: a short CP949 Hangul text can be valid UTF-8 by accident (e.g. 0xC2 0xA1).
 * Korean UTF-8 text always has 3-byte characters, so in that case prefer CP949 when it decodes cleanly
 * to Hangul syllables only.
 */
function isAccidentalUtf8(buf: Buffer, utf8: string): boolean {
  let nonAscii = false;
  for (let i = 0; i < utf8.length; i++) {
    const c = utf8.charCodeAt(i);
    if (c >= 0x800) return false;
    if (c >= 0x80) nonAscii = true;
  }
  if (!nonAscii) return false;
  const alt = iconv.decode(buf, 'cp949');
  for (let i = 0; i < alt.length; i++) {
    const c = alt.charCodeAt(i);
    if (c >= 0x80 && (c < 0xac00 || c > 0xd7a3)) return false;
  }
  return true;
}

/** UTF-8 (with or without BOM) when the bytes are strictly valid UTF-8, otherwise CP949 (a superset of EUC-KR). */
export function detectEncoding(buf: Buffer): TextEncodingName {
  if (hasUtf8Bom(buf)) return 'utf-8';
  const utf8 = strictUtf8(buf);
  if (utf8 === undefined) return 'cp949';
  return isAccidentalUtf8(buf, utf8) ? 'cp949' : 'utf-8';
}

/** Decodes text bytes; a UTF-8 BOM is removed. */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncodingName } {
  const encoding = detectEncoding(buf);
  if (encoding === 'cp949') return { text: iconv.decode(buf, 'cp949'), encoding };
  const body = hasUtf8Bom(buf) ? buf.subarray(3) : buf;
  return { text: new TextDecoder('utf-8').decode(body), encoding };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

function fileTypeError(): Error {
  return new Error('file_type');
}

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Signatures of files that are certainly not CSV: OLE2 (legacy .xls/.hwp, encrypted .xlsx), PDF, images, gzip. */
const BINARY_MAGIC = [
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
];

function looksBinary(buf: Buffer): boolean {
  if (BINARY_MAGIC.some((m) => startsWith(buf, m))) return true;
  const sample = buf.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > sample.length / 100;
}

/**
 * Reads an uploaded table. The format is taken from the content (XLSX is a ZIP container), not the file
 * name. The first non-empty row is the header row; headers are trimmed and trailing empty headers dropped.
 * Data rows whose cells are all empty are skipped; the others are trimmed and padded/truncated to the
 * header length. Throws `Error('file_type')` when the file is neither CSV/TSV text nor XLSX.
 */
export async function readTable(buf: Buffer, filename: string): Promise<Table> {
  // XLSX: the ZIP's declared sizes and the sheet's dimension are checked here, before anything is
  // inflated; then the file is parsed in a worker thread so the event loop stays free.
  if (startsWith(buf, ZIP_MAGIC)) {
    checkXlsxLimits(buf);
    return (await runTabularTask({ op: 'read', buf, filename })) as Table;
  }
  return parseTable(buf, filename);
}

/** readTable's parsing, in the calling thread (the worker thread calls this). */
export async function parseTable(buf: Buffer, _filename: string): Promise<Table> {
  if (startsWith(buf, ZIP_MAGIC)) {
    // the declared sizes were checked (readTable); the real ones are, before the parser inflates anything
    checkXlsxInflatedSize(buf);
    return { ...toTable(await readXlsxCells(buf)), format: 'xlsx' };
  }
  const utf16 = utf16Bom(buf);
  if (utf16) {
    const text = iconv.decode(buf.subarray(2), utf16);
    return { ...toTable(parseCsv(text)), encoding: utf16, format: 'csv' };
  }
  if (looksBinary(buf)) throw fileTypeError();
  const { text, encoding } = decodeText(buf);
  if (/^\s*<(?:!doctype|html|table|\?xml)/i.test(text)) throw fileTypeError(); // "xls" exported as HTML
  return { ...toTable(parseCsv(text)), encoding, format: 'csv' };
}

/** Excel's "Unicode text" export is UTF-16LE with a BOM (tab-separated). */
function utf16Bom(buf: Buffer): 'utf-16le' | 'utf-16be' | undefined {
  if (startsWith(buf, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(buf, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

function toTable(cells: string[][]): { headers: string[]; rows: string[][]; rowNumbers: number[] } {
  const isEmpty = (row: string[]) => row.every((c) => c === '');
  let start = 0;
  while (start < cells.length && isEmpty(cells[start])) start++;
  if (start >= cells.length) return { headers: [], rows: [], rowNumbers: [] };
  const headers = cells[start];
  let width = headers.length;
  while (width > 0 && headers[width - 1] === '') width--;
  headers.length = width;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (let r = start + 1; r < cells.length; r++) {
    const row = cells[r];
    if (isEmpty(row)) continue;
    if (row.length > width) row.length = width;
    while (row.length < width) row.push('');
    rows.push(row);
    rowNumbers.push(r + 1);
  }
  return { headers, rows, rowNumbers };
}

// CSV ------------------------------------------------------------------------------------------------------

const DELIMITERS = [',', ';', '\t'] as const;
const SNIFF_RECORDS = 20;
const SNIFF_CHARS = 256 * 1024;

/**
 * Counts delimiter occurrences outside quotes in the first non-empty records, quote-aware for that
 * delimiter (a quote opens a field only at the field's start). `stray` counts quotes in the middle of
 * an unquoted field: a sign that this is not the file's delimiter (`a,"x;y"` read with ';').
 */
function delimiterCounts(text: string, delimiter: string): { counts: number[]; stray: number } {
  const counts: number[] = [];
  let stray = 0;
  let count = 0;
  let inQuotes = false;
  let fieldStart = true;
  let recordHasContent = false;
  const end = Math.min(text.length, SNIFF_CHARS);
  for (let i = 0; i < end && counts.length < SNIFF_RECORDS; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (ch === '"' && fieldStart) {
      inQuotes = true;
      fieldStart = false;
      recordHasContent = true;
    } else if (ch === delimiter) {
      count++;
      fieldStart = true;
      recordHasContent = true;
    } else if (ch === '\n' || ch === '\r') {
      if (recordHasContent) counts.push(count);
      count = 0;
      fieldStart = true;
      recordHasContent = false;
    } else {
      if (ch === '"') stray++;
      fieldStart = false;
      if (ch !== ' ') recordHasContent = true;
    }
  }
  if (recordHasContent && counts.length < SNIFF_RECORDS) counts.push(count);
  return { counts, stray };
}

/**
 * Picks the delimiter that splits the header row and splits the following rows consistently, preferring
 * one under which the quoting is well-formed (no stray quotes); comma on ties.
 */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  let best: { d: ',' | ';' | '\t'; clean: boolean; consistency: number; fields: number } = {
    d: ',',
    clean: false,
    consistency: -1,
    fields: 0,
  };
  for (const d of DELIMITERS) {
    const { counts, stray } = delimiterCounts(text, d);
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const clean = stray === 0;
    const rest = counts.slice(1);
    const consistency = rest.length === 0 ? 1 : rest.filter((c) => c === header).length / rest.length;
    if (
      (clean && !best.clean) ||
      (clean === best.clean &&
        (consistency > best.consistency || (consistency === best.consistency && header > best.fields)))
    ) {
      best = { d, clean, consistency, fields: header };
    }
  }
  return best.d;
}

function parseCsv(text: string): string[][] {
  const delimiter = detectDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, header: false, skipEmptyLines: false });
  const rows = result.data;
  for (const row of rows) {
    for (let c = 0; c < row.length; c++) row[c] = row[c].trim();
  }
  return rows;
}

// XLSX -----------------------------------------------------------------------------------------------------

async function readXlsxCells(buf: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    throw fileTypeError();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const cells: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    while (cells.length < rowNumber - 1) cells.push([]);
    const values = row.values as ExcelJS.CellValue[];
    const out: string[] = [];
    for (let c = 1; c < values.length; c++) out.push(cellText(values[c]));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    cells.push(out);
  });
  return cells;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'YYYY-MM-DD' (UTC, as Excel dates carry no zone); ' HH:mm[:ss]' is appended when there is a time of day. */
export function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  if (h === 0 && m === 0 && s === 0) return date;
  return `${date} ${pad2(h)}:${pad2(m)}${s ? `:${pad2(s)}` : ''}`;
}

/** A number as a plain decimal string, never in exponent notation (1e21 → '1000000000000000000000'). */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const s = String(n);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const negative = s.startsWith('-');
  const mantissa = s.slice(negative ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const intLen = (dot < 0 ? mantissa.length : dot) + exp;
  let out: string;
  if (intLen <= 0) out = `0.${'0'.repeat(-intLen)}${digits}`;
  else if (intLen >= digits.length) out = digits + '0'.repeat(intLen - digits.length);
  else out = `${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
  return negative ? `-${out}` : out;
}

/** Excel keeps 15 significant digits; rounding there removes binary noise such as 0.30000000000000004. */
function excelNumber(n: number): string {
  return plainNumber(Number.parseFloat(n.toPrecision(15)));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return excelNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDate(v);
  if ('richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim();
  if ('error' in v) return v.error;
  if ('formula' in v || 'sharedFormula' in v) return cellText(v.result as ExcelJS.CellValue);
  if ('text' in v) return cellText(v.text as ExcelJS.CellValue); // hyperlink; its text may be rich text
  return '';
}

// ---------------------------------------------------------------------------------------------------------
// Writing

function cellString(v: OutCell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return plainNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return formatDate(v);
  return v;
}

const NEGATIVE_NUMBER_RE = /^-(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;

/**
 * Neutralises spreadsheet formula injection: a value starting with = + - @ TAB or CR gets a leading
 * apostrophe, except a plain negative number such as '-5' or '-1,234.5'.
 */
export function neutralizeFormula(s: string): string {
  if (!/^[=+\-@\t\r]/.test(s)) return s;
  if (s.length > 1 && NEGATIVE_NUMBER_RE.test(s)) return s;
  return `'${s}`;
}

/** RFC 4180 quoting; fields with ';' or TAB are quoted too so that delimiter sniffing stays unambiguous. */
function csvField(s: string): string {
  return /[",;\t\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV for Excel: UTF-8 with BOM, CRLF line ends, RFC 4180 quoting, formula injection neutralised. */
export function writeCsv(headers: string[], rows: OutCell[][]): Buffer {
  const line = (cells: readonly OutCell[]) =>
    cells.map((c) => csvField(neutralizeFormula(cellString(c)))).join(',');
  const parts: string[] = [line(headers)];
  for (const row of rows) parts.push(line(row));
  return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(`${parts.join('\r\n')}\r\n`, 'utf8')]);
}

/** Display width in Excel "characters": East Asian wide characters count twice. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6)
        ? 2
        : 1;
  }
  return w;
}

const WIDTH_SAMPLE_ROWS = 1000;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], not blank. */
function safeSheetName(name: string): string {
  const cleaned = name
    .replace(/[:\\/?*[\]]/g, ' ')
    .replace(/^'+|'+$/g, '')
    .trim()
    .slice(0, 31);
  return cleaned || 'Sheet1';
}

/**
 * XLSX with one sheet: bold frozen header row with an auto filter, column widths fitted to the content
 * (first 1,000 rows). Strings are stored as text (never formulas); numbers as numbers; dates as dates.
 */
export async function writeXlsx(sheetName: string, headers: string[], rows: OutCell[][]): Promise<Buffer> {
  // Big workbooks are built in a worker thread (a 26k-row export blocked the event loop for seconds).
  if (rows.length < XLSX_INLINE_ROWS) return buildXlsx(sheetName, headers, rows);
  return (await runTabularTask({ op: 'writeXlsx', sheetName, headers, rows })) as Buffer;
}

/** Rows below which writeXlsx builds the workbook in the calling thread (a worker's start-up costs more). */
const XLSX_INLINE_ROWS = 2_000;

/** writeXlsx's workbook building, in the calling thread (the worker thread calls this). */
export async function buildXlsx(sheetName: string, headers: string[], rows: OutCell[][]): Promise<Buffer> {
  // Streamed: each row is written out as it is added (a 26k-row workbook took 600 MB and 13 s in memory).
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (c: Buffer) => chunks.push(c));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'itda';
  const sheet = workbook.addWorksheet(safeSheetName(sheetName), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  const width = Math.max(headers.length, ...rows.slice(0, WIDTH_SAMPLE_ROWS).map((r) => r.length), 0);
  const widths = headers.map((h) => displayWidth(h));
  for (const row of rows.slice(0, WIDTH_SAMPLE_ROWS)) {
    row.forEach((v, i) => {
      const w = Math.max(...cellString(v).split('\n').map(displayWidth));
      widths[i] = Math.max(widths[i] ?? 0, w);
    });
  }
  sheet.columns = Array.from({ length: width }, (_, i) => ({
    width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[i] ?? 0) + 2)),
  }));
  if (headers.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  }

  const headerRow = sheet.addRow(headers);
  headerRow.font = { bold: true };
  headerRow.commit();
  for (const row of rows) {
    const values = row.map((v) => (v === null || v === undefined ? null : v));
    const added = sheet.addRow(values);
    row.forEach((v, i) => {
      if (v instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
      // Large integers (business or phone numbers) would otherwise be shown in exponent notation.
      else if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) >= 1e11)
        added.getCell(i + 1).numFmt = '0';
    });
    added.commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
