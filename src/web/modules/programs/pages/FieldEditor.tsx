import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPANY_FORM_FIELDS,
  FORM_FIELD_TYPES,
  type FormFieldType,
} from '../../../../server/modules/programs/form-contract';
import { Check, SelectField, TextField } from '../../../components/Field';
import i18n from '../../../i18n';
import { toList } from '../../../lib/form';
import {
  CHOICE_TYPES,
  type EField,
  type EOption,
  freshKey,
  move,
  TEXT_TYPES,
  uid,
  useErr,
} from './editor-model';
import { ReorderButtons } from './ReorderButtons';

type CompanyField = (typeof COMPANY_FORM_FIELDS)[number];

/** Both languages' names of a company-registry field, as the default question. */
export const companyFieldLabel = (f: CompanyField) => ({
  ko: i18n.getFixedT('ko')(`companyFields.${f}`),
  en: i18n.getFixedT('en')(`companyFields.${f}`),
});

const newOption = (taken: EOption[]): EOption => ({
  uid: uid(),
  value: freshKey(
    'opt',
    taken.map((o) => o.value),
  ),
  ko: '',
  en: '',
});

/** A new field of the given type, with a key unique in the form. */
export function newField(type: FormFieldType, takenKeys: string[]): EField {
  const base: EField = {
    uid: uid(),
    key: freshKey('field', takenKeys),
    type,
    label: { ko: '', en: '' },
    required: false,
  };
  return retype(base, type, takenKeys);
}

/** Changes a field's type, dropping settings the new type does not use and adding the ones it needs. */
function retype(f: EField, type: FormFieldType, takenKeys: string[]): EField {
  const { options, companyField, maxLength, min, max, accept, maxSizeMb, ...rest } = f;
  const next: EField = { ...rest, type };
  if (TEXT_TYPES.includes(type)) next.maxLength = maxLength ?? (type === 'shortText' ? 100 : 2000);
  if (type === 'number') Object.assign(next, { min, max });
  if (CHOICE_TYPES.includes(type)) {
    const first = newOption([]);
    next.options = options?.length ? options : [first, newOption([first])];
  }
  if (type === 'file')
    Object.assign(next, {
      accept: accept ?? ['pdf', 'hwp', 'hwpx', 'jpg', 'png'],
      maxSizeMb: maxSizeMb ?? 20,
    });
  if (type === 'companyField') {
    next.companyField = companyField ?? 'name';
    if (!next.label.ko) next.label = companyFieldLabel(next.companyField);
    if (!takenKeys.includes(next.companyField)) next.key = next.companyField;
  }
  return next;
}

const intOrUndefined = (v: string) => (v.trim() === '' ? undefined : Number(v));

