import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnswerValue, type InstrumentContent, instrumentContent, type Question } from './contract';
import { DEFAULT_INSTRUMENT } from './default-instrument';
import {
  answerError,
  answerPoints,
  dimensionScore,
  maxPoints,
  questionScore,
  round1,
  scoreDiagnosis,
  stageFor,
  weightedOverall,
} from './scoring';

const txt = (ko: string) => ({ ko, en: ko });
const STAGES = [
  { stage: 1, min: 0, label: txt('미착수') },
  { stage: 2, min: 20, label: txt('초기') },
  { stage: 3, min: 40, label: txt('도입') },
  { stage: 4, min: 60, label: txt('확산') },
  { stage: 5, min: 80, label: txt('고도화') },
];
const single: Question = {
  key: 'q1',
  type: 'single',
  text: txt('단일'),
  required: true,
  weight: 2,
  options: [
    { value: 'a', label: txt('A'), points: 0 },
    { value: 'b', label: txt('B'), points: 1 },
    { value: 'c', label: txt('C'), points: 4 },
  ],
};
const multi: Question = {
  key: 'q2',
  type: 'multi',
  text: txt('복수'),
  required: true,
  weight: 1,
  allowPlanned: true,
  options: [
    { value: 'x', label: txt('X'), points: 2 },
    { value: 'y', label: txt('Y'), points: 1 },
    { value: 'z', label: txt('Z'), points: 1 },
    { value: 'none', label: txt('없음'), points: 0, exclusive: true },
  ],
};
const scale: Question = { key: 'q3', type: 'scale', text: txt('척도'), required: true, weight: 1 };
const ynp: Question = {
  key: 'q4',
  type: 'yesPartlyNo',
  text: txt('예/일부/아니오'),
  required: false,
  weight: 1,
};
const status: Question = {
  key: 'q5',
  type: 'status',
  text: txt('하고 있음/계획/없음'),
  required: true,
  weight: 1,
};

describe('question scores: points ÷ max points', () => {
  it('single choice, multi choice with planned = half, scale, yes/partly/no, done/planned/no', () => {
    expect(maxPoints(single)).toBe(4);
    expect(questionScore(single, 'b')).toBe(0.25);
    expect(questionScore(single, 'c')).toBe(1);
    expect(maxPoints(multi)).toBe(4);
    expect(questionScore(multi, ['x', 'y'])).toBe(0.75);
    expect(questionScore(multi, { done: ['x'], planned: ['y', 'z'] })).toBe(0.75);
    expect(answerPoints(multi, { done: [], planned: ['x'] })).toBe(1); // planned: half of done
    expect(questionScore(multi, ['none'])).toBe(0);
    expect(questionScore(scale, 3)).toBe(0.6);
    expect(questionScore(ynp, 'partly')).toBe(0.5);
    expect(questionScore(status, 'planned')).toBe(0.5);
    expect(questionScore(status, 'done')).toBe(1);
    expect(questionScore(status, 'no')).toBe(0);
  });

  it('refuses answers that do not fit and treats them as unanswered', () => {
    expect(answerError(single, 'zz')).toBe('unknown_option');
    expect(answerError(scale, 6)).toBe('invalid_value');
    expect(answerError(ynp, 'maybe')).toBe('invalid_value');
    expect(answerError(multi, ['x', 'none'])).toBe('exclusive_option');
    expect(answerError(multi, ['x', 'x'])).toBe('invalid_value');
    expect(answerError(multi, { done: [], planned: [] })).toBe('required');
    expect(answerError({ ...multi, allowPlanned: false }, { done: ['x'], planned: ['y'] })).toBe(
      'invalid_value',
    );
    expect(questionScore(single, 'zz')).toBeUndefined();
    expect(questionScore(single, null)).toBeUndefined();
  });
});

