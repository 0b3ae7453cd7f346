import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Check, ChoiceGroup } from '../../../../components/Field';
import { currentLang } from '../../../../i18n';
import type { AnswerValue } from '../../api/diagnosis';
import { type Question, questionId, say } from './diagnosis-ui';

type Change = (value: AnswerValue | null) => void;

const TRI: Record<'yesPartlyNo' | 'status', readonly string[]> = {
  yesPartlyNo: ['yes', 'partly', 'no'],
  status: ['done', 'planned', 'no'],
};

/** One question of the instrument, rendered by its type; `number` is its position in the whole instrument. */
export function QuestionInput({
  question: q,
  number,
  value,
  onChange,
}: {
  question: Question;
  number: number;
  value: AnswerValue | undefined;
  onChange: Change;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const id = questionId(q.key);
  const legend = (
    <span id={id} tabIndex={-1} className="dx-question__text">
      <span className="dx-question__no">{t('diagnosis.take.questionNo', { n: number })}</span>
      {say(q.text, lang)}
    </span>
  );
  const help = q.help ? say(q.help, lang) : undefined;
  const group = (children: ReactNode, hint = help, column = true) => (
    <div className={`dx-question dx-question--${q.type}`}>
      <ChoiceGroup legend={legend} hint={hint} required={q.required} column={column}>
        {children}
      </ChoiceGroup>
    </div>
  );
  const radio = (v: string | number, label: ReactNode) => (
    <Check
      key={String(v)}
      type="radio"
      name={q.key}
      id={`${id}-${v}`}
      label={label}
      checked={value === v}
      onChange={() => onChange(v)}
    />
  );

  switch (q.type) {
    case 'single':
      return group(q.options.map((o) => radio(o.value, say(o.label, lang))));
    case 'yesPartlyNo':
    case 'status':
      return group(
        TRI[q.type].map((v) => radio(v, t(`diagnosis.answers.${q.type}.${v}`))),
        help,
        false,
      );
    case 'scale': {
      const min = q.minLabel ? say(q.minLabel, lang) : '';
      const max = q.maxLabel ? say(q.maxLabel, lang) : '';
      const hint = [help, t('diagnosis.take.scaleHint')].filter(Boolean).join(' ');
      return group(
        [0, 1, 2, 3, 4, 5].map((n) =>
          radio(
            n,
            <>
              <span className="dx-scale__n">{n}</span>
              {n === 0 && min && <span className="dx-scale__end">{min}</span>}
              {n === 5 && max && <span className="dx-scale__end">{max}</span>}
            </>,
          ),
        ),
        hint,
        false,
      );
    }
    case 'multi':
      return q.allowPlanned ? (
        <PlannedMulti q={q} value={value} onChange={onChange} group={group} />
      ) : (
        group(<SimpleMulti q={q} value={value} onChange={onChange} />)
      );
  }
}

type MultiQ = Extract<Question, { type: 'multi' }>;

function selection(value: AnswerValue | undefined): { done: string[]; planned: string[] } {
  if (Array.isArray(value)) return { done: value, planned: [] };
  if (value && typeof value === 'object') return { done: value.done, planned: value.planned ?? [] };
  return { done: [], planned: [] };
}

/** Toggles one option; an exclusive option ("none of these") clears the others and the others clear it. */
function toggle(q: MultiQ, sel: { done: string[]; planned: string[] }, v: string, as: 'done' | 'planned') {
  const exclusive = new Set(q.options.filter((o) => o.exclusive).map((o) => o.value));
  const on = sel[as].includes(v);
  let done = sel.done.filter((x) => x !== v);
  let planned = sel.planned.filter((x) => x !== v);
  if (!on) {
    if (exclusive.has(v)) {
      done = [];
      planned = [];
    } else {
      done = done.filter((x) => !exclusive.has(x));
      planned = planned.filter((x) => !exclusive.has(x));
    }
    if (as === 'done') done.push(v);
    else planned.push(v);
  }
  const order = (list: string[]) => q.options.map((o) => o.value).filter((x) => list.includes(x));
  return { done: order(done), planned: order(planned) };
}

function SimpleMulti({
  q,
  value,
  onChange,
}: {
  q: MultiQ;
  value: AnswerValue | undefined;
  onChange: Change;
}) {
  const lang = currentLang();
  const sel = selection(value);
  return (
    <>
      {q.options.map((o) => (
        <Check
          key={o.value}
          name={q.key}
          id={`${questionId(q.key)}-${o.value}`}
          label={say(o.label, lang)}
          checked={sel.done.includes(o.value)}
          onChange={() => {
            const next = toggle(q, sel, o.value, 'done');
            onChange(next.done.length ? next.done : null);
          }}
        />
      ))}
    </>
  );
}

/** Multi-choice where each option is either in use (done) or planned (half the points). */
function PlannedMulti({
  q,
  value,
  onChange,
  group,
}: {
  q: MultiQ;
  value: AnswerValue | undefined;
  onChange: Change;
  group: (children: ReactNode, hint?: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const sel = selection(value);
  const id = questionId(q.key);
  const set = (v: string, as: 'done' | 'planned') => {
    const next = toggle(q, sel, v, as);
    onChange(next.done.length + next.planned.length ? next : null);
  };
  // the instrument's help usually explains "planned" already; otherwise say it
  const hint = q.help ? say(q.help, lang) : t('diagnosis.take.plannedHint');
  return group(
    <ul className="dx-multi">
      {q.options.map((o) => {
        const label = say(o.label, lang);
        if (o.exclusive)
          return (
            <li key={o.value} className="dx-multi__row dx-multi__row--none">
              <Check
                id={`${id}-${o.value}`}
                label={label}
                checked={sel.done.includes(o.value)}
                onChange={() => set(o.value, 'done')}
              />
            </li>
          );
        return (
          <li key={o.value} className="dx-multi__row">
            <span className="dx-multi__label" aria-hidden="true">
              {label}
            </span>
            <div className="dx-multi__checks">
              <Check
                id={`${id}-${o.value}`}
                label={
                  <>
                    <span className="sr-only">{label}: </span>
                    {t('diagnosis.answers.multi.done')}
                  </>
                }
                checked={sel.done.includes(o.value)}
                onChange={() => set(o.value, 'done')}
              />
              <Check
                id={`${id}-${o.value}-planned`}
                label={
                  <>
                    <span className="sr-only">{label}: </span>
                    {t('diagnosis.answers.multi.planned')}
                  </>
                }
                checked={sel.planned.includes(o.value)}
                onChange={() => set(o.value, 'planned')}
              />
            </div>
          </li>
        );
      })}
    </ul>,
    hint,
  );
}