/** One form field's settings: type, key, question and help in both languages, required, limits, options. */
export function FieldEditor({
  field,
  path,
  index,
  count,
  takenKeys,
  onChange,
  onMove,
  onRemove,
}: {
  field: EField;
  /** error path prefix, e.g. form.0.fields.2 */
  path: string;
  index: number;
  count: number;
  takenKeys: string[];
  onChange: (f: EField) => void;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const err = useErr();
  const name = field.label.ko || t('callEditor.field.untitled', { n: index + 1 });
  const set = (patch: Partial<EField>) => onChange({ ...field, ...patch });
  const id = `fe-${field.uid}`;
  const options = field.options ?? [];
  const setOptions = (next: EOption[]) => set({ options: next });
  return (
    <li className="ce-item" aria-labelledby={`${id}-title`}>
      <div className="ce-item__head">
        <h4 className="app-h4" id={`${id}-title`}>
          {t('callEditor.field.heading', { n: index + 1, name })}
          <span className="app-muted"> · {t(`staffCalls.fieldType.${field.type}`)}</span>
        </h4>
        <ReorderButtons id={id} name={name} index={index} count={count} onMove={onMove} onRemove={onRemove} />
      </div>
      <div className="app-grid-2">
        <SelectField
          id={`${id}-type`}
          label={t('callEditor.field.type')}
          value={field.type}
          error={err(`${path}.type`)}
          onChange={(e) =>
            onChange(
              retype(
                field,
                e.target.value as FormFieldType,
                takenKeys.filter((k) => k !== field.key),
              ),
            )
          }
          options={FORM_FIELD_TYPES.map((v) => ({ value: v, label: t(`staffCalls.fieldType.${v}`) }))}
        />
        <TextField
          id={`${id}-key`}
          label={t('callEditor.field.key')}
          hint={t('callEditor.keyHint')}
          value={field.key}
          required
          autoComplete="off"
          spellCheck={false}
          error={err(`${path}.key`)}
          onChange={(e) => set({ key: e.target.value.trim() })}
        />
        {field.type === 'companyField' && (
          <SelectField
            id={`${id}-company`}
            label={t('callEditor.field.companyField')}
            hint={t('callEditor.field.companyFieldHint')}
            value={field.companyField ?? ''}
            error={err(`${path}.companyField`)}
            onChange={(e) => {
              const cf = e.target.value as CompanyField;
              const wasDefault =
                !field.companyField || field.label.ko === companyFieldLabel(field.companyField).ko;
              set({ companyField: cf, ...(wasDefault ? { label: companyFieldLabel(cf) } : {}) });
            }}
            options={COMPANY_FORM_FIELDS.map((v) => ({ value: v, label: t(`companyFields.${v}`) }))}
          />
        )}
        <TextField
          id={`${id}-label-ko`}
          label={t('callEditor.field.labelKo')}
          value={field.label.ko}
          required
          error={err(`${path}.label.ko`)}
          onChange={(e) => set({ label: { ...field.label, ko: e.target.value } })}
        />
        <TextField
          id={`${id}-label-en`}
          label={t('callEditor.field.labelEn')}
          lang="en"
          value={field.label.en}
          error={err(`${path}.label.en`)}
          onChange={(e) => set({ label: { ...field.label, en: e.target.value } })}
        />
        <TextField
          id={`${id}-help-ko`}
          label={t('callEditor.field.helpKo')}
          value={field.help?.ko ?? ''}
          error={err(`${path}.help.ko`)}
          onChange={(e) => set({ help: { ko: e.target.value, en: field.help?.en ?? '' } })}
        />
        <TextField
          id={`${id}-help-en`}
          label={t('callEditor.field.helpEn')}
          lang="en"
          value={field.help?.en ?? ''}
          error={err(`${path}.help.en`)}
          onChange={(e) => set({ help: { ko: field.help?.ko ?? '', en: e.target.value } })}
        />
        {TEXT_TYPES.includes(field.type) && (
          <TextField
            id={`${id}-max`}
            label={t('callEditor.field.maxLength')}
            type="number"
            min={1}
            inputMode="numeric"
            value={field.maxLength ?? ''}
            error={err(`${path}.maxLength`)}
            onChange={(e) => set({ maxLength: intOrUndefined(e.target.value) })}
          />
        )}
        {field.type === 'number' && (
          <>
            <TextField
              id={`${id}-min`}
              label={t('callEditor.field.min')}
              type="number"
              value={field.min ?? ''}
              error={err(`${path}.min`)}
              onChange={(e) => set({ min: intOrUndefined(e.target.value) })}
            />
            <TextField
              id={`${id}-maxv`}
              label={t('callEditor.field.max')}
              type="number"
              value={field.max ?? ''}
              error={err(`${path}.max`)}
              onChange={(e) => set({ max: intOrUndefined(e.target.value) })}
            />
          </>
        )}
        {field.type === 'file' && (
          <>
            <AcceptInput
              id={`${id}-accept`}
              value={field.accept ?? []}
              error={err(`${path}.accept`)}
              onChange={(accept) => set({ accept })}
            />
            <TextField
              id={`${id}-size`}
              label={t('callEditor.field.maxSizeMb')}
              type="number"
              min={1}
              max={100}
              value={field.maxSizeMb ?? ''}
              error={err(`${path}.maxSizeMb`)}
              onChange={(e) => set({ maxSizeMb: intOrUndefined(e.target.value) })}
            />
          </>
        )}
      </div>
      {field.type !== 'companyField' && (
        <Check
          id={`${id}-required`}
          label={t('callEditor.field.required')}
          checked={field.required}
          onChange={(e) => set({ required: e.target.checked })}
        />
      )}
      {CHOICE_TYPES.includes(field.type) && (
        <fieldset className="ce-options" aria-labelledby={`${id}-options`}>
          <p className="app-legend" id={`${id}-options`}>
            {t('callEditor.field.options', { name })}
          </p>
          {err(`${path}.options`) && (
            <p className="form-hint-invalid" role="alert">
              {err(`${path}.options`)?.message}
            </p>
          )}
          <ol className="ce-list">
            {options.map((o, oi) => (
              <li key={o.uid} className="ce-option">
                <div className="app-grid-3">
                  <TextField
                    id={`${id}-opt-${o.uid}-ko`}
                    label={t('callEditor.field.optionKo', { n: oi + 1 })}
                    value={o.ko}
                    required
                    error={err(`${path}.options.${oi}.ko`)}
                    onChange={(e) =>
                      setOptions(options.map((x) => (x.uid === o.uid ? { ...x, ko: e.target.value } : x)))
                    }
                  />
                  <TextField
                    id={`${id}-opt-${o.uid}-en`}
                    label={t('callEditor.field.optionEn', { n: oi + 1 })}
                    lang="en"
                    value={o.en}
                    error={err(`${path}.options.${oi}.en`)}
                    onChange={(e) =>
                      setOptions(options.map((x) => (x.uid === o.uid ? { ...x, en: e.target.value } : x)))
                    }
                  />
                  <TextField
                    id={`${id}-opt-${o.uid}-value`}
                    label={t('callEditor.field.optionValue', { n: oi + 1 })}
                    value={o.value}
                    autoComplete="off"
                    spellCheck={false}
                    error={err(`${path}.options.${oi}.value`)}
                    onChange={(e) =>
                      setOptions(
                        options.map((x) => (x.uid === o.uid ? { ...x, value: e.target.value.trim() } : x)),
                      )
                    }
                  />
                </div>
                <ReorderButtons
                  id={`${id}-opt-${o.uid}`}
                  name={o.ko || t('callEditor.field.optionN', { n: oi + 1 })}
                  index={oi}
                  count={options.length}
                  onMove={(d) => setOptions(move(options, oi, d))}
                  onRemove={() => setOptions(options.filter((x) => x.uid !== o.uid))}
                  removeDisabled={options.length <= 1}
                />
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="krds-btn small secondary"
            onClick={() => setOptions([...options, newOption(options)])}
          >
            {t('callEditor.field.addOption', { name })}
          </button>
        </fieldset>
      )}
    </li>
  );
}

/** Accepted file extensions as a comma list (kept as typed until it parses). */
function AcceptInput({
  id,
  value,
  error,
  onChange,
}: {
  id: string;
  value: string[];
  error?: { message?: string };
  onChange: (v: string[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(value.join(', '));
  return (
    <TextField
      id={id}
      label={t('callEditor.field.accept')}
      hint={t('callEditor.field.acceptHint')}
      value={text}
      error={error}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        onChange(toList(e.target.value.toLowerCase().replace(/\./g, '')) as string[]);
      }}
    />
  );
}
