import { type Dispatch, memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/Field';
import { useFieldErrorText } from '../../lib/use-field-error';
import { errorAt, focusLater, ItemButtons, LangFields } from './controls';
import {
  type Action,
  countErrorsUnder,
  type FieldErrors,
  type FormContent,
  type FormDimension,
  newQuestion,
  type Path,
  toContent,
} from './form-model';
import { DimensionPreview } from './InstrumentView';
import { QuestionEditor } from './QuestionEditor';

export type DimensionMode = 'closed' | 'edit' | 'preview';

/** One dimension (영역) of a draft: its fields, and its questions (edit or preview) on demand. */
export const DimensionEditor = memo(function DimensionEditor({
  d,
  index,
  count,
  dispatch,
  errors,
  mode,
  onMode,
  getForm,
}: {
  d: FormDimension;
  index: number;
  count: number;
  dispatch: Dispatch<Action>;
  errors: FieldErrors;
  mode: DimensionMode;
  onMode: (uid: string, mode: DimensionMode) => void;
  /** the whole form, read when adding a question (for a key not yet taken) */
  getForm: () => FormContent;
}) {
  const { t } = useTranslation();
  const errorText = useFieldErrorText();
  const path: Path = ['dimensions', index];
  const headingId = `d-${d.uid}-title`;
  const questionsId = `d-${d.uid}-questions`;
  const questionsPath = [...path, 'questions'];
  const name = t('diagnosisAdmin.dimension.name', { n: index + 1 });
  const title = d.title.ko || name;
  const set = (field: string, value: unknown) => dispatch({ type: 'set', path: [...path, field], value });
  const fieldErrors = countErrorsUnder(errors, path);
  const preview = useMemo(
    () => (mode === 'preview' ? toContent({ ...getForm(), dimensions: [d] }).dimensions[0] : null),
    [mode, d, getForm],
  );
  const listError = errorText(errorAt(errors, questionsPath));
  return (
    <fieldset className="dxa-card" aria-labelledby={headingId}>
      <div className="dxa-card__head">
        <h3 className="app-h3" id={headingId} tabIndex={-1}>
          {t('diagnosisAdmin.dimension.heading', { n: index + 1, title: d.title.ko })}
        </h3>
        <ItemButtons
          name={name}
          index={index}
          count={count}
          canRemove={count > 1}
          onMove={(to) => {
            dispatch({ type: 'move', path: ['dimensions'], from: index, to });
            focusLater(headingId);
          }}
          onRemove={() => {
            dispatch({ type: 'remove', path: ['dimensions'], index });
            focusLater('dxa-dimensions-lead');
          }}
        />
      </div>
      <p className="app-muted">
        {t('diagnosisAdmin.dimension.summary', { key: d.key, weight: d.weight, n: d.questions.length })}
      </p>
      <div className="dxa-toggles">
        <button
          type="button"
          className="krds-btn small secondary"
          aria-expanded={mode === 'edit'}
          aria-controls={mode === 'edit' ? questionsId : undefined}
          onClick={() => onMode(d.uid, mode === 'edit' ? 'closed' : 'edit')}
        >
          <span className="sr-only">{title} </span>
          {t(mode === 'edit' ? 'diagnosisAdmin.dimension.collapse' : 'diagnosisAdmin.dimension.edit')}
        </button>
        <button
          type="button"
          className="krds-btn small tertiary"
          aria-pressed={mode === 'preview'}
          onClick={() => onMode(d.uid, mode === 'preview' ? 'closed' : 'preview')}
        >
          <span className="sr-only">{title} </span>
          {t('diagnosisAdmin.dimension.preview')}
        </button>
        {fieldErrors > 0 && (
          <span className="dxa-error-count">
            {t('diagnosisAdmin.dimension.errors', { count: fieldErrors })}
          </span>
        )}
      </div>
      {mode === 'preview' && preview && (
        <section className="dxa-preview-box" aria-label={t('diagnosisAdmin.dimension.previewOf', { title })}>
          <DimensionPreview d={preview} />
        </section>
      )}
      {mode === 'edit' && (
        <div id={questionsId} className="dxa-questions">
          <div className="app-grid-2">
            <TextField
              id={`d-${d.uid}-key`}
              label={t('diagnosisAdmin.dimension.key')}
              required
              hint={t('diagnosisAdmin.keyHint')}
              value={d.key}
              error={errorAt(errors, path, 'key')}
              onChange={(e) => set('key', e.target.value)}
            />
            <TextField
              label={t('diagnosisAdmin.weight')}
              required
              inputMode="decimal"
              hint={t('diagnosisAdmin.dimension.weightHint')}
              value={d.weight}
              error={errorAt(errors, path, 'weight')}
              onChange={(e) => set('weight', e.target.value)}
            />
          </div>
          <LangFields
            label={t('diagnosisAdmin.dimension.title')}
            value={d.title}
            path={[...path, 'title']}
            dispatch={dispatch}
            errors={errors}
            required
            idBase={`d-${d.uid}-title-field`}
          />
          <LangFields
            label={t('diagnosisAdmin.dimension.description')}
            value={d.description}
            path={[...path, 'description']}
            dispatch={dispatch}
            errors={errors}
            multiline
            hint={t('diagnosisAdmin.optionalHint')}
          />
          <LangFields
            label={t('diagnosisAdmin.dimension.advice')}
            value={d.advice}
            path={[...path, 'advice']}
            dispatch={dispatch}
            errors={errors}
            multiline
            hint={t('diagnosisAdmin.dimension.adviceHint')}
          />
          <p className="app-h4" id={`${questionsPath.join('-')}-title`} tabIndex={-1}>
            {t('diagnosisAdmin.dimension.questions', { title })}
          </p>
          {d.questions.map((q, qi) => (
            <QuestionEditor
              key={q.uid}
              q={q}
              index={qi}
              count={d.questions.length}
              path={[...questionsPath, qi]}
              dispatch={dispatch}
              errors={errors}
              dimensionTitle={title}
            />
          ))}
          {listError && (
            <p className="form-hint-invalid" role="alert">
              {listError}
            </p>
          )}
          <div>
            <button
              type="button"
              className="krds-btn small secondary"
              aria-disabled={d.questions.length >= 20 || undefined}
              onClick={() => {
                if (d.questions.length >= 20) return;
                const q = newQuestion(getForm());
                dispatch({ type: 'insert', path: questionsPath, item: q });
                focusLater(`q-${q.uid}-key`);
              }}
            >
              <span className="sr-only">{title} </span>
              {t('diagnosisAdmin.question.add')}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
});
