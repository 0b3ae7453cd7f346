import {
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { useTranslation } from 'react-i18next';
import { type ErrorLike, useFieldErrorText } from '../lib/use-field-error';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: ErrorLike;
  required?: boolean;
  /** extra content under the control (e.g. a live preview) */
  after?: ReactNode;
  /** id of the whole group (label, control, hint, error), e.g. to scroll to it */
  groupId?: string;
}

/** ids and aria wiring shared by every labelled control: hint and error are linked with aria-describedby. */
function useFieldIds(
  idProp: string | undefined,
  hint: ReactNode,
  errorText: string | undefined,
  extra?: string,
) {
  const auto = useId();
  const id = idProp ?? `f${auto.replace(/:/g, '')}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorText ? `${id}-error` : undefined;
  const describedBy = [hintId, extra, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

export function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="req-mark">
      <span aria-hidden="true">*</span>
      <span className="sr-only">{t('form.required')}</span>
    </span>
  );
}

function Frame({
  id,
  label,
  required,
  hint,
  hintId,
  errorText,
  errorId,
  after,
  groupId,
  children,
}: FieldFrame & {
  id: string;
  hintId?: string;
  errorId?: string;
  errorText?: string;
  children: ReactNode;
}) {
  return (
    <div className="form-group" id={groupId}>
      <div className="form-tit">
        <label htmlFor={id}>
          {label}
          {required && <RequiredMark />}
        </label>
      </div>
      <div className={`form-conts${errorText ? ' is-error' : ''}`}>{children}</div>
      {hint && (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      )}
      {errorText && (
        <p className="form-hint-invalid" id={errorId}>
          {errorText}
        </p>
      )}
      {after}
    </div>
  );
}

type InputProps = FieldFrame & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

export function TextField({
  label,
  hint,
  error,
  required,
  after,
  groupId,
  id: idProp,
  className,
  'aria-describedby': extra,
  ...input
}: InputProps) {
  const errorText = useFieldErrorText()(error);
  const ids = useFieldIds(idProp, hint, errorText, extra);
  return (
    <Frame
      {...ids}
      label={label}
      hint={hint}
      required={required}
      errorText={errorText}
      after={after}
      groupId={groupId}
    >
      <input
        id={ids.id}
        className={`krds-input${className ? ` ${className}` : ''}`}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...input}
      />
    </Frame>
  );
}

type TextAreaProps = FieldFrame &
  TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ label, hint, error, required, after, id: idProp, ...input }: TextAreaProps) {
  const errorText = useFieldErrorText()(error);
  const ids = useFieldIds(idProp, hint, errorText);
  return (
    <Frame {...ids} label={label} hint={hint} required={required} errorText={errorText} after={after}>
      <textarea
        id={ids.id}
        className="krds-input app-textarea"
        aria-invalid={errorText ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...input}
      />
    </Frame>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectProps = FieldFrame &
  SelectHTMLAttributes<HTMLSelectElement> & {
    ref?: Ref<HTMLSelectElement>;
    options?: readonly Option[];
    /** label of the empty first option; omit for no empty option */
    placeholder?: string;
    children?: ReactNode;
  };

export function SelectField({
  label,
  hint,
  error,
  required,
  after,
  id: idProp,
  options,
  placeholder,
  children,
  ...select
}: SelectProps) {
  const errorText = useFieldErrorText()(error);
  const ids = useFieldIds(idProp, hint, errorText);
  return (
    <Frame {...ids} label={label} hint={hint} required={required} errorText={errorText} after={after}>
      <select
        id={ids.id}
        className={`krds-form-select${errorText ? ' is-error' : ''}`}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={ids.describedBy}
        aria-required={required || undefined}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options?.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </Frame>
  );
}

type CheckProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> & {
  label: ReactNode;
  description?: ReactNode;
  error?: ErrorLike;
  type?: 'checkbox' | 'radio';
  ref?: Ref<HTMLInputElement>;
};

/** A KRDS checkbox or radio with its label, optional description and error. */
export function Check({ label, description, error, type = 'checkbox', id: idProp, ...input }: CheckProps) {
  const errorText = useFieldErrorText()(error);
  const ids = useFieldIds(idProp, description, errorText);
  return (
    <div className="krds-form-check">
      <input
        type={type}
        id={ids.id}
        aria-invalid={errorText ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
      <label htmlFor={ids.id}>{label}</label>
      {(description || errorText) && (
        <div className="krds-form-check-cnt">
          {description && (
            <div className="krds-form-check-p" id={ids.hintId}>
              {description}
            </div>
          )}
          {errorText && (
            <p className="app-check-error" id={ids.errorId}>
              {errorText}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * A group of checks or radios. KRDS hides <legend> visually, so the group is named by a visible label
 * element through aria-labelledby instead.
 */
export function ChoiceGroup({
  legend,
  hint,
  error,
  required,
  column,
  children,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: ErrorLike;
  required?: boolean;
  column?: boolean;
  children: ReactNode;
}) {
  const errorText = useFieldErrorText()(error);
  const ids = useFieldIds(undefined, hint, errorText);
  const labelId = `${ids.id}-label`;
  return (
    <fieldset
      className="form-group app-fieldset"
      aria-labelledby={labelId}
      aria-describedby={ids.describedBy}
    >
      <p className="app-legend" id={labelId}>
        {legend}
        {required && <RequiredMark />}
      </p>
      {hint && (
        <p className="form-hint" id={ids.hintId}>
          {hint}
        </p>
      )}
      <div className={`krds-check-area${column ? ' chk-column' : ''}`}>{children}</div>
      {errorText && (
        <p className="form-hint-invalid" id={ids.errorId} role="alert">
          {errorText}
        </p>
      )}
    </fieldset>
  );
}

/** A titled part of a long form (a fieldset named by its visible h3). */
export function FormSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  const id = `s${useId().replace(/:/g, '')}`;
  return (
    <fieldset className="app-form-section" aria-labelledby={id}>
      <h3 className="app-h3" id={id}>
        {title}
      </h3>
      {children}
    </fieldset>
  );
}
