import { type SQL, sql } from 'drizzle-orm';
import { districtLabel } from '../../../shared/districts';
import { KSIC_SECTIONS } from '../../../shared/ksic';
import { type Database, sqlRows } from '../../db/client';
import { type Actor, isStaff } from '../../platform/actor';
import { assertCan } from '../../platform/policy';
import { type OutCell, writeXlsx } from '../../platform/tabular';
import { type Analytics, type AnalyticsQuery, type LangText, SMALL_GROUP } from './contract';
import { allInstrumentContents, currentInstrumentRow } from './instruments';
import { SIZE_LABEL } from './peers';
import { round1 } from './scoring';

/**
 * Staff and viewer analytics over the latest submitted diagnosis of each firm: score histogram, stages by
 * size class, KSIC section and district, dimension means, and movement T0 → T1 for re-assessed firms.
 * Aggregates only: no firm names, no answers.
 */
const n = (v: unknown) => Number(v ?? 0);
const r1 = (v: unknown) => (v === null || v === undefined ? null : round1(Number(v)));

function filterSql(alias: string, q: AnalyticsQuery): SQL {
  const a = sql.raw(alias);
  const parts: SQL[] = [sql`true`];
  if (q.sizeClass) parts.push(sql`${a}.size_class = ${q.sizeClass}`);
  if (q.ksicSection) parts.push(sql`${a}.ksic_section = ${q.ksicSection}`);
  if (q.district) parts.push(sql`${a}.district = ${q.district}`);
  return sql.join(parts, sql` AND `);
}

async function groupRows(
  db: Database,
  column: 'size_class' | 'ksic_section' | 'district',
  f: SQL,
  stages: number,
  suppress: boolean,
) {
  const rows = await sqlRows<{ key: string | null; stage: number; n: number; sum: number }>(
    db,
    sql`SELECT ${sql.raw(`d.${column}`)}::text AS key, d.stage::int AS stage, count(*)::int AS n, sum(d.overall) AS sum
        FROM diagnoses d WHERE d.is_latest AND ${f} GROUP BY 1, 2 ORDER BY 1`,
  );
  const by = new Map<string | null, { n: number; sum: number; stages: number[] }>();
  for (const r of rows) {
    const g = by.get(r.key) ?? { n: 0, sum: 0, stages: Array.from({ length: stages }, () => 0) };
    g.n += n(r.n);
    g.sum += n(r.sum);
    if (r.stage >= 1 && r.stage <= stages) g.stages[r.stage - 1] += n(r.n);
    by.set(r.key, g);
  }
  return [...by.entries()]
    .map(([key, g]) =>
      suppress && g.n < SMALL_GROUP
        ? { key, n: g.n, mean: null, stages: g.stages.map(() => 0), suppressed: true }
        : { key, n: g.n, mean: g.n ? round1(g.sum / g.n) : null, stages: g.stages, suppressed: false },
    )
    .sort((a, b) => b.n - a.n || String(a.key).localeCompare(String(b.key)));
}

