import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AddItem, ItemHead, KeyField, LangFields, useEditing, WeightField } from './controls';
import {
  countErrorsUnder,
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
  mode,
  onMode,
  getForm,
}: {
  d: FormDimension;
  index: number;
  count: number;
  mode: DimensionMode;
  onMode: (uid: string, mode: DimensionMode) => void;
  /** the whole form, read when adding a question (for a key not yet taken) */
  getForm: () => FormContent;
}) {
  const { t } = useTranslation();
  const { errors } = useEditing();
  const path: Path = ['dimensions', index];
  const headingId = `d-${d.uid}-title`;
  const questionsId = `d-${d.uid}-questions`;
  const questionsPath = [...path, 'questions'];
  const name = t('diagnosisAdmin.dimension.name', { n: index + 1 });
  const title = d.title.ko || name;
  const fieldErrors = countErrorsUnder(errors, path);
  const preview = useMemo(
    () => (mode === 'preview' ? toContent({ ...getForm(), dimensions: [d] }).dimensions[0] : null),
    [mode, d, getForm],
  );
  return (
    <fieldset className="app-form-section dxa-card" aria-labelledby={headingId}>
      <ItemHead
        name={name}
        listPath={['dimensions']}
        index={index}
        count={count}
        minCount={1}
        focusAfterMove={headingId}
        focusAfterRemove="dxa-dimensions-lead"
      >
        <h3 className="app-h3" id={headingId} tabIndex={-1}>
          {t('diagnosisAdmin.dimension.heading', { n: index + 1, title: d.title.ko })}
        </h3>
      </ItemHead>
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
        <div id={questionsId} className="app-stack dxa-questions">
          <div className="app-grid-2">
            <KeyField
              id={`d-${d.uid}-key`}
              label={t('diagnosisAdmin.dimension.key')}
              value={d.key}
              path={path}
            />
            <WeightField hint={t('diagnosisAdmin.dimension.weightHint')} value={d.weight} path={path} />
          </div>
          <LangFields
            label={t('diagnosisAdmin.dimension.title')}
            value={d.title}
            path={[...path, 'title']}
            required
            idBase={`d-${d.uid}-title-field`}
          />
          <LangFields
            label={t('diagnosisAdmin.dimension.description')}
            value={d.description}
            path={[...path, 'description']}
            multiline
            hint={t('diagnosisAdmin.optionalHint')}
          />
          <LangFields
            label={t('diagnosisAdmin.dimension.advice')}
            value={d.advice}
            path={[...path, 'advice']}
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
              dimensionTitle={title}
            />
          ))}
          <AddItem
            listPath={questionsPath}
            count={d.questions.length}
            max={20}
            name={title}
            label={t('diagnosisAdmin.question.add')}
            create={() => {
              const q = newQuestion(getForm());
              return { item: q, focus: `q-${q.uid}-key` };
            }}
          />
        </div>
      )}
    </fieldset>
  );
});
