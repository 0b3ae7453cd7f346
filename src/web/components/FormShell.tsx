import type { FormEventHandler, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SubmitProps {
  label: string;
  /** the request is under way: the button is disabled and says so */
  pending: boolean;
  size?: 'large' | 'medium';
  tone?: 'primary' | 'secondary' | 'tertiary';
  /** full width (the narrow sign-in and password pages) */
  block?: boolean;
}

/** The submit row of a form: its button says 처리 중… while `pending`; `children` go before it (취소). */
export function SubmitActions({
  label,
  pending,
  size = 'medium',
  tone = 'primary',
  block = false,
  children,
}: SubmitProps & { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="app-form__actions">
      {children}
      <button
        type="submit"
        className={`krds-btn ${size} ${tone}${block ? ' app-btn-block' : ''}`}
        disabled={pending}
      >
        {pending ? t('common.working') : label}
      </button>
    </div>
  );
}

/**
 * A short form: its fields stacked, then `status` (errors, a saved note), then the submit button.
 * Validation is the form's own (noValidate), so errors show in KRDS style.
 */
export function FormShell({
  onSubmit,
  submit,
  status,
  children,
}: {
  onSubmit: FormEventHandler<HTMLFormElement>;
  submit: SubmitProps;
  status?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate className="app-form">
      <div className="fieldset">{children}</div>
      {status}
      <SubmitActions {...submit} />
    </form>
  );
}