export async function diagnosisAnalytics({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: AnalyticsQuery;
}): Promise<Analytics> {
  assertCan(actor, 'diagnosis.analytics');
  // outside the agency (viewers), small groups' means and stages are withheld
  const suppress = !isStaff(actor);
  const small = (firms: number) => suppress && firms < SMALL_GROUP;
  const cur = await currentInstrumentRow(db);
  const versions = await allInstrumentContents(db);
  const content = cur?.content ?? versions.at(-1)?.content;
  const stageDefs = content?.stages ?? [];
  const titles = new Map<string, LangText>();
  for (const v of versions)
    for (const d of v.content.dimensions) titles.set(d.key, { ko: d.title.ko, en: d.title.en || d.title.ko });
  const order = content?.dimensions.map((d) => d.key) ?? [];
  const title = (k: string) => titles.get(k) ?? { ko: k, en: k };
  const byOrder = (a: { key: string }, b: { key: string }) =>
    (order.indexOf(a.key) + 1 || 99) - (order.indexOf(b.key) + 1 || 99) || a.key.localeCompare(b.key);

  const f = filterSql('d', input);
  const [tot] = await sqlRows<{ firms: number; mean: number | null; median: number | null }>(
    db,
    sql`SELECT count(*)::int AS firms, avg(d.overall) AS mean, percentile_cont(0.5) WITHIN GROUP (ORDER BY d.overall) AS median
        FROM diagnoses d WHERE d.is_latest AND ${f}`,
  );
  // generated_at: the database's clock, read in this query
  const [cnt] = await sqlRows<{ submitted: number; drafts: number; generated_at: string }>(
    db,
    sql`SELECT count(*) FILTER (WHERE d.status = 'submitted')::int AS submitted, count(*) FILTER (WHERE d.status = 'draft')::int AS drafts,
        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS generated_at
        FROM diagnoses d WHERE ${f}`,
  );
  const hist = await sqlRows<{ b: number; n: number }>(
    db,
    sql`SELECT least(floor(d.overall / 10), 9)::int AS b, count(*)::int AS n FROM diagnoses d
        WHERE d.is_latest AND ${f} GROUP BY 1`,
  );
  const stageCount = Math.max(5, ...stageDefs.map((s) => s.stage));
  const dims = await sqlRows<{ key: string; mean: number | null; n: number }>(
    db,
    sql`SELECT e.key, avg(e.value::float8) AS mean, count(*)::int AS n
        FROM diagnoses d CROSS JOIN LATERAL jsonb_each_text(d.dimension_scores) e
        WHERE d.is_latest AND ${f} AND e.value IS NOT NULL GROUP BY e.key`,
  );
  const t1f = filterSql('t1', input);
  const pairs = sql`diagnoses t0 JOIN diagnoses t1 ON t1.company_id = t0.company_id AND t1.seq = 1 AND t1.status = 'submitted'`;
  const pairWhere = sql`t0.seq = 0 AND t0.status = 'submitted' AND ${t1f}`;
  const [mv] = await sqlRows<{ firms: number; t0: number | null; t1: number | null; delta: number | null }>(
    db,
    sql`SELECT count(*)::int AS firms, avg(t0.overall) AS t0, avg(t1.overall) AS t1, avg(t1.overall - t0.overall) AS delta FROM ${pairs} WHERE ${pairWhere}`,
  );
  const mvDims = await sqlRows<{ key: string; t0: number | null; t1: number | null; delta: number | null }>(
    db,
    sql`SELECT a.key, avg(a.value::float8) AS t0, avg(b.value::float8) AS t1, avg(b.value::float8 - a.value::float8) AS delta
        FROM ${pairs}
        CROSS JOIN LATERAL jsonb_each_text(t0.dimension_scores) a
        JOIN LATERAL jsonb_each_text(t1.dimension_scores) b ON b.key = a.key
        WHERE ${pairWhere} AND a.value IS NOT NULL AND b.value IS NOT NULL GROUP BY a.key`,
  );
  const transitions = await sqlRows<{ from: number; to: number; n: number }>(
    db,
    sql`SELECT t0.stage::int AS "from", t1.stage::int AS "to", count(*)::int AS n FROM ${pairs} WHERE ${pairWhere}
        GROUP BY 1, 2 ORDER BY 1, 2`,
  );

  return {
    generatedAt: cnt.generated_at,
    totals: {
      firms: n(tot.firms),
      diagnoses: n(cnt.submitted),
      drafts: n(cnt.drafts),
      meanOverall: small(n(tot.firms)) ? null : r1(tot.mean),
      medianOverall: small(n(tot.firms)) ? null : r1(tot.median),
    },
    // for viewers, the score distribution of fewer than SMALL_GROUP firms would show single firms' scores
    histogram: small(n(tot.firms))
      ? []
      : Array.from({ length: 10 }, (_, b) => ({
          from: b * 10,
          to: b === 9 ? 100 : b * 10 + 10,
          n: n(hist.find((h) => h.b === b)?.n),
        })),
    stages: stageDefs.map((s) => ({
      stage: s.stage,
      min: s.min,
      label: { ko: s.label.ko, en: s.label.en || s.label.ko },
    })),
    bySize: await groupRows(db, 'size_class', f, stageCount, suppress),
    bySection: await groupRows(db, 'ksic_section', f, stageCount, suppress),
    byDistrict: await groupRows(db, 'district', f, stageCount, suppress),
    dimensions: (small(n(tot.firms)) ? [] : dims)
      .map((d) => ({ key: d.key, title: title(d.key), mean: r1(d.mean), n: n(d.n) }))
      .sort(byOrder),
    movement: {
      firms: n(mv.firms),
      meanT0: small(n(mv.firms)) ? null : r1(mv.t0),
      meanT1: small(n(mv.firms)) ? null : r1(mv.t1),
      meanDelta: small(n(mv.firms)) ? null : r1(mv.delta),
      dimensions: (small(n(mv.firms)) ? [] : mvDims)
        .map((d) => ({ key: d.key, title: title(d.key), t0: r1(d.t0), t1: r1(d.t1), delta: r1(d.delta) }))
        .sort(byOrder),
      transitions: (small(n(mv.firms)) ? [] : transitions).map((t) => ({
        from: n(t.from),
        to: n(t.to),
        n: n(t.n),
      })),
    },
  };
}

