import type { AnswerValue, InstrumentContent, Question, StageDef } from './contract';

/**
 * Scoring of a diagnosis, exactly:
 * - question score = points ÷ max points (0–1);
 * - dimension score = 100 × Σ(weight × question score) ÷ Σ(weight), over the answered questions;
 * - overall = mean of the dimension scores weighted by the dimensions' weights, one decimal;
 * - stage = the highest stage whose threshold (`min`) the overall score reaches.
 * Pure functions: no database, no clock.
 */

/** Points of the answer options for yes/partly/no and done/planned/no: partly and planned are half. */
const TRI_POINTS: Record<string, Record<string, number>> = {
  yesPartlyNo: { yes: 2, partly: 1, no: 0 },
  status: { done: 2, planned: 1, no: 0 },
};

/** Rounds half away from zero to one decimal, in decimal (41.95 → 42.0, not 41.9). */
export function round1(x: number): number {
  return Number(`${Math.round(Number(`${x}e1`))}e-1`);
}

export function maxPoints(q: Question): number {
  switch (q.type) {
    case 'single':
      return Math.max(0, ...q.options.map((o) => o.points));
    case 'multi':
      return q.options.reduce((s, o) => s + Math.max(o.points, 0), 0);
    case 'scale':
      return 5;
    default:
      return 2;
  }
}

/** A multi-choice answer in its one shape. */
export function multiSelection(a: AnswerValue): { done: string[]; planned: string[] } | undefined {
  if (Array.isArray(a)) return { done: a, planned: [] };
  if (a && typeof a === 'object') return { done: a.done, planned: a.planned ?? [] };
  return undefined;
}

/**
 * Why an answer does not fit its question (a message code), or undefined when it fits.
 * An empty multi-choice selection is not an answer (choose the "none" option instead).
 */
export function answerError(q: Question, a: AnswerValue): string | undefined {
  switch (q.type) {
    case 'single':
      return typeof a === 'string' && q.options.some((o) => o.value === a) ? undefined : 'unknown_option';
    case 'scale':
      return typeof a === 'number' && Number.isInteger(a) && a >= 0 && a <= 5 ? undefined : 'invalid_value';
    case 'yesPartlyNo':
    case 'status':
      return typeof a === 'string' && a in TRI_POINTS[q.type] ? undefined : 'invalid_value';
    case 'multi': {
      const sel = multiSelection(a);
      if (!sel) return 'invalid_value';
      const all = [...sel.done, ...sel.planned];
      if (all.length === 0) return 'required';
      if (sel.planned.length > 0 && !q.allowPlanned) return 'invalid_value';
      if (new Set(all).size !== all.length) return 'invalid_value';
      const byValue = new Map(q.options.map((o) => [o.value, o]));
      if (!all.every((v) => byValue.has(v))) return 'unknown_option';
      if (all.length > 1 && all.some((v) => byValue.get(v)?.exclusive)) return 'exclusive_option';
      return undefined;
    }
  }
}

/** Points earned by an answer, or undefined when it is missing or does not fit the question. */
export function answerPoints(q: Question, a: AnswerValue | null | undefined): number | undefined {
  if (a === null || a === undefined || answerError(q, a)) return undefined;
  switch (q.type) {
    case 'single':
      return q.options.find((o) => o.value === a)!.points;
    case 'scale':
      return a as number;
    case 'yesPartlyNo':
    case 'status':
      return TRI_POINTS[q.type][a as string];
    case 'multi': {
      const sel = multiSelection(a)!;
      const pts = (v: string) => q.options.find((o) => o.value === v)?.points ?? 0;
      const sum = sel.done.reduce((s, v) => s + pts(v), 0) + sel.planned.reduce((s, v) => s + pts(v) / 2, 0);
      return Math.min(sum, maxPoints(q));
    }
  }
}

/** points ÷ max points, 0–1; undefined when unanswered. */
export function questionScore(q: Question, a: AnswerValue | null | undefined): number | undefined {
  const p = answerPoints(q, a);
  if (p === undefined) return undefined;
  const max = maxPoints(q);
  return max > 0 ? Math.min(1, Math.max(0, p / max)) : 0;
}

type Answers = Record<string, AnswerValue | null | undefined>;

/** 100 × Σ(weight × question score) ÷ Σ(weight) over answered questions; null when none is answered. */
export function dimensionScore(questions: Question[], answers: Answers): number | null {
  let num = 0;
  let den = 0;
  for (const q of questions) {
    const s = questionScore(q, answers[q.key]);
    if (s === undefined) continue;
    num += q.weight * s;
    den += q.weight;
  }
  return den > 0 ? (100 * num) / den : null;
}

/** Dimension-weighted mean of the scored dimensions (unrounded); 0 when no dimension has a score. */
export function weightedOverall(scores: { score: number | null; weight: number }[]): number {
  let num = 0;
  let den = 0;
  for (const d of scores) {
    if (d.score === null) continue;
    num += d.weight * d.score;
    den += d.weight;
  }
  return den > 0 ? num / den : 0;
}

/** The highest stage whose `min` the score reaches (stages sorted by `min`). */
export function stageFor(overall: number, stages: StageDef[]): StageDef {
  let found = stages[0];
  for (const s of stages) if (overall >= s.min) found = s;
  return found;
}

export interface Scores {
  overall: number;
  stage: number;
  /** by dimension key, one decimal; null when the dimension has no answered question */
  dimensions: Record<string, number | null>;
  answered: number;
  total: number;
  required: number;
  requiredAnswered: number;
  /** keys of required questions without a valid answer */
  missing: string[];
}

/** Scores a set of answers against an instrument version. */
export function scoreDiagnosis(content: InstrumentContent, answers: Answers): Scores {
  const dims: Record<string, number | null> = {};
  const forOverall: { score: number | null; weight: number }[] = [];
  let answered = 0;
  let total = 0;
  let required = 0;
  let requiredAnswered = 0;
  const missing: string[] = [];
  for (const d of content.dimensions) {
    const score = dimensionScore(d.questions, answers);
    dims[d.key] = score === null ? null : round1(score);
    forOverall.push({ score, weight: d.weight });
    for (const q of d.questions) {
      const ok = answerPoints(q, answers[q.key]) !== undefined;
      total++;
      if (ok) answered++;
      if (q.required) {
        required++;
        if (ok) requiredAnswered++;
        else missing.push(q.key);
      }
    }
  }
  const overall = round1(weightedOverall(forOverall));
  return {
    overall,
    stage: stageFor(overall, content.stages).stage,
    dimensions: dims,
    answered,
    total,
    required,
    requiredAnswered,
    missing,
  };
}

/** Every question of an instrument by key. */
export function questionsByKey(content: InstrumentContent): Map<string, Question> {
  return new Map(content.dimensions.flatMap((d) => d.questions.map((q) => [q.key, q] as const)));
}
