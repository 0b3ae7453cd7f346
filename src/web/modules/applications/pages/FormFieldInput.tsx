import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../../server/modules/programs/form-contract';
import { Check, ChoiceGroup, TextAreaField, TextField } from '../../../components/Field';
import { currentLang } from '../../../i18n';
import type { ApplicationFile } from '../api/applications';
import { FileLink, pick, prefillText } from './answer-view';

type Value = string | number | string[] | null | undefined;

/** One form field of an application, by type. */
export function FormFieldInput({
  field,
  value,
  prefill,
  error,
  onChange,
  files,
  appId,
  onUpload,
  onRemove,
  busy,
}: {
  field: FormField;
  value: Value;
  prefill?: string | number | null;
  error?: string;
  onChange: (v: Value) => void;
  files: ApplicationFile[];
  appId: string;
  onUpload: (file: File) => void;
  onRemove: (fileId: string) => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const label = pick(field.label, lang);
  const help = field.help ? pick(field.help, lang) : '';
  const err = error ? { message: error } : undefined;
  const common = { label, required: field.required, error: err, name: field.key, id: `field-${field.key}` };
  switch (field.type) {
    case 'shortText':
      return (
        <TextField
          {...common}
          hint={help || undefined}
          value={String(value ?? '')}
          maxLength={field.maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    case 'longText': {
      const text = String(value ?? '');
      return (
        <TextAreaField
          {...common}
          rows={6}
          hint={
            <>
              {help && <span>{help} </span>}
              <span>
                {field.maxLength
                  ? t('applications.charCountMax', { n: text.length, max: field.maxLength })
                  : t('applications.charCount', { n: text.length })}
              </span>
            </>
          }
          value={text}
          maxLength={field.maxLength}
          onChange={(e) => onChange(e.target.value)}
        />
      );
    }
    case 'number':
      return (
        <TextField
          {...common}
          hint={help || undefined}
          type="number"
          min={field.min}
          max={field.max}
          value={value === null || value === undefined ? '' : String(value)}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      );
    case 'money': {
      const n = typeof value === 'number' ? value : null;
      return (
        <TextField
          {...common}
          hint={[help, t('applications.moneyHint')].filter(Boolean).join(' ')}
          inputMode="numeric"
          autoComplete="off"
          value={n === null ? '' : n.toLocaleString('ko-KR')}
          onChange={(e) => {
            const digits = e.target.value.replace(/[^0-9]/g, '');
            onChange(digits ? Number(digits) : null);
          }}
          after={<span className="sr-only">{t('applications.won')}</span>}
        />
      );
    }
    case 'date':
      return (
        <TextField
          {...common}
          hint={help || undefined}
          type="date"
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value || null)}
        />
      );
    case 'singleChoice':
      return (
        <ChoiceGroup legend={label} hint={help || undefined} error={err} required={field.required}>
          {field.options?.map((o) => (
            <Check
              key={o.value}
              type="radio"
              name={field.key}
              id={`field-${field.key}-${o.value}`}
              label={pick(o, lang)}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
          ))}
        </ChoiceGroup>
      );
    case 'multiChoice': {
      const list = Array.isArray(value) ? value : [];
      return (
        <ChoiceGroup legend={label} hint={help || undefined} error={err} required={field.required}>
          {field.options?.map((o) => (
            <Check
              key={o.value}
              name={field.key}
              id={`field-${field.key}-${o.value}`}
              label={pick(o, lang)}
              checked={list.includes(o.value)}
              onChange={(e) =>
                onChange(e.target.checked ? [...list, o.value] : list.filter((x) => x !== o.value))
              }
            />
          ))}
        </ChoiceGroup>
      );
    }
    case 'companyField':
      return (
        <TextField
          {...common}
          readOnly
          hint={t('applications.prefillHint')}
          value={prefillText(field, prefill)}
        />
      );
    case 'file':
      return (
        <FileInput
          fieldKey={field.key}
          label={label}
          help={help}
          required={field.required}
          accept={field.accept}
          maxSizeMb={field.maxSizeMb}
          error={error}
          files={files}
          appId={appId}
          onUpload={onUpload}
          onRemove={onRemove}
          busy={busy}
        />
      );
    default:
      return null;
  }
}

/** A file picker that uploads at once, with the list of attached files and remove buttons. */
export function FileInput({
  fieldKey,
  label,
  help,
  required,
  accept,
  maxSizeMb,
  error,
  files,
  appId,
  onUpload,
  onRemove,
  busy,
  disabled,
}: {
  fieldKey: string;
  label: string;
  help?: string;
  required?: boolean;
  accept?: string[];
  maxSizeMb?: number;
  error?: string;
  files: ApplicationFile[];
  appId: string;
  onUpload: (file: File) => void;
  onRemove: (fileId: string) => void;
  busy?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const rules = [
    help,
    accept?.length ? t('applications.accept', { list: accept.join(', ') }) : '',
    maxSizeMb ? t('applications.maxSize', { n: maxSizeMb }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <TextField
      ref={inputRef}
      // ApplicationPage focuses `file-<key>` after a failed upload
      id={`file-${fieldKey}`}
      groupId={`group-${fieldKey}`}
      type="file"
      label={label}
      required={required}
      // field error codes ('required') in words; upload failures are already sentences
      error={error ? { message: error } : undefined}
      hint={rules || undefined}
      accept={accept?.map((a) => `.${a}`).join(',')}
      aria-describedby={files.length ? listId : undefined}
      disabled={busy || disabled}
      onChange={(e) => {
        const file = e.target.files?.[0];
        if (file) onUpload(file);
        if (inputRef.current) inputRef.current.value = '';
      }}
      after={
        files.length > 0 && (
          <ul className="app-files" id={listId} aria-label={t('applications.attached', { label })}>
            {files.map((f) => (
              <li key={f.fileId}>
                <FileLink appId={appId} file={f} />
                {!disabled && (
                  <button
                    type="button"
                    className="krds-btn xsmall tertiary"
                    onClick={() => onRemove(f.fileId)}
                    aria-label={t('applications.removeFile', { name: f.name })}
                  >
                    {t('applications.remove')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
