import { sql } from 'drizzle-orm';
import { KSIC_SECTIONS } from '../../../shared/ksic';
import { type Database, sqlRows } from '../../db/client';
import { type LangText, PEER_MIN, type PeerGroup, type PeerSummary } from './contract';

/**
 * Peer benchmark, in SQL: the firm's percentile rank and the peer median, overall and per dimension,
 * among the latest submitted diagnosis of every other firm of the same size class and KSIC section;
 * with fewer than PEER_MIN such peers, of the same size class; then of all firms.
 *
 * The counting runs over `diagnosis_peer_counts`, a histogram per peer group and metric of score values
 * (tenths: at most 1,001 rows per metric), kept in step with `diagnoses.is_latest` by the submit
 * transaction (`updatePeerCounts`) and rebuildable from `diagnoses` (`rebuildPeerCounts`). So the cost
 * does not grow with the number of diagnoses. Percentile ranks and medians are exact.
 */
export interface PeerInput {
  companyId: string;
  sizeClass: string | null;
  ksicSection: string | null;
  overall: number;
  /** the firm's dimension scores by key (null when unanswered) */
  dimensions: Record<string, number | null>;
}

export interface PeerBenchmark {
  group: PeerGroup;
  n: number;
  sizeClass: string | null;
  ksicSection: string | null;
  overallMedian: number | null;
  overallPercentile: number | null;
  dimensions: Record<string, { median: number | null; percentile: number | null; n: number }>;
}

const ANY = '*';
const OVERALL = '_overall';

/** Percentile rank: share of peers below, counting ties as half, 0–100 (integer). */
export function percentileRank(below: number, ties: number, n: number): number | null {
  return n > 0 ? Math.round((100 * (below + 0.5 * ties)) / n) : null;
}

const tenths = (x: number) => Math.round(x * 10);

/** Score values of a diagnosis by metric, in tenths. */
function metricValues(
  overall: number | null,
  dims: Record<string, number | null> | null,
): Record<string, number> {
  const out: Record<string, number> = {};
  if (overall !== null) out[OVERALL] = tenths(overall);
  for (const [k, v] of Object.entries(dims ?? {}))
    if (v !== null && v !== undefined) out[k] = tenths(Number(v));
  return out;
}

/** The histogram groups a diagnosis counts in. */
function groupsOf(sizeClass: string | null, ksicSection: string | null): [string, string][] {
  const g: [string, string][] = [[ANY, ANY]];
  if (sizeClass) {
    g.push([sizeClass, ANY]);
    if (ksicSection) g.push([sizeClass, ksicSection]);
  }
  return g;
}

export interface PeerFacts {
  sizeClass: string | null;
  ksicSection: string | null;
  overall: number | null;
  dimensionScores: unknown;
}

/**
 * Moves the histograms when a firm's latest diagnosis changes: the previous latest leaves, the new one
 * enters. Rows are written in key order so concurrent submits lock them in the same order.
 */
export async function updatePeerCounts(
  tx: Database,
  leaving: PeerFacts | undefined,
  entering: PeerFacts | undefined,
) {
  const deltas = new Map<string, { s: string; k: string; m: string; v: number; d: number }>();
  const add = (f: PeerFacts, d: number) => {
    const values = metricValues(f.overall, f.dimensionScores as Record<string, number | null>);
    for (const [s, k] of groupsOf(f.sizeClass, f.ksicSection))
      for (const [m, v] of Object.entries(values)) {
        const key = JSON.stringify([s, k, m, v]);
        const cur = deltas.get(key) ?? { s, k, m, v, d: 0 };
        cur.d += d;
        deltas.set(key, cur);
      }
  };
  if (leaving?.overall != null) add(leaving, -1);
  if (entering?.overall != null) add(entering, 1);
  const rows = [...deltas.values()]
    .filter((r) => r.d !== 0)
    .sort((a, b) => a.s.localeCompare(b.s) || a.k.localeCompare(b.k) || a.m.localeCompare(b.m) || a.v - b.v);
  if (rows.length === 0) return;
  await tx.execute(sql`
    INSERT INTO diagnosis_peer_counts (size_class, ksic_section, metric, score_tenths, n)
    VALUES ${sql.join(
      rows.map((r) => sql`(${r.s}, ${r.k}, ${r.m}, ${r.v}, ${r.d})`),
      sql`, `,
    )}
    ON CONFLICT (size_class, ksic_section, metric, score_tenths)
    DO UPDATE SET n = diagnosis_peer_counts.n + EXCLUDED.n`);
}

