import { type Dispatch, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../../../components/Page';
import { useFieldErrorText } from '../../../../lib/use-field-error';
import { EditingContext, errorAt, FieldAt, focusLater, LangFields, SoftButton } from './controls';
import { DimensionEditor, type DimensionMode } from './DimensionEditor';
import { type Action, type FieldErrors, type FormContent, newDimension, newStage } from './form-model';

/** The fields of a draft version: title, stages with thresholds, and the dimensions with their questions. */
export function InstrumentForm({
  form,
  dispatch,
  errors,
  modes,
  setMode,
  getForm,
}: {
  form: FormContent;
  dispatch: Dispatch<Action>;
  errors: FieldErrors;
  modes: Record<string, DimensionMode>;
  setMode: (uid: string, mode: DimensionMode) => void;
  getForm: () => FormContent;
}) {
  const { t } = useTranslation();
  const errorText = useFieldErrorText();
  const editing = useMemo(() => ({ dispatch, errors }), [dispatch, errors]);
  return (
    <EditingContext value={editing}>
      <Section title={t('diagnosisAdmin.basic')} id="dxa-basic">
        <div className="app-stack">
          <LangFields label={t('diagnosisAdmin.title')} value={form.title} path={['title']} required />
          <LangFields
            label={t('diagnosisAdmin.description')}
            value={form.description}
            path={['description']}
            multiline
            hint={t('diagnosisAdmin.optionalHint')}
          />
        </div>
      </Section>

      <Section title={t('diagnosisAdmin.stages.title')} id="dxa-stages">
        <p id="dxa-stages-lead" tabIndex={-1}>
          {t('diagnosisAdmin.stages.lead')}
        </p>
        <ol className="dxa-stages">
          {form.stages.map((s, i) => {
            const stageError = errorText(errorAt(errors, ['stages', i]));
            const name = t('diagnosisAdmin.stages.name', { n: i + 1 });
            return (
              <li key={s.uid}>
                <fieldset
                  className="app-form-section dxa-card dxa-card--stage"
                  aria-labelledby={`s-${s.uid}-title`}
                >
                  <p className="app-h4" id={`s-${s.uid}-title`}>
                    {name}
                  </p>
                  <div className="dxa-stage-row">
                    <FieldAt
                      id={`s-${s.uid}-min`}
                      label={t('diagnosisAdmin.stages.min')}
                      required
                      inputMode="decimal"
                      hint={i === 0 ? t('diagnosisAdmin.stages.firstHint') : undefined}
                      value={s.min}
                      readOnly={i === 0}
                      path={['stages', i]}
                      field="min"
                    />
                    <LangFields
                      label={t('diagnosisAdmin.stages.label', { name })}
                      value={s.label}
                      path={['stages', i, 'label']}
                      required
                    />
                  </div>
                  {stageError && (
                    <p className="form-hint-invalid" role="alert">
                      {stageError}
                    </p>
                  )}
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="dxa-toggles">
          <SoftButton
            className="krds-btn small secondary"
            enabled={form.stages.length < 10}
            onClick={() => {
              const s = newStage(form);
              dispatch({ type: 'insert', path: ['stages'], item: s });
              focusLater(`s-${s.uid}-min`);
            }}
          >
            {t('diagnosisAdmin.stages.add')}
          </SoftButton>
          <SoftButton
            className="krds-btn small tertiary dxa-danger-text"
            enabled={form.stages.length > 2}
            onClick={() => {
              dispatch({ type: 'remove', path: ['stages'], index: form.stages.length - 1 });
              focusLater('dxa-stages-lead');
            }}
          >
            {t('diagnosisAdmin.stages.removeLast')}
          </SoftButton>
        </div>
      </Section>

      <Section title={t('diagnosisAdmin.dimension.sectionTitle')} id="dxa-dimensions">
        <p id="dxa-dimensions-lead" tabIndex={-1}>
          {t('diagnosisAdmin.dimension.lead')}
        </p>
        <div className="app-stack">
          {form.dimensions.map((d, i) => (
            <DimensionEditor
              key={d.uid}
              d={d}
              index={i}
              count={form.dimensions.length}
              mode={modes[d.uid] ?? 'closed'}
              onMode={setMode}
              getForm={getForm}
            />
          ))}
        </div>
        <div className="dxa-toggles">
          <SoftButton
            className="krds-btn medium secondary"
            enabled={form.dimensions.length < 12}
            onClick={() => {
              const d = newDimension(form);
              dispatch({ type: 'insert', path: ['dimensions'], item: d });
              setMode(d.uid, 'edit');
              focusLater(`d-${d.uid}-key`);
            }}
          >
            {t('diagnosisAdmin.dimension.add')}
          </SoftButton>
        </div>
      </Section>
    </EditingContext>
  );
}
