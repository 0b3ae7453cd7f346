import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { QUESTION_TYPES } from '../../../../../server/modules/diagnosis/instrument-contract';
import { Check, SelectField } from '../../../../components/Field';
import {
  AddItem,
  errorAt,
  FieldAt,
  ItemHead,
  KeyField,
  LangFields,
  useEditing,
  WeightField,
} from './controls';
import { type FormOption, type FormQuestion, newOption, type Path } from './form-model';

const MAX_OPTIONS = { single: 12, multi: 20 } as const;

/** One question of a draft: key, type, wording, and the type's own settings (options, scale labels). */
export const QuestionEditor = memo(function QuestionEditor({
  q,
  index,
  count,
  path,
  dimensionTitle,
}: {
  q: FormQuestion;
  index: number;
  count: number;
  path: Path;
  dimensionTitle: string;
}) {
  const { t } = useTranslation();
  const { dispatch, errors } = useEditing();
  const headingId = `q-${q.uid}-title`;
  const name = t('diagnosisAdmin.question.name', { n: index + 1 });
  const set = (field: string, value: unknown) => dispatch({ type: 'set', path: [...path, field], value });
  return (
    <fieldset className="app-form-section dxa-card dxa-card--question" aria-labelledby={headingId}>
      <ItemHead
        name={`${dimensionTitle} ${name}`}
        listPath={path.slice(0, -1)}
        index={index}
        count={count}
        minCount={1}
        focusAfterMove={headingId}
        focusAfterRemove={`${path.slice(0, -1).join('-')}-title`}
      >
        <h4 className="app-h4" id={headingId} tabIndex={-1}>
          <span className="sr-only">{dimensionTitle} </span>
          {name}
          {q.text.ko && <span className="dxa-card__sub"> · {q.text.ko}</span>}
        </h4>
      </ItemHead>
      <div className="app-grid-3">
        <KeyField id={`q-${q.uid}-key`} label={t('diagnosisAdmin.question.key')} value={q.key} path={path} />
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
        <WeightField hint={t('diagnosisAdmin.question.weightHint')} value={q.weight} path={path} />
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
        required
        multiline
      />
      <LangFields
        label={t('diagnosisAdmin.question.help')}
        value={q.help}
        path={[...path, 'help']}
        multiline
        hint={t('diagnosisAdmin.optionalHint')}
      />
      <TypeSettings q={q} path={path} name={`${dimensionTitle} ${name}`} />
    </fieldset>
  );
});

function TypeSettings({ q, path, name }: { q: FormQuestion; path: Path; name: string }) {
  const { t } = useTranslation();
  const { dispatch } = useEditing();
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
          hint={t('diagnosisAdmin.optionalHint')}
        />
        <LangFields
          label={t('diagnosisAdmin.question.maxLabel')}
          value={q.maxLabel}
          path={[...path, 'maxLabel']}
          hint={t('diagnosisAdmin.optionalHint')}
        />
      </>
    );
  const optionsPath = [...path, 'options'];
  const legendId = `q-${q.uid}-options`;
  return (
    <fieldset className="app-fieldset dxa-options" aria-labelledby={legendId}>
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
            focusAfterRemove={legendId}
            questionName={name}
          />
        ))}
      </ol>
      <AddItem
        listPath={optionsPath}
        count={q.options.length}
        max={MAX_OPTIONS[q.type]}
        name={name}
        label={t('diagnosisAdmin.option.add')}
        create={() => {
          const o = newOption(q.options);
          return { item: o, focus: `o-${o.uid}-ko` };
        }}
      />
    </fieldset>
  );
}

function OptionRow({
  o,
  index,
  count,
  multi,
  path,
  focusAfterRemove,
  questionName,
}: {
  o: FormOption;
  index: number;
  count: number;
  multi: boolean;
  path: Path;
  focusAfterRemove: string;
  questionName: string;
}) {
  const { t } = useTranslation();
  const { dispatch } = useEditing();
  const name = t('diagnosisAdmin.option.name', { question: questionName, n: index + 1 });
  const rowId = `o-${o.uid}`;
  return (
    <li className="dxa-option">
      <ItemHead
        name={name}
        listPath={path.slice(0, -1)}
        index={index}
        count={count}
        minCount={2}
        focusAfterMove={`${rowId}-name`}
        focusAfterRemove={focusAfterRemove}
      >
        <p className="dxa-option__name" id={`${rowId}-name`} tabIndex={-1}>
          {t('diagnosisAdmin.option.short', { n: index + 1 })}
        </p>
      </ItemHead>
      <LangFields
        label={t('diagnosisAdmin.option.label')}
        value={o.label}
        path={[...path, 'label']}
        required
        idBase={rowId}
      />
      <div className="dxa-option__facts">
        <FieldAt
          label={t('diagnosisAdmin.option.points')}
          required
          inputMode="decimal"
          value={o.points}
          path={path}
          field="points"
        />
        <FieldAt
          label={t('diagnosisAdmin.option.value')}
          required
          hint={t('diagnosisAdmin.option.valueHint')}
          value={o.value}
          path={path}
          field="value"
        />
        {multi && (
          <Check
            label={t('diagnosisAdmin.option.exclusive')}
            checked={o.exclusive}
            onChange={(e) => dispatch({ type: 'set', path: [...path, 'exclusive'], value: e.target.checked })}
          />
        )}
      </div>
    </li>
  );
}
