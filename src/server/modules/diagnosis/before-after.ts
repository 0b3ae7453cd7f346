import { type SQL, sql } from 'drizzle-orm';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertCan } from '../../platform/policy';
import { type OutCell, writeXlsx } from '../../platform/tabular';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { supportedFirmsSql } from '../applications/supported';
import type { BeforeAfter, BeforeAfterQuery } from './contract';
import { currentInstrumentRow } from './instruments';
import { round1 } from './scoring';

/**
 * Before/after for firms that received support (selected in a call): their first submitted diagnosis (T0)
 * next to their latest later one, with the change overall and per dimension. Staff only.
 */
interface Row {
  company_id: string;
  name: string;
  supports: { programCode: string; year: number }[];
  b_id: string;
  b_seq: number;
  b_at: Date | string;
  b_overall: number;
  b_stage: number;
  b_dims: Record<string, number | null> | null;
  a_id: string | null;
  a_seq: number | null;
  a_at: Date | string | null;
  a_overall: number | null;
  a_stage: number | null;
  a_dims: Record<string, number | null> | null;
}

const iso = (v: Date | string) => (v instanceof Date ? v : new Date(v)).toISOString();
const num = (v: unknown) => (v === null || v === undefined ? null : round1(Number(v)));

function fromWhere(q: Pick<BeforeAfterQuery, 'programCode' | 'q'>): SQL {
  const nameFilter = q.q ? sql` AND c.name ILIKE ${`%${q.q.replace(/[\\%_]/g, '\\$&')}%`}` : sql``;
  return sql`FROM (SELECT s.company_id,
                    jsonb_agg(jsonb_build_object('programCode', s.program_code, 'year', s.year)
                              ORDER BY s.year, s.program_code) AS supports
               FROM (${supportedFirmsSql(q.programCode)}) s GROUP BY s.company_id) f
      JOIN companies c ON c.id = f.company_id
      JOIN diagnoses b ON b.company_id = f.company_id AND b.seq = 0 AND b.status = 'submitted'
      LEFT JOIN diagnoses a ON a.company_id = f.company_id AND a.is_latest AND a.seq > 0
      WHERE true${nameFilter}`;
}

export async function beforeAfter({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: BeforeAfterQuery;
}): Promise<BeforeAfter> {
  assertCan(actor, 'diagnosis.beforeAfter');
  const from = fromWhere(input);
  const [summary] = await sqlRows<{
    firms: number;
    reassessed: number;
    mb: number | null;
    ma: number | null;
    md: number | null;
  }>(
    db,
    sql`SELECT count(*)::int AS firms, count(a.id)::int AS reassessed, avg(b.overall) AS mb,
               avg(a.overall) AS ma, avg(a.overall - b.overall) AS md ${from}`,
  );
  const limit = input.format === 'xlsx' ? 100_000 : input.pageSize;
  const offset = input.format === 'xlsx' ? 0 : (input.page - 1) * input.pageSize;
  const rows = await sqlRows<Row>(
    db,
    sql`SELECT f.company_id, c.name, f.supports,
               b.id AS b_id, b.seq AS b_seq, b.submitted_at AS b_at, b.overall AS b_overall, b.stage AS b_stage,
               b.dimension_scores AS b_dims,
               a.id AS a_id, a.seq AS a_seq, a.submitted_at AS a_at, a.overall AS a_overall, a.stage AS a_stage,
               a.dimension_scores AS a_dims
        ${from}
        ORDER BY (a.overall - b.overall) DESC NULLS LAST, c.name, f.company_id
        LIMIT ${limit} OFFSET ${offset}`,
  );
  const items = rows.map((r) => {
    const deltas: Record<string, number | null> = {};
    if (r.a_dims && r.b_dims)
      for (const [k, v] of Object.entries(r.a_dims)) {
        const before = r.b_dims[k];
        deltas[k] = v === null || before === null || before === undefined ? null : round1(v - before);
      }
    return {
      companyId: r.company_id,
      companyName: r.name,
      supports: r.supports.map((s) => ({ programCode: s.programCode, year: Number(s.year) })),
      before: {
        id: r.b_id,
        label: `T${r.b_seq}`,
        submittedAt: iso(r.b_at),
        overall: round1(Number(r.b_overall)),
        stage: Number(r.b_stage),
      },
      after:
        r.a_id && r.a_at !== null
          ? {
              id: r.a_id,
              label: `T${r.a_seq}`,
              submittedAt: iso(r.a_at),
              overall: round1(Number(r.a_overall)),
              stage: Number(r.a_stage),
            }
          : null,
      delta: r.a_id ? round1(Number(r.a_overall) - Number(r.b_overall)) : null,
      dimensionDeltas: deltas,
    };
  });
  return {
    items,
    total: Number(summary.firms),
    page: input.format === 'xlsx' ? 1 : input.page,
    pageSize: input.format === 'xlsx' ? items.length : input.pageSize,
    summary: {
      firms: Number(summary.firms),
      reassessed: Number(summary.reassessed),
      meanBefore: num(summary.mb),
      meanAfter: num(summary.ma),
      meanDelta: num(summary.md),
    },
  };
}

/** The before/after list as XLSX: one row per firm, with per-dimension changes of the current instrument. */
export async function beforeAfterXlsx(db: Database, data: BeforeAfter): Promise<Buffer> {
  const cur = await currentInstrumentRow(db);
  const dims = cur?.content?.dimensions ?? [];
  const header = [
    '기업명',
    '지원사업(연도)',
    '지원 전 진단',
    '지원 전 일자',
    '지원 전 점수',
    '지원 전 단계',
    '재진단',
    '재진단 일자',
    '재진단 점수',
    '재진단 단계',
    '변화(점)',
    ...dims.map((d) => `${d.title.ko} 변화`),
  ];
  const day = (s: string | undefined) => (s ? s.slice(0, 10) : '');
  const rows: OutCell[][] = data.items.map((i) => [
    i.companyName,
    i.supports.map((s) => `${s.programCode}(${s.year})`).join(', '),
    i.before.label,
    day(i.before.submittedAt),
    i.before.overall,
    i.before.stage,
    i.after?.label ?? '',
    day(i.after?.submittedAt),
    i.after?.overall ?? null,
    i.after?.stage ?? null,
    i.delta,
    ...dims.map((d) => i.dimensionDeltas[d.key] ?? null),
  ]);
  return writeXlsx('지원 전후 비교', header, rows);
}
