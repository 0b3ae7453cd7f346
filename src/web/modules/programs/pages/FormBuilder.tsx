import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FORM_FIELD_TYPES,
  type FormField,
  type FormFieldType,
} from '../../../../server/modules/programs/form-contract';
import { FormSection, SelectField, TextField } from '../../../components/Field';
import { currentLang } from '../../../i18n';
import { FormFieldInput } from '../../applications/pages/FormFieldInput';
import { type EField, type ESection, freshKey, move, uid, useErr } from './editor-model';
import { FieldEditor, newField } from './FieldEditor';
import { ReorderButtons } from './ReorderButtons';

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** 신청서 양식 builder: sections of fields, each editable, reorderable by buttons, with a live preview. */
export function FormBuilder({
  sections,
  onChange,
}: {
  sections: ESection[];
  onChange: (s: ESection[]) => void;
}) {
  const { t } = useTranslation();
  const err = useErr();
  const allKeys = sections.flatMap((s) => s.fields.map((f) => f.key));
  const setSection = (i: number, s: ESection) => onChange(sections.map((x, j) => (j === i ? s : x)));
  const addSection = () => {
    const s: ESection = {
      uid: uid(),
      key: freshKey(
        'section',
        sections.map((x) => x.key),
      ),
      title: { ko: '', en: '' },
      fields: [],
    };
    onChange([...sections, s]);
    focusSoon(`se-${s.uid}-title-ko`);
  };
  return (
    <div className="ce-builder">
      <div className="ce-builder__edit">
        {err('form') && (
          <p className="form-hint-invalid" role="alert">
            {err('form')?.message}
          </p>
        )}
        <ol className="ce-list">
          {sections.map((s, si) => (
            <SectionEditor
              key={s.uid}
              section={s}
              index={si}
              count={sections.length}
              allKeys={allKeys}
              onChange={(next) => setSection(si, next)}
              onMove={(d) => onChange(move(sections, si, d))}
              onRemove={() => onChange(sections.filter((x) => x.uid !== s.uid))}
            />
          ))}
        </ol>
        <button type="button" className="krds-btn medium secondary" onClick={addSection}>
          {t('callEditor.form.addSection')}
        </button>
      </div>
      <FormPreview sections={sections} />
    </div>
  );
}

