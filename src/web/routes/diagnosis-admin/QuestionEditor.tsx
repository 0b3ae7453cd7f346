import { type Dispatch, memo } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES } from '../../../server/modules/diagnosis/instrument-contract';
import { Check, SelectField, TextField } from '../../components/Field';
import { useFieldErrorText } from '../../lib/use-field-error';
import { errorAt, focusLater, ItemButtons, LangFields } from './controls';
import {
  type Action,
  type FieldErrors,
  type FormOption,
  type FormQuestion,
  newOption,
  type Path,
} from './form-model';

const MAX_OPTIONS = { single: 12, multi: 20 } as const;

/** One question of a draft: key, type, wording, and the type's own settings (options, scale labels). */
export const QuestionEditor = memo(function QuestionEditor({
  q,
  index,
  count,
  path,
  dispatch,
  errors,
  dimensionTitle,
}: {
  q: FormQuestion;
  index: number;
  count: number;
  path: Path;
  dispatch: Dispatch<Action>;
  errors: FieldErrors;
  dimensionTitle: string;
}) {
  const { t } = useTranslation();
  const headingId = `q-${q.uid}-title`;
  const name = t('diagnosisAdmin.question.name', { n: index + 1 });
  const set = (field: string, value: unknown) => dispatch({ type: 'set', path: [...path, field], value });
  const listPath = path.slice(0, -1);
  return (
    <fieldset className="dxa-card dxa-card--question" aria-labelledby={headingId}>
      <div className="dxa-card__head">
        <h4 className="app-h4" id={headingId} tabIndex={-1}>
          <span className="sr-only">{dimensionTitle} </span>
          {name}
          {q.text.ko && <span className="dxa-card__sub"> · {q.text.ko}</span>}
        </h4>
        <ItemButtons
          name={`${dimensionTitle} ${name}`}
          index={index}
          count={count}
          canRemove={count > 1}
          onMove={(to) => {
            dispatch({ type: 'move', path: listPath, from: index, to });
            focusLater(headingId);
          }}
          onRemove={() => {
            dispatch({ type: 'remove', path: listPath, index });
            focusLater(`${listPath.join('-')}-title`);
          }}
        />
      </div>
      <div className="app-grid-3">
        <TextField
          id={`q-${q.uid}-key`}
          label={t('diagnosisAdmin.question.key')}
          required
          hint={t('diagnosisAdmin.keyHint')}
          value={q.key}
          error={errorAt(errors, path, 'key')}
          onChange={(e) => set('key', e.target.value)}
        />
        <SelectField
          label={t('diagnosisAdmin.question.type')}
          required
          value={q.type}
          options={QUESTION_TYPES.map((v) => ({ value: v, label: t(`diagnosisAdmin.types.${v}`) }))}
          error={errorAt(errors, path, 'type')}
          onChange={(e) => {
            const type = e.target.value;
            set('type', type);
            // choice types need at least two options: start them with blank ones worth 0 and 1 points
            if ((type === 'single' || type === 'multi') && q.options.length < 2) {
              const options = [...q.options];
              while (options.length < 2) options.push(newOption(options, options.length));
              set('options', options);
            }
          }}
        />
        <TextField
          label={t('diagnosisAdmin.weight')}
          required
          inputMode="decimal"
          hint={t('diagnosisAdmin.question.weightHint')}
          value={q.weight}
          error={errorAt(errors, path, 'weight')}
          onChange={(e) => set('weight', e.target.value)}
        />
      </div>
      <Check
        label={t('diagnosisAdmin.question.required')}
        checked={q.required}
        onChange={(e) => set('required', e.target.checked)}
      />
      <LangFields
        label={t('diagnosisAdmin.question.text')}
        value={q.text}
        path={[...path, 'text']}
        dispatch={dispatch}
        errors={errors}
        required
        multiline
      />
      <LangFields
        label={t('diagnosisAdmin.question.help')}
        value={q.help}
        path={[...path, 'help']}
        dispatch={dispatch}
        errors={errors}
        multiline
        hint={t('diagnosisAdmin.optionalHint')}
      />
      <TypeSettings
        q={q}
        path={path}
        dispatch={dispatch}
        errors={errors}
        name={`${dimensionTitle} ${name}`}
      />
    </fieldset>
  );
});

