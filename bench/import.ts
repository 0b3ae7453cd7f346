/**
 * Bulk import of an association member list: N generated firms as a CSV with Korean headers, through the
 * real import path (parse + validate + COPY to staging + one-transaction upsert + audit) called as a
 * service, next to a raw COPY of the same rows into an empty plain table in the same run. Then a dry run
 * and a second import of the same file (every row compared with the registry, none changed).
 *   npx tsx bench/import.ts [rows=1000000]        (DATABASE_URL for server PostgreSQL)
 */
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { generateFirm } from '../src/demo/firms';
import { type DbHandle, sqlRows } from '../src/server/db/client';
import { runImport } from '../src/server/modules/companies/import';
import { suggestMapping } from '../src/server/modules/companies/import-map';
import { systemActor } from '../src/server/platform/actor';
import { readTable } from '../src/server/platform/tabular';
import { districtLabel } from '../src/shared/districts';
import { benchDatabase, printTable, writeResult } from './lib';

const HEADERS = [
  '사업자등록번호',
  '기업명',
  '대표자',
  '설립일',
  '기업규모',
  '업종코드',
  '주소',
  '자치구',
  '상시근로자수',
  '매출액(백만원)',
  '대표전화',
  '이메일',
  '홈페이지',
  '태그',
  '소상공인',
  '스타트업',
];
const SIZE_KO = { small: '소기업', medium: '중기업', midsize: '중견기업', large: '대기업' } as const;