describe('dimension, overall and stage', () => {
  it('dimension = 100 × Σ(w × score) ÷ Σ(w) over answered questions', () => {
    // q1 weight 2 score 0.25, q3 weight 1 score 0.6, q4 unanswered → (0.5 + 0.6) / 3
    expect(dimensionScore([single, scale, ynp], { q1: 'b', q3: 3 })).toBeCloseTo((100 * 1.1) / 3, 10);
    expect(dimensionScore([single, scale], {})).toBeNull();
  });

  it('overall is the dimension-weighted mean, one decimal, and sets the stage by the thresholds', () => {
    expect(
      weightedOverall([
        { score: 50, weight: 1 },
        { score: 20, weight: 2 },
        { score: null, weight: 5 },
      ]),
    ).toBe(30);
    expect(round1(41.95)).toBe(42);
    expect(round1(41.94)).toBe(41.9);
    expect(stageFor(19.9, STAGES).stage).toBe(1);
    expect(stageFor(20, STAGES).stage).toBe(2);
    expect(stageFor(39.9, STAGES).stage).toBe(2);
    expect(stageFor(41.9, STAGES).stage).toBe(3);
    expect(stageFor(80, STAGES).stage).toBe(5);
    const content: InstrumentContent = {
      title: txt('시험'),
      stages: STAGES,
      dimensions: [
        { key: 'a', title: txt('A'), weight: 1, questions: [single, multi] },
        { key: 'b', title: txt('B'), weight: 3, questions: [scale, ynp, status] },
      ],
    };
    const s = scoreDiagnosis(content, { q1: 'c', q2: ['y'], q3: 5, q5: 'planned' });
    // a: (2×1 + 1×0.25)/3 = 75; b: (1 + 0.5)/2 = 75 → 75 (q4 optional, unanswered)
    expect(s.dimensions).toEqual({ a: 75, b: 75 });
    expect(s.overall).toBe(75);
    expect(s.stage).toBe(4);
    expect(s.missing).toEqual([]);
    expect(s).toMatchObject({ answered: 4, total: 5, required: 4, requiredAnswered: 4 });
    const partial = scoreDiagnosis(content, { q1: 'a' });
    expect(partial.missing).toEqual(['q2', 'q3', 'q5']);
  });

  it('the default instrument is valid: six dimensions, 4–6 questions each, stages 미착수…고도화', () => {
    const parsed = instrumentContent.parse(DEFAULT_INSTRUMENT);
    expect(parsed.dimensions.map((d) => d.key)).toEqual([
      'strategy',
      'readiness',
      'people',
      'data',
      'ai',
      'greenSecure',
    ]);
    for (const d of parsed.dimensions) {
      expect(d.questions.length).toBeGreaterThanOrEqual(4);
      expect(d.questions.length).toBeLessThanOrEqual(6);
      for (const q of d.questions) expect(q.text.en.length).toBeGreaterThan(0);
    }
    expect(parsed.stages.map((s) => [s.min, s.label.ko])).toEqual([
      [0, '미착수'],
      [20, '초기'],
      [40, '도입'],
      [60, '확산'],
      [80, '고도화'],
    ]);
  });

  it('the instrument schema refuses duplicate keys, pointless options and unordered stages', () => {
    const bad = structuredClone(DEFAULT_INSTRUMENT) as InstrumentContent;
    bad.dimensions[1].questions[0].key = bad.dimensions[0].questions[0].key;
    bad.stages[2].min = 10;
    const q = bad.dimensions[0].questions[0];
    if (q.type === 'single') for (const o of q.options) o.points = 0;
    const r = instrumentContent.safeParse(bad);
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(['duplicate_key', 'stages_order', 'points_required']));
  });
});

// Property tests ------------------------------------------------------------------------------------------

