/**
 * Large exports (the whole registry as XLSX or CSV) made off the event loop: with server PostgreSQL the
 * worker thread (platform/tabular-pool.ts) opens its own connection, reads the rows through a cursor, turns
 * them into cells (masking included) and writes the file; the main thread only sends the query and receives
 * the finished file. Health checks and other requests stay fast while several run (bench/heavy-inputs.ts).
 * With embedded PGlite (one process, the database lives on the main thread) the rows are read here in pages
 * and the cells and the file are made in the worker.
 *
 * A module describes its export as data: the SELECT (text, integer, boolean or text[] columns under the
 * given aliases) and, per column, a header and a `CellFormat` — so the worker needs no module code.
 */
import pg from 'pg';
import { formatBrn } from '../../shared/brn';
import { districtLabel } from '../../shared/districts';
import { ksicLabel } from '../../shared/ksic';
import { maskEmail, maskName, maskPhone } from '../../shared/text';
import type { DbHandle } from '../db/client';
import { buildXlsx, type OutCell, writeCsv } from './tabular';
import { runTabularTask } from './tabular-pool';

/** How one database value becomes a cell. */
export type CellFormat =
  | 'value'
  /** 10-digit 사업자등록번호 → 123-45-67890 */
  | 'brn'
  | 'maskName'
  | 'maskPhone'
  | 'maskEmail'
  /** KSIC code → its Korean label */
  | 'ksicLabel'
  /** district code → its Korean name */
  | 'districtLabel'
  /** boolean → Y / N */
  | 'yesNo'
  /** bigint sent as text → number */
  | 'integer'
  /** text[] → "a, b" */
  | 'list'
  /** enum value → label ('' for null or an unknown value) */
  | { labels: Record<string, string> };

export interface ExportColumn {
  header: string;
  /** the column's alias in the query */
  key: string;
  format?: CellFormat;
}

export interface ExportSpec {
  format: 'csv' | 'xlsx';
  sheetName: string;
  columns: ExportColumn[];
  /** the SELECT with its ORDER BY and LIMIT, as `{ sql, params }` (drizzle's `.toSQL()`) */
  query: { sql: string; params: unknown[] };
}

export type ExportRow = Record<string, unknown>;

/** rows fetched per round trip (cursor or page) */
export const EXPORT_FETCH_ROWS = 2_000;
/** PGlite exports below this many rows are written in the calling thread (a worker's start-up costs more) */
const INLINE_ROWS = 2_000;

const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function cell(v: unknown, format: CellFormat = 'value'): OutCell {
  if (typeof format === 'object')
    return v === null || v === undefined ? '' : (format.labels[String(v)] ?? '');
  switch (format) {
    case 'brn':
      return v ? formatBrn(String(v)) : '';
    case 'maskName':
      return maskName(str(v));
    case 'maskPhone':
      return maskPhone(str(v));
    case 'maskEmail':
      return maskEmail(str(v));
    case 'ksicLabel':
      return v ? ksicLabel(String(v)) : '';
    case 'districtLabel':
      return districtLabel(str(v));
    case 'yesNo':
      return v ? 'Y' : 'N';
    case 'integer':
      return v === null || v === undefined || v === '' ? null : Number(v);
    case 'list':
      return Array.isArray(v) ? v.join(', ') : '';
    default:
      return v as OutCell;
  }
}

/** A database row as the export's cells. */
export function exportCells(columns: ExportColumn[], row: ExportRow): OutCell[] {
  return columns.map((c) => cell(row[c.key], c.format));
}

/** The file from rows already read (worker thread, or the calling thread for small PGlite exports). */
export async function writeExport(spec: ExportSpec, rows: ExportRow[]): Promise<Buffer> {
  const headers = spec.columns.map((c) => c.header);
  const cells = rows.map((r) => exportCells(spec.columns, r));
  return spec.format === 'csv' ? writeCsv(headers, cells) : buildXlsx(spec.sheetName, headers, cells);
}

/**
 * Worker side (server PostgreSQL): reads the query through a cursor on its own connection, in one
 * read-only snapshot, and writes the file. Returns the file and the number of rows.
 */
export async function exportFromDatabase(
  url: string,
  spec: ExportSpec,
): Promise<{ body: Buffer; count: number }> {
  const client = new pg.Client({ connectionString: url, application_name: 'itda export' });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${spec.query.sql}`, spec.query.params);
    const rows: ExportRow[] = [];
    for (;;) {
      const page = await client.query(`FETCH ${EXPORT_FETCH_ROWS} FROM export_rows`);
      for (const r of page.rows) rows.push(r);
      if (page.rows.length < EXPORT_FETCH_ROWS) break;
    }
    await client.query('COMMIT');
    return { body: await writeExport(spec, rows), count: rows.length };
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Runs an export: in the worker over its own connection with server PostgreSQL; with PGlite the rows are
 * read here in pages (yielding in between) and the file is written in the worker.
 */
export async function runExport(
  source: Pick<DbHandle, 'kind' | 'url' | 'query'>,
  spec: ExportSpec,
): Promise<{ body: Buffer; count: number }> {
  if (source.kind === 'pg' && source.url)
    return (await runTabularTask({ op: 'export', spec, databaseUrl: source.url })) as {
      body: Buffer;
      count: number;
    };
  const rows: ExportRow[] = [];
  const n = spec.query.params.length;
  for (;;) {
    const page = await source.query<ExportRow>(
      `SELECT * FROM (${spec.query.sql}) export_rows LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...spec.query.params, EXPORT_FETCH_ROWS, rows.length],
    );
    for (const r of page) rows.push(r);
    if (page.length < EXPORT_FETCH_ROWS) break;
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (rows.length < INLINE_ROWS) return { body: await writeExport(spec, rows), count: rows.length };
  const body = (await runTabularTask({ op: 'export', spec, rows })) as { body: Buffer; count: number };
  return { body: body.body, count: rows.length };
}
