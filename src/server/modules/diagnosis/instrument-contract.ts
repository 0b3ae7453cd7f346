import { z } from 'zod';

/**
 * The content of an instrument version (진단 도구): dimensions (with weights) → questions, the stage
 * thresholds, and the shape of answers. Shared with the web app: imports only zod.
 */
/**
 * Question types: `single` (one option, points per option), `multi` (several options, points per option;
 * with `allowPlanned` an option can be marked planned = half its points), `scale` (0–5), `yesPartlyNo`
 * (2/1/0 points) and `status` (done/planned/no: planned is worth half of done).
 */
export const QUESTION_TYPES = ['single', 'multi', 'scale', 'yesPartlyNo', 'status'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const KEY = /^[a-z][a-zA-Z0-9_]{0,39}$/;
export const keySchema = z.string().regex(KEY, 'key_format');
const key = keySchema;
const optionValue = z.string().regex(/^[a-z0-9][a-zA-Z0-9_-]{0,39}$/, 'key_format');

/** Korean wording (required) and English wording (optional; the UI falls back to Korean). */
export const wording = (max: number) =>
  z.object({ ko: z.string().trim().min(1).max(max), en: z.string().trim().max(max).default('') });
export const langText = z.object({ ko: z.string(), en: z.string() });
export type LangText = z.infer<typeof langText>;

export const questionOption = z.object({
  value: optionValue,
  label: wording(200),
  points: z.number().min(0).max(100),
  /** "none of these": cannot be combined with other options (multi) */
  exclusive: z.boolean().optional(),
});

const questionBase = {
  key,
  text: wording(500),
  help: wording(1000).optional(),
  required: z.boolean().default(true),
  weight: z.number().positive().max(100).default(1),
};

export const question = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.literal('single'), options: z.array(questionOption).min(2).max(12) }),
  z.object({
    ...questionBase,
    type: z.literal('multi'),
    options: z.array(questionOption).min(2).max(20),
    allowPlanned: z.boolean().default(false),
  }),
  z.object({
    ...questionBase,
    type: z.literal('scale'),
    minLabel: wording(100).optional(),
    maxLabel: wording(100).optional(),
  }),
  z.object({ ...questionBase, type: z.literal('yesPartlyNo') }),
  z.object({ ...questionBase, type: z.literal('status') }),
]);
export type Question = z.infer<typeof question>;

export const dimension = z.object({
  key,
  title: wording(100),
  description: wording(1000).optional(),
  /** advice shown when the dimension is a gap */
  advice: wording(1000).optional(),
  weight: z.number().positive().max(100).default(1),
  questions: z.array(question).min(1).max(20),
});
export type Dimension = z.infer<typeof dimension>;

/** A stage starts at `min` (inclusive) and runs to the next stage's `min`. */
export const stageDef = z.object({
  stage: z.number().int().min(1).max(10),
  min: z.number().min(0).max(100),
  label: wording(40),
  description: wording(500).optional(),
});
export type StageDef = z.infer<typeof stageDef>;

export const instrumentContent = z
  .object({
    title: wording(200),
    description: wording(2000).optional(),
    dimensions: z.array(dimension).min(1).max(12),
    stages: z.array(stageDef).min(2).max(10),
  })
  .superRefine((c, ctx) => {
    const dims = new Set<string>();
    const questions = new Set<string>();
    c.dimensions.forEach((d, di) => {
      if (dims.has(d.key))
        ctx.addIssue({ code: 'custom', message: 'duplicate_key', path: ['dimensions', di, 'key'] });
      dims.add(d.key);
      d.questions.forEach((q, qi) => {
        const path = ['dimensions', di, 'questions', qi];
        if (questions.has(q.key))
          ctx.addIssue({ code: 'custom', message: 'duplicate_key', path: [...path, 'key'] });
        questions.add(q.key);
        if (q.type === 'single' || q.type === 'multi') {
          const values = new Set<string>();
          q.options.forEach((o, oi) => {
            if (values.has(o.value))
              ctx.addIssue({
                code: 'custom',
                message: 'duplicate_key',
                path: [...path, 'options', oi, 'value'],
              });
            values.add(o.value);
          });
          if (!q.options.some((o) => o.points > 0))
            ctx.addIssue({ code: 'custom', message: 'points_required', path: [...path, 'options'] });
        }
      });
    });
    c.stages.forEach((s, i) => {
      const prev = c.stages[i - 1];
      if (s.stage !== i + 1 || (i === 0 ? s.min !== 0 : s.min <= prev.min))
        ctx.addIssue({ code: 'custom', message: 'stages_order', path: ['stages', i] });
    });
  });
export type InstrumentContent = z.infer<typeof instrumentContent>;

// Answers --------------------------------------------------------------------------------------------------

/** multi-choice answer: options in use (`done`) and, when allowed, options planned (half the points) */
export const multiAnswer = z.object({
  done: z.array(optionValue).max(20),
  planned: z.array(optionValue).max(20).default([]),
});
/**
 * One answer: an option value (single), 'yes'|'partly'|'no' (yesPartlyNo), 'done'|'planned'|'no'
 * (status), 0–5 (scale), option values or `{ done, planned }` (multi).
 */
export const answerValue = z.union([
  optionValue,
  z.number().int().min(0).max(5),
  z.array(optionValue).max(20),
  multiAnswer,
]);
export type AnswerValue = z.infer<typeof answerValue>;
export const diagnosisAnswers = z.record(key, answerValue);
export type DiagnosisAnswers = z.infer<typeof diagnosisAnswers>;
