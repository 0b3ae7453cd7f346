import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert, LiveStatus } from '../../../../components/Alert';
import { Section } from '../../../../components/Page';
import { StepIndicator } from '../../../../components/StepIndicator';
import { currentLang } from '../../../../i18n';
import { useAutosave, useAutosaveStatus } from '../../../../lib/use-autosave';
import {
  type AnswerValue,
  type Diagnosis,
  useSaveDiagnosisAnswers,
  useSubmitDiagnosis,
} from '../../api/diagnosis';
import { AnswerProgress, isAnswered, progressOf, questionId, say } from './diagnosis-ui';
import { QuestionInput } from './QuestionInput';

const AUTOSAVE_MS = 800;

/** The first step (dimension) with an unanswered question; the submit step when all are answered. */
function resumeStep(d: Diagnosis): number {
  const i = d.instrument.dimensions.findIndex((dim) =>
    dim.questions.some((q) => !isAnswered(d.answers[q.key])),
  );
  return i === -1 ? d.instrument.dimensions.length : i;
}

/** The questionnaire: one dimension per step, autosaved answers, a final step to check and submit. */
export function Questionnaire({ diagnosis: d }: { diagnosis: Diagnosis }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const auto = useAutosave<AnswerValue | null, AnswerValue | undefined>({
    initial: d.answers,
    save: useSaveDiagnosisAnswers(d.id),
    delayMs: AUTOSAVE_MS,
    shown: (v) => v ?? undefined,
  });
  const submit = useSubmitDiagnosis(d.id);
  const dims = d.instrument.dimensions;
  const [step, setStep] = useState(() => resumeStep(d));
  const [moved, setMoved] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const progress = progressOf(d.instrument, auto.values);
  const last = dims.length;
  const firstNumber = dims.slice(0, step).reduce((n, dim) => n + dim.questions.length, 1);

  useEffect(() => {
    if (!focusKey) return;
    document.getElementById(questionId(focusKey))?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const goTo = (next: number, key?: string) => {
    auto.flush().catch(() => {});
    setStep(next);
    setMoved(true);
    if (key) setFocusKey(key);
    else window.scrollTo({ top: 0 });
  };
  const onSubmit = async () => {
    try {
      await auto.flush();
      await submit.mutateAsync();
    } catch {
      // after the error has rendered
      setTimeout(() => document.getElementById('dx-submit-error')?.focus(), 0);
    }
  };
  const status = useAutosaveStatus(auto, 'diagnosis.take');

  return (
    <>
      <AnswerProgress answered={progress.answered} total={progress.total} />
      <StepIndicator
        steps={[...dims.map((dim) => say(dim.title, lang)), t('diagnosis.take.submitStep')]}
        current={step}
      />
      {auto.saveError && <ErrorAlert error={auto.saveError} title={t('diagnosis.take.saveFailed')} />}
      {step < last ? (
        <Section
          key={step}
          id={`dx-step-${dims[step].key}`}
          title={t('diagnosis.take.stepTitle', {
            n: step + 1,
            total: last,
            title: say(dims[step].title, lang),
          })}
          focusOnMount={moved && !focusKey}
        >
          {dims[step].description && <p className="app-lead">{say(dims[step].description, lang)}</p>}
          <p className="app-muted">{t('diagnosis.take.requiredNote')}</p>
          <div className="dx-questions">
            {dims[step].questions.map((q, i) => (
              <QuestionInput
                key={q.key}
                question={q}
                number={firstNumber + i}
                value={auto.values[q.key]}
                onChange={(v) => auto.change(q.key, v)}
              />
            ))}
          </div>
        </Section>
      ) : (
        <Section
          key="submit"
          id="dx-step-submit"
          title={t('diagnosis.take.submitTitle')}
          focusOnMount={moved}
        >
          <div id="dx-submit-error" tabIndex={-1}>
            {submit.error && <ErrorAlert error={submit.error} title={t('diagnosis.take.submitFailed')} />}
          </div>
          {progress.missing.length > 0 ? (
            <Alert
              tone="warning"
              live={false}
              title={t('diagnosis.take.missingTitle', { n: progress.missing.length })}
            >
              <ul className="app-list dx-missing">
                {progress.missing.map((m) => (
                  <li key={m.key}>
                    <a
                      href={`#${questionId(m.key)}`}
                      className="app-link"
                      onClick={(e) => {
                        e.preventDefault();
                        goTo(m.step, m.key);
                      }}
                    >
                      {say(dims[m.step].title, lang)} · {say(m.text, lang)}
                    </a>
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
            <p>{t('diagnosis.take.readyBody')}</p>
          )}
          <p className="app-muted">{t('diagnosis.take.submitNote')}</p>
          <button
            type="button"
            className="krds-btn large primary"
            onClick={onSubmit}
            disabled={submit.isPending}
          >
            {submit.isPending ? t('common.working') : t('diagnosis.take.submit')}
          </button>
        </Section>
      )}
      <div className="app-savebar dx-savebar">
        <LiveStatus className="dx-savebar__status">{status}</LiveStatus>
        <div className="dx-savebar__nav">
          {step > 0 && (
            <button type="button" className="krds-btn large secondary" onClick={() => goTo(step - 1)}>
              {t('diagnosis.take.prev')}
            </button>
          )}
          {step < last && (
            <button type="button" className="krds-btn large primary" onClick={() => goTo(step + 1)}>
              {step === last - 1 ? t('diagnosis.take.toSubmit') : t('diagnosis.take.next')}
            </button>
          )}
        </div>
      </div>
    </>
  );
}