function TypeSettings({
  q,
  path,
  dispatch,
  errors,
  name,
}: {
  q: FormQuestion;
  path: Path;
  dispatch: Dispatch<Action>;
  errors: FieldErrors;
  name: string;
}) {
  const { t } = useTranslation();
  const errorText = useFieldErrorText();
  if (q.type === 'yesPartlyNo' || q.type === 'status')
    return <p className="dxa-note">{t(`diagnosisAdmin.typeNotes.${q.type}`)}</p>;
  if (q.type === 'scale')
    return (
      <>
        <p className="dxa-note">{t('diagnosisAdmin.typeNotes.scale')}</p>
        <LangFields
          label={t('diagnosisAdmin.question.minLabel')}
          value={q.minLabel}
          path={[...path, 'minLabel']}
          dispatch={dispatch}
          errors={errors}
          hint={t('diagnosisAdmin.optionalHint')}
        />
        <LangFields
          label={t('diagnosisAdmin.question.maxLabel')}
          value={q.maxLabel}
          path={[...path, 'maxLabel']}
          dispatch={dispatch}
          errors={errors}
          hint={t('diagnosisAdmin.optionalHint')}
        />
      </>
    );
  const optionsPath = [...path, 'options'];
  const listError = errorText(errorAt(errors, optionsPath));
  const legendId = `q-${q.uid}-options`;
  const max = MAX_OPTIONS[q.type];
  return (
    <fieldset className="dxa-options" aria-labelledby={legendId}>
      <div className="dxa-card__head">
        <p className="app-h4" id={legendId} tabIndex={-1}>
          <span className="sr-only">{name} </span>
          {t('diagnosisAdmin.option.title')}
        </p>
      </div>
      <p className="dxa-note">{t(`diagnosisAdmin.typeNotes.${q.type}`)}</p>
      {q.type === 'multi' && (
        <Check
          label={t('diagnosisAdmin.question.allowPlanned')}
          checked={q.allowPlanned}
          onChange={(e) =>
            dispatch({ type: 'set', path: [...path, 'allowPlanned'], value: e.target.checked })
          }
        />
      )}
      <ol className="dxa-option-list">
        {q.options.map((o, oi) => (
          <OptionRow
            key={o.uid}
            o={o}
            index={oi}
            count={q.options.length}
            multi={q.type === 'multi'}
            path={[...optionsPath, oi]}
            dispatch={dispatch}
            errors={errors}
            focusAfterRemove={legendId}
            questionName={name}
          />
        ))}
      </ol>
      {listError && (
        <p className="form-hint-invalid" role="alert">
          {listError}
        </p>
      )}
      <div>
        <button
          type="button"
          className="krds-btn small secondary"
          aria-disabled={q.options.length >= max || undefined}
          onClick={() => {
            if (q.options.length >= max) return;
            const o = newOption(q.options);
            dispatch({ type: 'insert', path: optionsPath, item: o });
            focusLater(`o-${o.uid}-ko`);
          }}
        >
          <span className="sr-only">{name} </span>
          {t('diagnosisAdmin.option.add')}
        </button>
      </div>
    </fieldset>
  );
}

function OptionRow({
  o,
  index,
  count,
  multi,
  path,
  dispatch,
  errors,
  focusAfterRemove,
  questionName,
}: {
  o: FormOption;
  index: number;
  count: number;
  multi: boolean;
  path: Path;
  dispatch: Dispatch<Action>;
  errors: FieldErrors;
  focusAfterRemove: string;
  questionName: string;
}) {
  const { t } = useTranslation();
  const name = t('diagnosisAdmin.option.name', { question: questionName, n: index + 1 });
  const set = (field: string, value: unknown) => dispatch({ type: 'set', path: [...path, field], value });
  const listPath = path.slice(0, -1);
  const rowId = `o-${o.uid}`;
  return (
    <li className="dxa-option">
      <div className="dxa-card__head">
        <p className="dxa-option__name" id={`${rowId}-name`} tabIndex={-1}>
          {t('diagnosisAdmin.option.short', { n: index + 1 })}
        </p>
        <ItemButtons
          name={name}
          index={index}
          count={count}
          canRemove={count > 2}
          onMove={(to) => {
            dispatch({ type: 'move', path: listPath, from: index, to });
            focusLater(`${rowId}-name`);
          }}
          onRemove={() => {
            dispatch({ type: 'remove', path: listPath, index });
            focusLater(focusAfterRemove);
          }}
        />
      </div>
      <LangFields
        label={t('diagnosisAdmin.option.label')}
        value={o.label}
        path={[...path, 'label']}
        dispatch={dispatch}
        errors={errors}
        required
        idBase={rowId}
      />
      <div className="dxa-option__facts">
        <TextField
          label={t('diagnosisAdmin.option.points')}
          required
          inputMode="decimal"
          value={o.points}
          error={errorAt(errors, path, 'points')}
          onChange={(e) => set('points', e.target.value)}
        />
        <TextField
          label={t('diagnosisAdmin.option.value')}
          required
          hint={t('diagnosisAdmin.option.valueHint')}
          value={o.value}
          error={errorAt(errors, path, 'value')}
          onChange={(e) => set('value', e.target.value)}
        />
        {multi && (
          <Check
            label={t('diagnosisAdmin.option.exclusive')}
            checked={o.exclusive}
            onChange={(e) => set('exclusive', e.target.checked)}
          />
        )}
      </div>
    </li>
  );
}