function SectionEditor({
  section,
  index,
  count,
  allKeys,
  onChange,
  onMove,
  onRemove,
}: {
  section: ESection;
  index: number;
  count: number;
  allKeys: string[];
  onChange: (s: ESection) => void;
  onMove: (d: -1 | 1) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const err = useErr();
  const [type, setType] = useState<FormFieldType>('shortText');
  const id = `se-${section.uid}`;
  const path = `form.${index}`;
  const name = section.title.ko || t('callEditor.form.untitledSection', { n: index + 1 });
  const fields = section.fields;
  const setFields = (next: EField[]) => onChange({ ...section, fields: next });
  const addField = () => {
    const f = newField(type, allKeys);
    setFields([...fields, f]);
    focusSoon(`fe-${f.uid}-label-ko`);
  };
  return (
    <li className="ce-section" aria-labelledby={`${id}-h`}>
      <div className="ce-item__head">
        <h3 className="app-h3" id={`${id}-h`}>
          {t('callEditor.form.sectionHeading', { n: index + 1, name })}
        </h3>
        <ReorderButtons
          id={id}
          name={name}
          index={index}
          count={count}
          onMove={onMove}
          onRemove={onRemove}
          removeDisabled={count <= 1}
        />
      </div>
      <div className="app-grid-3">
        <TextField
          id={`${id}-title-ko`}
          label={t('callEditor.form.titleKo')}
          required
          value={section.title.ko}
          error={err(`${path}.title.ko`)}
          onChange={(e) => onChange({ ...section, title: { ...section.title, ko: e.target.value } })}
        />
        <TextField
          id={`${id}-title-en`}
          label={t('callEditor.form.titleEn')}
          lang="en"
          value={section.title.en}
          error={err(`${path}.title.en`)}
          onChange={(e) => onChange({ ...section, title: { ...section.title, en: e.target.value } })}
        />
        <TextField
          id={`${id}-key`}
          label={t('callEditor.form.sectionKey')}
          hint={t('callEditor.keyHint')}
          required
          autoComplete="off"
          spellCheck={false}
          value={section.key}
          error={err(`${path}.key`)}
          onChange={(e) => onChange({ ...section, key: e.target.value.trim() })}
        />
      </div>
      {fields.length === 0 && <p className="app-muted">{t('callEditor.form.noFields')}</p>}
      {err(`${path}.fields`) && (
        <p className="form-hint-invalid" role="alert">
          {err(`${path}.fields`)?.message}
        </p>
      )}
      <ol className="ce-list">
        {fields.map((f, fi) => (
          <FieldEditor
            key={f.uid}
            field={f}
            path={`${path}.fields.${fi}`}
            index={fi}
            count={fields.length}
            takenKeys={allKeys}
            onChange={(next) => setFields(fields.map((x) => (x.uid === f.uid ? next : x)))}
            onMove={(d) => setFields(move(fields, fi, d))}
            onRemove={() => setFields(fields.filter((x) => x.uid !== f.uid))}
          />
        ))}
      </ol>
      <div className="app-inline-form ce-add">
        <SelectField
          id={`${id}-newtype`}
          label={t('callEditor.form.newFieldType', { name })}
          value={type}
          onChange={(e) => setType(e.target.value as FormFieldType)}
          options={FORM_FIELD_TYPES.map((v) => ({ value: v, label: t(`staffCalls.fieldType.${v}`) }))}
        />
        <button type="button" className="krds-btn medium primary" onClick={addField}>
          {t('callEditor.form.addField')}
        </button>
      </div>
    </li>
  );
}

type Value = string | number | string[] | null | undefined;

/** The form as applicants will see it, drawn by the applicant's own renderer (answers here are not saved). */
function FormPreview({ sections }: { sections: ESection[] }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [values, setValues] = useState<Record<string, Value>>({});
  const sample = t('callEditor.preview.prefill');
  const asShown = (f: EField, n: number): FormField => ({
    ...f,
    // ids must be unique and valid while keys are being typed
    key: `pv_${f.uid}`,
    label: { ko: f.label.ko || t('callEditor.field.untitled', { n }), en: f.label.en },
    options: f.options?.map((o, i) => ({
      value: `o${o.uid}`,
      ko: o.ko || t('callEditor.field.optionN', { n: i + 1 }),
      en: o.en,
    })),
  });
  return (
    <section className="ce-preview" aria-labelledby="ce-preview-h">
      <h3 className="app-h3" id="ce-preview-h">
        {t('callEditor.preview.title')}
      </h3>
      <p className="app-muted">{t('callEditor.preview.lead')}</p>
      {sections.map((s, si) => (
        <FormSection
          key={s.uid}
          title={
            (lang === 'en' && s.title.en) || s.title.ko || t('callEditor.form.untitledSection', { n: si + 1 })
          }
        >
          {s.fields.length === 0 && <p className="app-muted">{t('callEditor.form.noFields')}</p>}
          {s.fields.map((f, fi) => (
            <FormFieldInput
              key={f.uid}
              field={asShown(f, fi + 1)}
              value={values[f.uid]}
              prefill={
                f.type === 'companyField' && !['brn', 'district', 'ksicCode'].includes(f.companyField ?? '')
                  ? sample
                  : undefined
              }
              onChange={(v) => setValues((old) => ({ ...old, [f.uid]: v }))}
              files={[]}
              appId=""
              onUpload={() => {}}
              onRemove={() => {}}
            />
          ))}
        </FormSection>
      ))}
    </section>
  );
}
