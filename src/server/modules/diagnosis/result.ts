import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { DiagnosisResult, InstrumentContent, LangText } from './contract';
import { type PeerBenchmark, peerBenchmark, peerSummaryOf } from './peers';
import { diagnoses } from './schema';
import { round1, stageFor } from './scoring';

/**
 * The result of a submitted diagnosis: overall score and stage, per-dimension scores against the peer
 * median, strengths and gaps in plain Korean/English, and the change since the previous submitted one.
 */
type Row = typeof diagnoses.$inferSelect;

const fmt = (x: number) => x.toFixed(1);
const label = (l: { ko: string; en?: string }): LangText => ({ ko: l.ko, en: l.en || l.ko });

interface DimFacts {
  key: string;
  title: LangText;
  advice?: LangText;
  score: number | null;
  median: number | null;
}

/**
 * Strengths: up to two dimensions at or above both the peer median (when there is one) and the firm's
 * own overall score, highest first. Gaps: up to two dimensions below the peer median or under 40,
 * lowest first, with the dimension's advice.
 */
export function findings(dims: DimFacts[], overall: number) {
  const scored = dims.filter((d) => d.score !== null) as (DimFacts & { score: number })[];
  const strengths = scored
    .filter((d) => d.score >= overall && (d.median === null || d.score >= d.median) && d.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 2)
    .map((d) => ({
      dimension: d.key,
      text:
        d.median !== null
          ? {
              ko: `${d.title.ko}: ${fmt(d.score)}점으로 비교 그룹 중앙값(${fmt(d.median)}점)보다 ${fmt(d.score - d.median)}점 높습니다. 귀사의 강점입니다.`,
              en: `${d.title.en}: ${fmt(d.score)}, ${fmt(d.score - d.median)} points above the peer median (${fmt(d.median)}). This is a strength.`,
            }
          : {
              ko: `${d.title.ko}: ${fmt(d.score)}점으로 귀사의 여러 영역 가운데 가장 앞서 있습니다.`,
              en: `${d.title.en}: ${fmt(d.score)}, among your strongest areas.`,
            },
    }));
  // Below the peers everywhere: name the firm's own leading area, so the result says what to build on.
  const best = [...scored].sort((a, b) => b.score - a.score)[0];
  if (strengths.length === 0 && best && best.score > 0)
    strengths.push({
      dimension: best.key,
      text:
        best.median !== null
          ? {
              ko: `${best.title.ko}: ${fmt(best.score)}점으로 귀사의 영역 가운데 가장 앞서 있습니다(비교 그룹 중앙값 ${fmt(best.median)}점).`,
              en: `${best.title.en}: ${fmt(best.score)}, your strongest area (peer median ${fmt(best.median)}).`,
            }
          : {
              ko: `${best.title.ko}: ${fmt(best.score)}점으로 귀사의 영역 가운데 가장 앞서 있습니다.`,
              en: `${best.title.en}: ${fmt(best.score)}, your strongest area.`,
            },
    });
  const strong = new Set(strengths.map((s) => s.dimension));
  const gaps = scored
    .filter((d) => !strong.has(d.key) && ((d.median !== null && d.score < d.median) || d.score < 40))
    .sort((a, b) => a.score - b.score)
    .slice(0, 2)
    .map((d) => {
      const advice = d.advice ? { ko: ` ${d.advice.ko}`, en: ` ${d.advice.en}` } : { ko: '', en: '' };
      return {
        dimension: d.key,
        text:
          d.median !== null && d.score < d.median
            ? {
                ko: `${d.title.ko}: ${fmt(d.score)}점으로 비교 그룹 중앙값(${fmt(d.median)}점)보다 ${fmt(d.median - d.score)}점 낮습니다.${advice.ko}`,
                en: `${d.title.en}: ${fmt(d.score)}, ${fmt(d.median - d.score)} points below the peer median (${fmt(d.median)}).${advice.en}`,
              }
            : {
                ko: `${d.title.ko}: ${fmt(d.score)}점으로 보완이 필요한 영역입니다.${advice.ko}`,
                en: `${d.title.en}: ${fmt(d.score)}, an area to strengthen.${advice.en}`,
              },
      };
    });
  return { strengths, gaps };
}

/** The previous submitted diagnosis of the same company (the one before this one in the timeline). */
async function previousOf(db: Database, row: Row) {
  if (row.seq === null || row.seq === 0) return undefined;
  const [prev] = await db
    .select()
    .from(diagnoses)
    .where(
      and(
        eq(diagnoses.companyId, row.companyId),
        eq(diagnoses.status, 'submitted'),
        eq(diagnoses.seq, row.seq - 1),
      ),
    );
  return prev;
}

export async function buildResult(
  db: Database,
  row: Row,
  content: InstrumentContent,
  peers?: PeerBenchmark,
): Promise<DiagnosisResult> {
  const overall = row.overall ?? 0;
  const scores = row.dimensionScores ?? {};
  const bench =
    peers ??
    (await peerBenchmark(db, {
      companyId: row.companyId,
      sizeClass: row.sizeClass,
      ksicSection: row.ksicSection,
      overall,
      dimensions: Object.fromEntries(content.dimensions.map((d) => [d.key, scores[d.key] ?? null])),
    }));
  const prev = await previousOf(db, row);
  const prevScores = prev?.dimensionScores ?? {};
  const stage = stageFor(overall, content.stages);
  const dims = content.dimensions.map((d) => {
    const score = scores[d.key] ?? null;
    const previous = prev ? (prevScores[d.key] ?? null) : null;
    return {
      key: d.key,
      title: label(d.title),
      weight: d.weight,
      score,
      peerMedian: bench.dimensions[d.key]?.median ?? null,
      percentile: bench.dimensions[d.key]?.percentile ?? null,
      previous,
      delta: score !== null && previous !== null ? round1(score - previous) : null,
    };
  });
  const { strengths, gaps } = findings(
    content.dimensions.map((d, i) => ({
      key: d.key,
      title: label(d.title),
      advice: d.advice ? label(d.advice) : undefined,
      score: dims[i].score,
      median: dims[i].peerMedian,
    })),
    overall,
  );
  return {
    overall,
    stage: stage.stage,
    stageLabel: label(stage.label),
    stages: content.stages.map((s) => ({ stage: s.stage, min: s.min, label: label(s.label) })),
    dimensions: dims,
    peer: peerSummaryOf(bench),
    strengths,
    gaps,
    previous: prev
      ? {
          id: prev.id,
          label: `T${prev.seq}`,
          submittedAt: prev.submittedAt!.toISOString(),
          overall: prev.overall ?? 0,
          stage: prev.stage ?? 1,
          delta: round1(overall - (prev.overall ?? 0)),
        }
      : null,
  };
}