const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The member list as an association would send it: dashed BRNs, dotted dates, amounts in 백만원, Y/N. */
function memberCsv(rows: number): Buffer {
  const chunks: Buffer[] = [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${HEADERS.join(',')}\r\n`)];
  let lines: string[] = [];
  for (let i = 0; i < rows; i++) {
    const f = generateFirm(i);
    lines.push(
      [
        `${f.brn.slice(0, 3)}-${f.brn.slice(3, 5)}-${f.brn.slice(5)}`,
        q(f.name),
        f.representative,
        f.foundedOn.replace(/-/g, '.'),
        SIZE_KO[f.sizeClass],
        f.ksicCode,
        q(f.address),
        districtLabel(f.district),
        String(f.employees),
        String(f.revenue / 1_000_000),
        f.phone,
        f.email,
        f.homepage ?? '',
        q(f.tags.join(', ')),
        f.isMicro ? 'Y' : 'N',
        f.isStartup ? 'Y' : 'N',
      ].join(','),
    );
    if (lines.length === 50_000) {
      chunks.push(Buffer.from(`${lines.join('\r\n')}\r\n`));
      lines = [];
    }
  }
  if (lines.length) chunks.push(Buffer.from(`${lines.join('\r\n')}\r\n`));
  return Buffer.concat(chunks);
}

/** Server PostgreSQL (a fresh database) when DATABASE_URL is set, else PGlite in a temp dir; removed after. */
async function database(): Promise<{
  handle: DbHandle;
  label: 'pg' | 'pglite';
  cleanup: () => Promise<void>;
}> {
  const { handle, label } = await benchDatabase();
  return { handle, label, cleanup: () => handle.close() };
}

const perSec = (rows: number, ms: number) => Math.round((rows * 1000) / Math.max(1, ms));
const heapMb = () => Math.round(process.memoryUsage().rss / 1e6);

export interface ImportBenchResult {
  db: 'pg' | 'pglite';
  rows: number;
  fileBytes: number;
  baseline: { name: string; ms: number; rowsPerSec: number };
  itda: { ms: number; rowsPerSec: number; phases: Record<string, number>; created: number };
  dryRun: { ms: number; rowsPerSec: number; phases: Record<string, number>; unchanged: number };
  reimport: { ms: number; rowsPerSec: number; phases: Record<string, number>; unchanged: number };
  auditRows: number;
  peakRssMb: number;
}

export async function main(rows = Number(process.argv[2] ?? 1_000_000)): Promise<ImportBenchResult> {
  if (!Number.isInteger(rows) || rows < 1) throw new Error('usage: npx tsx bench/import.ts [rows]');
  const { handle, label, cleanup } = await database();
  let peak = heapMb();
  const sample = () => {
    peak = Math.max(peak, heapMb());
  };
  try {
    let t = performance.now();
    const file = memberCsv(rows);
    const generateMs = Math.round(performance.now() - t);
    console.log(
      `${label}: ${rows.toLocaleString()} firms, ${(file.length / 1e6).toFixed(1)} MB CSV in ${generateMs} ms`,
    );
    sample();

    // (a) baseline: the same bytes COPYed into an empty plain table (text columns, no index, no checks).
    const cols = HEADERS.map((_, i) => `c${i}`);
    await handle.query(`CREATE TABLE bench_raw_copy (${cols.map((c) => `${c} text`).join(', ')})`);
    t = performance.now();
    const body = file.subarray(file.indexOf(0x0a) + 1).toString('utf8');
    const copied = await handle.copyCsv('bench_raw_copy', cols, body);
    const copyMs = Math.round(performance.now() - t);
    if (copied !== rows) throw new Error(`COPY loaded ${copied} of ${rows} rows`);
    await handle.query('DROP TABLE bench_raw_copy');
    sample();

    // (b) itda: the service path of POST /companies/import?dryRun=false, for an association.
    const [assoc] = await sqlRows<{ id: string; name: string }>(
      handle.db,
      sql`INSERT INTO associations (name) VALUES ('벤치마크협회') RETURNING id, name`,
    );
    const actor = systemActor('bench-import');
    const run = async (dryRun: boolean) => {
      const t0 = performance.now();
      const table = await readTable(file, 'members.csv');
      const parseMs = Math.round(performance.now() - t0);
      sample();
      const mapping = suggestMapping(table.headers);
      const { report, timings } = await runImport({
        handle,
        actor,
        table,
        mapping,
        association: assoc,
        dryRun,
        skipInvalid: false,
        lang: 'ko',
        onProgress: async () => sample(),
      });
      sample();
      const ms = Math.round(performance.now() - t0);
      if (report.invalid > 0)
        throw new Error(`unexpected invalid rows: ${JSON.stringify(report.errors.slice(0, 3))}`);
      return { ms, report, phases: { parseMs, ...timings } };
    };
    const first = await run(false);
    if (first.report.created !== rows) throw new Error(`created ${first.report.created} of ${rows}`);
    const dry = await run(true);
    const second = await run(false);
    const [{ n: auditRows }] = await sqlRows<{ n: number }>(
      handle.db,
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('company.create', 'company.update')`,
    );

    const result: ImportBenchResult = {
      db: label,
      rows,
      fileBytes: file.length,
      baseline: { name: 'raw COPY into an empty plain table', ms: copyMs, rowsPerSec: perSec(rows, copyMs) },
      itda: {
        ms: first.ms,
        rowsPerSec: perSec(rows, first.ms),
        phases: first.phases,
        created: first.report.created,
      },
      dryRun: {
        ms: dry.ms,
        rowsPerSec: perSec(rows, dry.ms),
        phases: dry.phases,
        unchanged: dry.report.unchanged,
      },
      reimport: {
        ms: second.ms,
        rowsPerSec: perSec(rows, second.ms),
        phases: second.phases,
        unchanged: second.report.unchanged,
      },
      auditRows,
      peakRssMb: peak,
    };
    printTable(`Member-list import, ${rows.toLocaleString()} rows (${label})`, [
      { run: 'baseline: raw COPY, plain table', ms: copyMs, 'rows/s': result.baseline.rowsPerSec },
      { run: 'itda: import (all new)', ms: first.ms, 'rows/s': result.itda.rowsPerSec, ...first.phases },
      { run: 'itda: dry run (all unchanged)', ms: dry.ms, 'rows/s': result.dryRun.rowsPerSec, ...dry.phases },
      {
        run: 'itda: re-import (all unchanged)',
        ms: second.ms,
        'rows/s': result.reimport.rowsPerSec,
        ...second.phases,
      },
    ]);
    console.log(`audit rows: ${auditRows.toLocaleString()}, peak RSS ${peak} MB`);
    writeResult(`import-${label}.json`, result);
    return result;
  } finally {
    await cleanup();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
