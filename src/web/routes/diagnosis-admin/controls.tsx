import { type Dispatch, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { TextAreaField, TextField } from '../../components/Field';
import { type Action, type FieldErrors, joinPath, type LangPair, type Path } from './form-model';

/** `{ message }` for a field's server error at `path`, as the Field components take it. */
export const errorAt = (errors: FieldErrors, path: Path, ...more: (string | number)[]) => {
  const m = errors.get(joinPath(path, ...more));
  return m ? { message: m } : undefined;
};

/** Moves focus to an element by id once React has rendered it (after add, remove, move). */
export function focusLater(id: string) {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

/** Korean and English wording of one text, side by side (stacked on phones). */
export function LangFields({
  label,
  value,
  path,
  dispatch,
  errors,
  required,
  multiline,
  hint,
  idBase,
}: {
  label: string;
  value: LangPair;
  path: Path;
  dispatch: Dispatch<Action>;
  errors: FieldErrors;
  required?: boolean;
  multiline?: boolean;
  hint?: string;
  /** id prefix; the Korean input gets `${idBase}-ko` (focus target after adding an item) */
  idBase?: string;
}) {
  const { t } = useTranslation();
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

/**
 * 위로 / 아래로 / 삭제 for an item of a list: keyboard-usable reordering. Buttons that cannot act stay
 * focusable (aria-disabled) so focus is not lost when an item reaches the top or bottom.
 */
export function ItemButtons({
  name,
  index,
  count,
  onMove,
  onRemove,
  canRemove = true,
}: {
  /** the item's name for screen readers, e.g. "문항 2" */
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  canRemove?: boolean;
}) {
  const { t } = useTranslation();
  const button = (label: string, enabled: boolean, act: () => void, danger = false) => (
    <button
      type="button"
      className={`krds-btn small ${danger ? 'tertiary dxa-danger-text' : 'secondary'}`}
      aria-disabled={!enabled || undefined}
      onClick={() => enabled && act()}
    >
      <span className="sr-only">{name} </span>
      {label}
    </button>
  );
  return (
    <div className="dxa-item-buttons">
      {button(t('diagnosisAdmin.up'), index > 0, () => onMove(index - 1))}
      {button(t('diagnosisAdmin.down'), index < count - 1, () => onMove(index + 1))}
      {button(t('diagnosisAdmin.remove'), canRemove, onRemove, true)}
    </div>
  );
}

/** A yes/no question before an action (publish, delete, leave). */
export function ConfirmDialog({
  open,
  onClose,
  title,
  children,
  confirmLabel,
  onConfirm,
  danger,
  pending,
  error,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
}) {
  const { t } = useTranslation();
  const descId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      size="sm"
      footer={
        <>
          <button type="button" className="krds-btn medium secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className={`krds-btn medium ${danger ? 'app-btn-danger' : 'primary'}`}
            disabled={pending}
            aria-describedby={descId}
            onClick={onConfirm}
          >
            {pending ? t('common.working') : confirmLabel}
          </button>
        </>
      }
    >
      <div id={descId} className="app-prose">
        {children}
      </div>
      <ErrorAlert error={error} />
    </Dialog>
  );
}
