/**
 * Aggregation of evaluation scores, as Korean agencies do it (one pure function, no I/O).
 *
 * Per application and stage (서면평가 / 발표평가):
 * - with at least `trimMin` reviewers (default 5) the single highest and the single lowest sheet
 *   total are dropped (one each, even when several reviewers gave the same figure) and the rest are
 *   averaged; with fewer reviewers nothing is dropped;
 * - the stage mean is put on a 100-point scale (`mean / maxTotal × 100`, `maxTotal` = the rubric's
 *   total points, usually 100) and the stages are combined with their weights, normalised to sum 1
 *   (서면 30 / 발표 70 → 0.3 / 0.7);
 * - 가점 (bonus) is clamped to `0..bonusCap` and added: `final = weighted + bonus`;
 * - `passed` = the weighted score **before** bonus ≥ `cutoff` (bonus never lifts a firm over the
 *   cut-off line); an application with a stage without any sheet is unscored (no final, not passed,
 *   no rank).
 * - rank: scored applications by final (desc), then the mean points on the tie-break criterion over
 *   all its sheets (desc), then earlier submission, then application id; ranks are 1..k, no shared ranks.
 *
 * Rounding: every computation runs in full precision; figures are rounded to two decimals (half away
 * from zero) only where they leave this function. Ranking and the cut-off compare the **rounded**
 * figures — the ones published — so two finals that both read 85.33 are decided by the declared
 * tie-breaks, never by invisible decimals.
 */

export const DEFAULT_TRIM_MIN = 5;
export const DEFAULT_CUTOFF = 70;

export interface StageRule {
  panelId: string;
  /** relative weight, e.g. 30 and 70; normalised over the stages of the call */
  weight: number;
  /** with at least this many sheets the highest and the lowest are dropped (default 5, at least 3) */
  trimMin?: number;
  /** total points of the rubric (default 100) */
  maxTotal?: number;
}

export interface AggregationRules {
  stages: readonly StageRule[];
  /** 가점 cap (≥ 0) */
  bonusCap: number;
  /** pass line on the weighted score before bonus (default 70) */
  cutoff?: number;
  /** criterion code whose mean points decide ties on final */
  tieBreakCriterion?: string | null;
}

export interface SheetScore {
  /** the sheet's total points */
  total: number;
  /** points per criterion code */
  criteria?: Readonly<Record<string, number>>;
}

export interface ApplicationScores {
  applicationId: string;
  /** submission time (ms since epoch), the second tie-break */
  submittedAt: number;
  /** claimed bonus points before the cap */
  bonus: number;
  /** submitted sheets by panel id; a panel missing here has no sheet yet */
  sheets: Readonly<Record<string, readonly SheetScore[]>>;
}

export interface StageResult {
  panelId: string;
  rawTotals: number[];
  dropped: { high: number | null; low: number | null };
  mean: number | null;
}

export interface ApplicationResult {
  applicationId: string;
  rank: number | null;
  stages: StageResult[];
  bonus: number;
  /** weighted score before bonus */
  weighted: number | null;
  final: number | null;
  passed: boolean;
}

/** Two decimals, half away from zero (the epsilon absorbs binary artefacts such as 1.005). */
export function round2(x: number): number {
  const r = Math.round((Math.abs(x) + Number.EPSILON) * 100 * (1 + Number.EPSILON)) / 100;
  return Math.sign(x) * r || 0;
}

/** Trimmed mean of one stage: drops one highest and one lowest when there are ≥ trimMin totals. */
export function trimmedMean(
  totals: readonly number[],
  trimMin = DEFAULT_TRIM_MIN,
): { mean: number | null; high: number | null; low: number | null } {
  if (totals.length === 0) return { mean: null, high: null, low: null };
  const sorted = [...totals].sort((a, b) => a - b);
  const trim = totals.length >= Math.max(3, trimMin);
  const kept = trim ? sorted.slice(1, -1) : sorted;
  const mean = kept.reduce((s, x) => s + x, 0) / kept.length;
  return trim ? { mean, high: sorted[sorted.length - 1], low: sorted[0] } : { mean, high: null, low: null };
}

interface Working extends ApplicationResult {
  submittedAt: number;
  tieBreak: number;
}

/** Mean points on the tie-break criterion over all sheets of all stages, rounded (−∞ when none). */
function tieBreakValue(app: ApplicationScores, code: string | null | undefined): number {
  if (!code) return 0;
  const pts = Object.values(app.sheets)
    .flat()
    .map((s) => s.criteria?.[code])
    .filter((p): p is number => typeof p === 'number')
    .sort((a, b) => a - b);
  return pts.length ? round2(pts.reduce((s, x) => s + x, 0) / pts.length) : Number.NEGATIVE_INFINITY;
}

/** Aggregates every application of a call; the output order is the rank order (unscored last, by id). */
export function aggregate(apps: readonly ApplicationScores[], rules: AggregationRules): ApplicationResult[] {
  const cutoff = rules.cutoff ?? DEFAULT_CUTOFF;
  const weightSum = rules.stages.reduce((s, st) => s + Math.max(0, st.weight), 0);
  const cap = Math.max(0, rules.bonusCap);

  const work: Working[] = apps.map((app) => {
    let weighted: number | null = rules.stages.length > 0 && weightSum > 0 ? 0 : null;
    const stages = rules.stages.map((st): StageResult => {
      const totals = [...(app.sheets[st.panelId] ?? []).map((s) => s.total)];
      const t = trimmedMean(totals, st.trimMin ?? DEFAULT_TRIM_MIN);
      if (t.mean === null) weighted = null;
      else if (weighted !== null)
        weighted += (t.mean / (st.maxTotal ?? 100)) * 100 * (Math.max(0, st.weight) / weightSum);
      return {
        panelId: st.panelId,
        rawTotals: totals.map(round2),
        dropped: {
          high: t.high === null ? null : round2(t.high),
          low: t.low === null ? null : round2(t.low),
        },
        mean: t.mean === null ? null : round2(t.mean),
      };
    });
    const bonus = Math.min(cap, Math.max(0, app.bonus));
    const w = weighted as number | null;
    const final = w === null ? null : round2(w + bonus);
    return {
      applicationId: app.applicationId,
      rank: null,
      stages,
      bonus: round2(bonus),
      weighted: w === null ? null : round2(w),
      final,
      passed: w !== null && round2(w) >= cutoff,
      submittedAt: app.submittedAt,
      tieBreak: tieBreakValue(app, rules.tieBreakCriterion),
    };
  });

  work.sort((a, b) => {
    if (a.final === null || b.final === null) {
      if (a.final !== b.final) return a.final === null ? 1 : -1;
      return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
    }
    return (
      b.final - a.final ||
      (b.tieBreak === a.tieBreak ? 0 : b.tieBreak > a.tieBreak ? 1 : -1) ||
      a.submittedAt - b.submittedAt ||
      (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0)
    );
  });
  let rank = 0;
  return work.map(({ submittedAt: _s, tieBreak: _t, ...r }) => ({
    ...r,
    rank: r.final === null ? null : ++rank,
  }));
}