const letters = 'abcdefghij';
const arbOptions = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 5 }).map((pts) => {
  const p = pts.some((x) => x > 0) ? pts : [...pts.slice(1), 1];
  return p.map((points, i) => ({ value: `o${i}`, label: txt(`보기 ${i}`), points }));
});
const arbQuestion = (key: string): fc.Arbitrary<Question> =>
  fc.oneof(
    fc.record({ weight: fc.integer({ min: 1, max: 5 }), options: arbOptions }).map(
      ({ weight, options }): Question => ({
        key,
        type: 'single',
        text: txt(key),
        required: true,
        weight,
        options,
      }),
    ),
    fc.record({ weight: fc.integer({ min: 1, max: 5 }), options: arbOptions }).map(
      ({ weight, options }): Question => ({
        key,
        type: 'multi',
        text: txt(key),
        required: true,
        weight,
        options,
        allowPlanned: true,
      }),
    ),
    fc
      .integer({ min: 1, max: 5 })
      .map((weight): Question => ({ key, type: 'scale', text: txt(key), required: true, weight })),
    fc
      .integer({ min: 1, max: 5 })
      .map((weight): Question => ({ key, type: 'yesPartlyNo', text: txt(key), required: true, weight })),
    fc
      .integer({ min: 1, max: 5 })
      .map((weight): Question => ({ key, type: 'status', text: txt(key), required: true, weight })),
  );
const arbContent: fc.Arbitrary<InstrumentContent> = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 5 })), {
    minLength: 1,
    maxLength: 6,
  })
  .chain((dims) =>
    fc
      .tuple(
        ...dims.map(([, nq], di) =>
          fc.tuple(...Array.from({ length: nq }, (_, qi) => arbQuestion(`${letters[di]}q${qi}`))),
        ),
      )
      .map((qs) => ({
        title: txt('속성'),
        stages: STAGES,
        dimensions: dims.map(([weight], di) => ({
          key: letters[di],
          title: txt(letters[di]),
          weight,
          questions: qs[di],
        })),
      })),
  );

/** Any valid (or missing) answer for a question. */
function arbAnswer(q: Question): fc.Arbitrary<AnswerValue | undefined> {
  switch (q.type) {
    case 'single':
      return fc.option(fc.constantFrom(...q.options.map((o) => o.value)), { nil: undefined });
    case 'multi':
      return fc.option(
        fc
          .array(fc.constantFrom<'done' | 'planned' | 'off'>('done', 'planned', 'off'), {
            minLength: q.options.length,
            maxLength: q.options.length,
          })
          .map((marks) => ({
            done: q.options.filter((_, i) => marks[i] === 'done').map((o) => o.value),
            planned: q.options.filter((_, i) => marks[i] === 'planned').map((o) => o.value),
          }))
          .filter((a) => a.done.length + a.planned.length > 0),
        { nil: undefined },
      );
    case 'scale':
      return fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined });
    case 'yesPartlyNo':
      return fc.option(fc.constantFrom('yes', 'partly', 'no'), { nil: undefined });
    case 'status':
      return fc.option(fc.constantFrom('done', 'planned', 'no'), { nil: undefined });
  }
}
const arbScenario = arbContent.chain((content) => {
  const qs = content.dimensions.flatMap((d) => d.questions);
  return fc.tuple(...qs.map((q) => arbAnswer(q))).map((values) => ({
    content,
    answers: Object.fromEntries(
      qs.map((q, i) => [q.key, values[i]]).filter(([, v]) => v !== undefined),
    ) as Record<string, AnswerValue>,
  }));
});

