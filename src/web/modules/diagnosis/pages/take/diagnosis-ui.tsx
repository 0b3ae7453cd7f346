import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../i18n';
import type { AnswerValue, Diagnosis } from '../../api/diagnosis';

export type Question = Diagnosis['instrument']['dimensions'][number]['questions'][number];
export type Dimension = Diagnosis['instrument']['dimensions'][number];
export type Answers = Record<string, AnswerValue | undefined>;

/** Korean wording, or English when the UI is in English and the instrument has it. */
export const say = (text: { ko: string; en?: string } | undefined, lang: Lang): string =>
  !text ? '' : lang === 'en' && text.en ? text.en : text.ko;

/** Scores are shown with one decimal: 42.0 */
export const score1 = (n: number | null | undefined): string =>
  n === null || n === undefined ? '' : n.toFixed(1);

/** Whether an answer counts as given (an empty multi-choice selection does not). */
export function isAnswered(a: AnswerValue | null | undefined): boolean {
  if (a === null || a === undefined) return false;
  if (Array.isArray(a)) return a.length > 0;
  if (typeof a === 'object') return a.done.length + (a.planned?.length ?? 0) > 0;
  return true;
}

export const questionId = (key: string) => `q-${key}`;

/** Answered / total over all questions, and the required ones still missing (in instrument order). */
export function progressOf(instrument: Diagnosis['instrument'], answers: Answers) {
  let total = 0;
  let answered = 0;
  const missing: { key: string; step: number; text: Question['text'] }[] = [];
  instrument.dimensions.forEach((d, step) => {
    for (const q of d.questions) {
      total++;
      if (isAnswered(answers[q.key])) answered++;
      else if (q.required) missing.push({ key: q.key, step, text: q.text });
    }
  });
  return { total, answered, missing };
}

/** A change shown in text and arrow, never by colour alone: ▲ 3.2점 상승 / ▼ 1.0점 하락 / 변화 없음. */
export function Delta({ value }: { value: number | null | undefined }) {
  const { t } = useTranslation();
  if (value === null || value === undefined) return <span className="app-muted">–</span>;
  if (value > 0)
    return (
      <span className="dx-delta dx-delta--up">
        <span aria-hidden="true">▲ </span>
        {t('diagnosis.delta.up', { n: score1(value) })}
      </span>
    );
  if (value < 0)
    return (
      <span className="dx-delta dx-delta--down">
        <span aria-hidden="true">▼ </span>
        {t('diagnosis.delta.down', { n: score1(-value) })}
      </span>
    );
  return <span className="dx-delta">{t('diagnosis.delta.same')}</span>;
}

/** Accessible progress bar of the answered questions. */
export function AnswerProgress({ answered, total }: { answered: number; total: number }) {
  const { t } = useTranslation();
  const pct = total ? Math.round((100 * answered) / total) : 0;
  const text = t('diagnosis.progress.text', { answered, total, pct });
  return (
    <div className="app-progress dx-progress">
      <p className="app-progress__label" id="dx-progress-label">
        {t('diagnosis.progress.label')}
      </p>
      <div
        className="dx-progress__bar"
        role="progressbar"
        aria-labelledby="dx-progress-label"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={text}
      >
        <span className="dx-progress__fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="dx-progress__text">{text}</p>
    </div>
  );
}