/** Recomputes every histogram from the latest diagnoses (after bulk loads; repairs drift). */
export async function rebuildPeerCounts(db: Database) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`LOCK TABLE diagnosis_peer_counts IN EXCLUSIVE MODE`);
    await tx.execute(sql`DELETE FROM diagnosis_peer_counts`);
    await tx.execute(sql`
      INSERT INTO diagnosis_peer_counts (size_class, ksic_section, metric, score_tenths, n)
      SELECT g.s, g.k, m.metric, m.v, count(*)::int
      FROM diagnoses d
      CROSS JOIN LATERAL (
        SELECT ${OVERALL}::text AS metric, round(d.overall * 10)::int AS v
        UNION ALL
        SELECT e.key, round(e.value::float8 * 10)::int FROM jsonb_each_text(d.dimension_scores) e WHERE e.value IS NOT NULL
      ) m
      CROSS JOIN LATERAL (VALUES (${ANY}::text, ${ANY}::text), (d.size_class::text, ${ANY}::text), (d.size_class::text, d.ksic_section::text)) g(s, k)
      WHERE d.is_latest AND d.overall IS NOT NULL AND g.s IS NOT NULL AND g.k IS NOT NULL
      GROUP BY 1, 2, 3, 4`);
  });
}

/** Picks the narrowest group with at least PEER_MIN peers (the firm's own latest diagnosis not counted). */
async function chooseGroup(
  db: Database,
  p: PeerInput,
  ownIn: (s: string, k: string) => boolean,
): Promise<{ group: PeerGroup; s: string; k: string }> {
  if (p.sizeClass) {
    const rows = await sqlRows<{ k: string; n: number }>(
      db,
      sql`SELECT ksic_section AS k, sum(n)::int AS n FROM diagnosis_peer_counts
          WHERE metric = ${OVERALL} AND size_class = ${p.sizeClass} AND ksic_section IN (${p.ksicSection ?? ANY}, ${ANY})
          GROUP BY 1`,
    );
    const n = (k: string) => Number(rows.find((r) => r.k === k)?.n ?? 0) - (ownIn(p.sizeClass!, k) ? 1 : 0);
    if (p.ksicSection && n(p.ksicSection) >= PEER_MIN)
      return { group: 'sizeSection', s: p.sizeClass, k: p.ksicSection };
    if (n(ANY) >= PEER_MIN) return { group: 'size', s: p.sizeClass, k: ANY };
  }
  return { group: 'all', s: ANY, k: ANY };
}

