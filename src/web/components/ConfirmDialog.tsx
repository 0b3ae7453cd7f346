import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/**
 * A Dialog with the usual button row: cancel, then the confirm button, which is disabled and reads
 * "working" while `pending`. With `form`, the confirm button submits that form instead of calling
 * `onConfirm`.
 */
export function ConfirmDialog({
  open,
  onClose,
  title,
  children,
  confirmLabel,
  cancelLabel,
  pending = false,
  lockCancel = false,
  onConfirm,
  form,
  tone = 'primary',
  size,
  describedBy,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  /** Defaults to "cancel". */
  cancelLabel?: string;
  pending?: boolean;
  /** Also disable the cancel button while pending. */
  lockCancel?: boolean;
  onConfirm?: () => void;
  /** id of a form inside the dialog that the confirm button submits. */
  form?: string;
  tone?: 'primary' | 'danger';
  size?: 'sm' | 'md' | 'lg';
  /** id of the text the confirm button acts on (read with the button: "publish version 2 …") */
  describedBy?: string;
}) {
  const { t } = useTranslation();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      size={size}
      footer={
        <>
          <button
            type="button"
            className="krds-btn secondary medium"
            onClick={onClose}
            disabled={lockCancel && pending}
          >
            {cancelLabel ?? t('common.cancel')}
          </button>
          <button
            type={form ? 'submit' : 'button'}
            form={form}
            className={`krds-btn medium ${tone === 'danger' ? 'app-btn-danger' : 'primary'}`}
            disabled={pending}
            aria-describedby={describedBy}
            onClick={form ? undefined : onConfirm}
          >
            {pending ? t('common.working') : confirmLabel}
          </button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
