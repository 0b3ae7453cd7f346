import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './Alert';
import { TextAreaField } from './Field';

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, Esc closes it, and focus
 * returns to the opener. Styled like the KRDS modal (header, contents, button row).
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  footer,
  size = 'md',
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg';
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={`app-dialog app-dialog--${size}`}
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="modal-content app-dialog__content">
          <div className="modal-header">
            <h2 id={titleId} className="modal-title">
              {title}
            </h2>
          </div>
          <div className="modal-conts app-dialog__body">{children}</div>
          {footer && <div className="modal-btn btn-wrap app-dialog__footer">{footer}</div>}
          <button type="button" className="app-dialog__close" onClick={onClose}>
            <span className="sr-only">{t('common.close')}</span>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
    </dialog>
  );
}

/**
 * Asks for a reason before a sensitive action (merge, unmasked export, role change). The reason is
 * required (2–300 characters); `onConfirm` may throw an ApiError, which is shown in the dialog.
 */
export function ReasonDialog({
  open,
  onClose,
  title,
  description,
  confirmLabel,
  onConfirm,
  danger,
  pending,
  error,
  reasonLabel,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  onConfirm: (reason: string) => void;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  reasonLabel?: string;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const formId = useId();
  useEffect(() => {
    if (open) {
      setReason('');
      setTouched(false);
    }
  }, [open]);
  const tooShort = reason.trim().length < 2;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!tooShort) onConfirm(reason.trim());
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      footer={
        <>
          <button type="button" className="krds-btn secondary medium" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            form={formId}
            className={`krds-btn medium ${danger ? 'app-btn-danger' : 'primary'}`}
            disabled={pending}
          >
            {pending ? t('common.working') : confirmLabel}
          </button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="app-stack">
        {description && <div>{description}</div>}
        <TextAreaField
          label={reasonLabel ?? t('common.reason')}
          required
          rows={3}
          maxLength={300}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          hint={t('common.reasonHint')}
          error={touched && tooShort ? { message: 'reason_short' } : undefined}
          autoFocus
        />
        <ErrorAlert error={error} />
      </form>
    </Dialog>
  );
}