describe('scoring properties', () => {
  it('every score is within 0–100 and the stage matches the thresholds', () => {
    fc.assert(
      fc.property(arbScenario, ({ content, answers }) => {
        const s = scoreDiagnosis(content, answers);
        expect(s.overall).toBeGreaterThanOrEqual(0);
        expect(s.overall).toBeLessThanOrEqual(100);
        for (const v of Object.values(s.dimensions)) {
          if (v === null) continue;
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        expect(s.stage).toBe(stageFor(s.overall, STAGES).stage);
        expect(round1(s.overall)).toBe(s.overall); // one decimal
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in points: raising one scale answer never lowers the dimension or the overall score', () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), ({ content, answers }, pick) => {
        const scales = content.dimensions.flatMap((d) => d.questions).filter((q) => q.type === 'scale');
        if (scales.length === 0) return;
        const q = scales[pick % scales.length];
        const before = (answers[q.key] as number | undefined) ?? 0;
        if (before === 5) return;
        const low = scoreDiagnosis(content, { ...answers, [q.key]: before });
        const high = scoreDiagnosis(content, { ...answers, [q.key]: before + 1 });
        const dim = content.dimensions.find((d) => d.questions.includes(q))!.key;
        expect(high.dimensions[dim]!).toBeGreaterThanOrEqual(low.dimensions[dim]!);
        expect(high.overall).toBeGreaterThanOrEqual(low.overall);
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in points for choice questions: a better option or an extra selection never lowers the score', () => {
    fc.assert(
      fc.property(arbScenario, ({ content, answers }) => {
        for (const d of content.dimensions)
          for (const q of d.questions) {
            if (q.type === 'single') {
              const sorted = [...q.options].sort((a, b) => a.points - b.points);
              const lo = dimensionScore(d.questions, { ...answers, [q.key]: sorted[0].value })!;
              const hi = dimensionScore(d.questions, {
                ...answers,
                [q.key]: sorted[sorted.length - 1].value,
              })!;
              expect(hi).toBeGreaterThanOrEqual(lo - 1e-9);
            }
            if (q.type === 'multi') {
              const some = { done: [q.options[0].value], planned: [] };
              const planned = { done: [], planned: [q.options[0].value] };
              const more = { done: q.options.map((o) => o.value), planned: [] };
              const s1 = dimensionScore(d.questions, { ...answers, [q.key]: planned })!;
              const s2 = dimensionScore(d.questions, { ...answers, [q.key]: some })!;
              const s3 = dimensionScore(d.questions, { ...answers, [q.key]: more })!;
              expect(s2).toBeGreaterThanOrEqual(s1 - 1e-9);
              expect(s3).toBeGreaterThanOrEqual(s2 - 1e-9);
            }
          }
      }),
      { numRuns: 150 },
    );
  });

  it('respects weights: the dimension score is the weighted mean, unchanged when all weights scale', () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 2, max: 7 }), ({ content, answers }, k) => {
        for (const d of content.dimensions) {
          const answered = d.questions
            .map((q) => ({ w: q.weight, s: questionScore(q, answers[q.key]) }))
            .filter((x) => x.s !== undefined) as { w: number; s: number }[];
          const expected = answered.length
            ? (100 * answered.reduce((a, x) => a + x.w * x.s, 0)) / answered.reduce((a, x) => a + x.w, 0)
            : null;
          const got = dimensionScore(d.questions, answers);
          if (expected === null) expect(got).toBeNull();
          else expect(got).toBeCloseTo(expected, 9);
          const scaled = d.questions.map((q) => ({ ...q, weight: q.weight * k }));
          const again = dimensionScore(scaled, answers);
          if (got === null) expect(again).toBeNull();
          else expect(again).toBeCloseTo(got, 9);
          // lies between the lowest and the highest answered question score
          if (got !== null) {
            expect(got).toBeGreaterThanOrEqual(100 * Math.min(...answered.map((x) => x.s)) - 1e-9);
            expect(got).toBeLessThanOrEqual(100 * Math.max(...answered.map((x) => x.s)) + 1e-9);
          }
        }
        // overall: dimension weights respected, between the lowest and highest dimension score
        const s = scoreDiagnosis(content, answers);
        const scored = Object.values(s.dimensions).filter((v): v is number => v !== null);
        if (scored.length) {
          expect(s.overall).toBeGreaterThanOrEqual(Math.min(...scored) - 0.1);
          expect(s.overall).toBeLessThanOrEqual(Math.max(...scored) + 0.1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('giving a dimension more weight pulls the overall score towards that dimension', () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), ({ content, answers }, pick) => {
        const base = scoreDiagnosis(content, answers);
        const keys = Object.keys(base.dimensions).filter((k) => base.dimensions[k] !== null);
        if (keys.length < 2) return;
        const key = keys[pick % keys.length];
        const heavier = {
          ...content,
          dimensions: content.dimensions.map((d) => (d.key === key ? { ...d, weight: d.weight * 10 } : d)),
        };
        const after = scoreDiagnosis(heavier, answers);
        const target = base.dimensions[key]!;
        expect(Math.abs(after.overall - target)).toBeLessThanOrEqual(Math.abs(base.overall - target) + 0.1);
      }),
      { numRuns: 300 },
    );
  });
});