const sectionLabel = (k: string | null) => {
  const s = KSIC_SECTIONS.find((x) => x.code === k);
  return s ? `${s.code} ${s.ko}` : '미상';
};

/** The analytics as one XLSX sheet in long format: 구분 | 그룹 | 항목 | 값. */
export async function analyticsXlsx(a: Analytics): Promise<Buffer> {
  const rows: OutCell[][] = [];
  const stageName = (i: number) => a.stages[i]?.label.ko ?? `${i + 1}단계`;
  rows.push(['전체', '', '진단 기업 수(최신 진단 기준)', a.totals.firms]);
  rows.push(['전체', '', '제출된 진단 수', a.totals.diagnoses]);
  rows.push(['전체', '', '작성 중인 진단 수', a.totals.drafts]);
  rows.push(['전체', '', '종합 점수 평균', a.totals.meanOverall]);
  rows.push(['전체', '', '종합 점수 중앙값', a.totals.medianOverall]);
  for (const h of a.histogram) rows.push(['점수 분포', `${h.from}~${h.to}점`, '기업 수', h.n]);
  const groups: [string, Analytics['bySize'], (k: string | null) => string][] = [
    ['기업규모별', a.bySize, (k) => (k ? (SIZE_LABEL[k]?.ko ?? k) : '미상')],
    ['업종(KSIC 대분류)별', a.bySection, sectionLabel],
    ['자치구별', a.byDistrict, (k) => (k ? districtLabel(k) : '미상')],
  ];
  for (const [name, list, label] of groups)
    for (const g of list) {
      rows.push([name, label(g.key), '기업 수', g.n]);
      if (g.suppressed) {
        rows.push([name, label(g.key), '비고', `${SMALL_GROUP}곳 미만이라 공개하지 않음`]);
        continue;
      }
      rows.push([name, label(g.key), '종합 점수 평균', g.mean]);
      g.stages.forEach((c, i) => {
        rows.push([name, label(g.key), `${i + 1}단계 ${stageName(i)}`, c]);
      });
    }
  for (const d of a.dimensions) rows.push(['영역별 평균', d.title.ko, '평균 점수', d.mean]);
  rows.push(['재진단(T0→T1)', '', '재진단 기업 수', a.movement.firms]);
  rows.push(['재진단(T0→T1)', '종합', 'T0 평균', a.movement.meanT0]);
  rows.push(['재진단(T0→T1)', '종합', 'T1 평균', a.movement.meanT1]);
  rows.push(['재진단(T0→T1)', '종합', '변화', a.movement.meanDelta]);
  for (const d of a.movement.dimensions) {
    rows.push(['재진단(T0→T1)', d.title.ko, 'T0 평균', d.t0]);
    rows.push(['재진단(T0→T1)', d.title.ko, 'T1 평균', d.t1]);
    rows.push(['재진단(T0→T1)', d.title.ko, '변화', d.delta]);
  }
  for (const t of a.movement.transitions)
    rows.push(['단계 이동(T0→T1)', `${t.from}단계 → ${t.to}단계`, '기업 수', t.n]);
  return writeXlsx('DX 진단 통계', ['구분', '그룹', '항목', '값'], rows);
}