export async function peerBenchmark(db: Database, p: PeerInput): Promise<PeerBenchmark> {
  const [own] = await sqlRows<{
    size_class: string | null;
    ksic_section: string | null;
    overall: number | null;
    dimension_scores: Record<string, number | null> | null;
  }>(
    db,
    sql`SELECT size_class::text, ksic_section, overall, dimension_scores FROM diagnoses
        WHERE company_id = ${p.companyId} AND is_latest`,
  );
  const ownIn = (s: string, k: string) =>
    !!own &&
    own.overall !== null &&
    (s === ANY || own.size_class === s) &&
    (k === ANY || own.ksic_section === k);
  const { group, s, k } = await chooseGroup(db, p, ownIn);
  // The firm is not its own peer: its latest diagnosis is taken out of the histogram it is in.
  const ownValues = ownIn(s, k) ? metricValues(own.overall, own.dimension_scores) : {};
  const mine = metricValues(p.overall, p.dimensions);
  const metrics = [OVERALL, ...Object.keys(p.dimensions)];
  const rows = await sqlRows<{
    metric: string;
    n: number;
    below: number | null;
    ties: number | null;
    lo: number | null;
    hi: number | null;
  }>(
    db,
    sql`WITH h AS (
          SELECT c.metric, c.score_tenths AS v,
                 c.n - CASE WHEN (${JSON.stringify(ownValues)}::jsonb ->> c.metric)::int = c.score_tenths THEN 1 ELSE 0 END AS n
          FROM diagnosis_peer_counts c
          WHERE c.size_class = ${s} AND c.ksic_section = ${k}
            AND c.metric IN (${sql.join(
              metrics.map((m) => sql`${m}`),
              sql`, `,
            )})),
        cum AS (
          SELECT metric, v, n, sum(n) OVER (PARTITION BY metric ORDER BY v) AS cum, sum(n) OVER (PARTITION BY metric) AS total
          FROM h WHERE n > 0)
        SELECT cum.metric, max(cum.total)::int AS n,
          sum(cum.n) FILTER (WHERE cum.v < x.mine)::int AS below,
          sum(cum.n) FILTER (WHERE cum.v = x.mine)::int AS ties,
          min(cum.v) FILTER (WHERE cum.cum >= floor((cum.total + 1) / 2.0)) AS lo,
          min(cum.v) FILTER (WHERE cum.cum >= ceil((cum.total + 1) / 2.0)) AS hi
        FROM cum LEFT JOIN (SELECT key AS metric, value::int AS mine FROM jsonb_each_text(${JSON.stringify(mine)}::jsonb)) x
          ON x.metric = cum.metric
        GROUP BY cum.metric`,
  );
  const stat = (m: string) => {
    const r = rows.find((x) => x.metric === m);
    const n = Number(r?.n ?? 0);
    const median =
      r && r.lo !== null && r.hi !== null ? Math.round((Number(r.lo) + Number(r.hi)) / 2) / 10 : null;
    const percentile =
      mine[m] === undefined ? null : percentileRank(Number(r?.below ?? 0), Number(r?.ties ?? 0), n);
    return { n, median, percentile };
  };
  const overall = stat(OVERALL);
  return {
    group,
    n: overall.n,
    sizeClass: group === 'all' ? null : p.sizeClass,
    ksicSection: group === 'sizeSection' ? p.ksicSection : null,
    overallMedian: overall.median,
    overallPercentile: overall.percentile,
    dimensions: Object.fromEntries(Object.keys(p.dimensions).map((key) => [key, stat(key)])),
  };
}

export const SIZE_LABEL: Record<string, LangText> = {
  small: { ko: '소기업', en: 'small firms' },
  medium: { ko: '중기업', en: 'medium-sized firms' },
  midsize: { ko: '중견기업', en: 'mid-sized enterprises' },
  large: { ko: '대기업', en: 'large enterprises' },
};

/** Plain-language description of the comparison group. */
export function describePeers(b: Pick<PeerBenchmark, 'group' | 'n' | 'sizeClass' | 'ksicSection'>): LangText {
  if (b.n === 0)
    return {
      ko: '아직 비교할 다른 기업의 진단 결과가 없습니다.',
      en: 'No other firm has submitted a diagnosis yet.',
    };
  const section = KSIC_SECTIONS.find((s) => s.code === b.ksicSection);
  const size = b.sizeClass ? SIZE_LABEL[b.sizeClass] : undefined;
  if (b.group === 'sizeSection' && size && section)
    return {
      ko: `같은 규모·업종(${size.ko}, ${section.code} ${section.ko}) 기업 ${b.n.toLocaleString('ko-KR')}곳과 비교했습니다.`,
      en: `Compared with ${b.n.toLocaleString('en-US')} ${size.en} in the same industry (${section.code} ${section.en}).`,
    };
  if (b.group === 'size' && size)
    return {
      ko: `같은 업종의 비교 대상이 ${PEER_MIN}곳 미만이어서 같은 규모(${size.ko}) 기업 ${b.n.toLocaleString('ko-KR')}곳과 비교했습니다.`,
      en: `Fewer than ${PEER_MIN} peers share your industry, so you are compared with ${b.n.toLocaleString('en-US')} ${size.en}.`,
    };
  return {
    ko: `같은 규모·업종의 비교 대상이 ${PEER_MIN}곳 미만이어서 진단에 참여한 전체 기업 ${b.n.toLocaleString('ko-KR')}곳과 비교했습니다.`,
    en: `Fewer than ${PEER_MIN} peers share your size and industry, so you are compared with all ${b.n.toLocaleString('en-US')} firms that took the diagnosis.`,
  };
}

export function peerSummaryOf(b: PeerBenchmark): PeerSummary {
  return {
    group: b.group,
    n: b.n,
    sizeClass: b.sizeClass as PeerSummary['sizeClass'],
    ksicSection: b.ksicSection,
    overallMedian: b.overallMedian,
    overallPercentile: b.overallPercentile,
    description: describePeers(b),
  };
}
