import { type ComponentProps, createContext, type Dispatch, type ReactNode, useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../../components/Alert';
import { ConfirmDialog as BaseConfirmDialog } from '../../../../components/ConfirmDialog';
import { TextAreaField, TextField } from '../../../../components/Field';
import { useFieldErrorText } from '../../../../lib/use-field-error';
import { type Action, type FieldErrors, joinPath, type LangPair, type Path } from './form-model';

/** `{ message }` for a field's server error at `path`, as the Field components take it. */
export const errorAt = (errors: FieldErrors, path: Path, ...more: (string | number)[]) => {
  const m = errors.get(joinPath(path, ...more));
  return m ? { message: m } : undefined;
};

/** The form model's `dispatch` and server errors, for every field of the editor (InstrumentForm provides them). */
export interface Editing {
  dispatch: Dispatch<Action>;
  errors: FieldErrors;
}
export const EditingContext = createContext<Editing | null>(null);

export function useEditing(): Editing {
  const editing = useContext(EditingContext);
  if (!editing) throw new Error('useEditing: outside an EditingContext');
  return editing;
}

/** Moves focus to an element by id once React has rendered it (after add, remove, move). */
export function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Korean and English wording of one text, side by side (stacked on phones). */
export function LangFields({
  label,
  value,
  path,
  required,
  multiline,
  hint,
  idBase,
}: {
  label: string;
  value: LangPair;
  path: Path;
  required?: boolean;
  multiline?: boolean;
  hint?: string;
  /** id prefix; the Korean input gets `${idBase}-ko` (focus target after adding an item) */
  idBase?: string;
}) {
  const { t } = useTranslation();
  const { dispatch, errors } = useEditing();
  const Field = multiline ? TextAreaField : TextField;
  return (
    <div className="app-grid-2">
      {(['ko', 'en'] as const).map((lang) => (
        <Field
          key={lang}
          id={idBase ? `${idBase}-${lang}` : undefined}
          label={t(`diagnosisAdmin.lang.${lang}`, { label })}
          required={lang === 'ko' && required}
          hint={lang === 'en' ? t('diagnosisAdmin.lang.enHint') : hint}
          lang={lang}
          rows={multiline ? 3 : undefined}
          value={value[lang]}
          error={errorAt(errors, path, lang)}
          onChange={(e: { target: { value: string } }) =>
            dispatch({ type: 'set', path: [...path, lang], value: e.target.value })
          }
        />
      ))}
    </div>
  );
}

/** A text field of the form model: the value at `path` + `field`, with its server error; typing sets it. */
export function FieldAt({
  path,
  field,
  ...props
}: Omit<ComponentProps<typeof TextField>, 'error' | 'onChange'> & { path: Path; field: string }) {
  const { dispatch, errors } = useEditing();
  return (
    <TextField
      {...props}
      error={errorAt(errors, path, field)}
      onChange={(e) => dispatch({ type: 'set', path: [...path, field], value: e.target.value })}
    />
  );
}

/** An item's key (영문 key, unique in its list); `id` is the focus target after adding the item. */
export function KeyField(props: { id: string; label: string; value: string; path: Path }) {
  const { t } = useTranslation();
  return <FieldAt {...props} field="key" required hint={t('diagnosisAdmin.keyHint')} />;
}

/** An item's weight (a decimal). */
export function WeightField(props: { hint: string; value: string; path: Path }) {
  const { t } = useTranslation();
  return (
    <FieldAt {...props} field="weight" label={t('diagnosisAdmin.weight')} required inputMode="decimal" />
  );
}

/**
 * A button that stays focusable when it cannot act (aria-disabled), so focus is not lost when an item
 * reaches the top or bottom of its list or a list is full. `name`, if any, is read before the label.
 */
export function SoftButton({
  enabled = true,
  onClick,
  className,
  name,
  children,
}: {
  enabled?: boolean;
  onClick: () => void;
  className: string;
  /** what the button acts on, for screen readers, e.g. "문항 2" */
  name?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={className}
      aria-disabled={!enabled || undefined}
      onClick={() => enabled && onClick()}
    >
      {name && <span className="sr-only">{name} </span>}
      {children}
    </button>
  );
}

/**
 * The head of an item of a list: its heading (`children`), then 위로 / 아래로 / 삭제 for keyboard-usable
 * reordering. They move or remove the item at `index` of the list at `listPath`, then move focus.
 */
export function ItemHead({
  children,
  name,
  listPath,
  index,
  count,
  minCount,
  focusAfterMove,
  focusAfterRemove,
}: {
  children: ReactNode;
  /** the item's name for screen readers, e.g. "문항 2" */
  name: string;
  listPath: Path;
  index: number;
  count: number;
  /** the fewest items the list may hold: at that count 삭제 cannot act */
  minCount: number;
  focusAfterMove: string;
  focusAfterRemove: string;
}) {
  const { t } = useTranslation();
  const { dispatch } = useEditing();
  const move = (to: number) => {
    dispatch({ type: 'move', path: listPath, from: index, to });
    focusLater(focusAfterMove);
  };
  const small = 'krds-btn small secondary';
  return (
    <div className="dxa-card__head">
      {children}
      <div className="dxa-item-buttons">
        <SoftButton className={small} name={name} enabled={index > 0} onClick={() => move(index - 1)}>
          {t('diagnosisAdmin.up')}
        </SoftButton>
        <SoftButton className={small} name={name} enabled={index < count - 1} onClick={() => move(index + 1)}>
          {t('diagnosisAdmin.down')}
        </SoftButton>
        <SoftButton
          className="krds-btn small tertiary dxa-danger-text"
          name={name}
          enabled={count > minCount}
          onClick={() => {
            dispatch({ type: 'remove', path: listPath, index });
            focusLater(focusAfterRemove);
          }}
        >
          {t('diagnosisAdmin.remove')}
        </SoftButton>
      </div>
    </div>
  );
}

/**
 * The end of a list: the list's own server error (e.g. too few items), then a button adding an item
 * made by `create` (while the list holds fewer than `max`) and focusing the id it names.
 */
export function AddItem({
  listPath,
  count,
  max,
  name,
  label,
  create,
}: {
  listPath: Path;
  count: number;
  max: number;
  /** what the list belongs to, for screen readers */
  name: string;
  label: string;
  create: () => { item: unknown; focus: string };
}) {
  const { dispatch, errors } = useEditing();
  const errorText = useFieldErrorText();
  const listError = errorText(errorAt(errors, listPath));
  return (
    <>
      {listError && (
        <p className="form-hint-invalid" role="alert">
          {listError}
        </p>
      )}
      <div>
        <SoftButton
          className="krds-btn small secondary"
          name={name}
          enabled={count < max}
          onClick={() => {
            const { item, focus } = create();
            dispatch({ type: 'insert', path: listPath, item });
            focusLater(focus);
          }}
        >
          {label}
        </SoftButton>
      </div>
    </>
  );
}

/** A yes/no question before an action (publish, delete, leave): small, its text read with the button. */
export function ConfirmDialog({
  danger,
  error,
  children,
  ...props
}: Omit<ComponentProps<typeof BaseConfirmDialog>, 'tone' | 'size' | 'describedBy' | 'form'> & {
  danger?: boolean;
  error?: unknown;
}) {
  const descId = useId();
  return (
    <BaseConfirmDialog {...props} size="sm" tone={danger ? 'danger' : 'primary'} describedBy={descId}>
      <div id={descId} className="app-prose">
        {children}
      </div>
      <ErrorAlert error={error} />
    </BaseConfirmDialog>
  );
}
