import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api-client';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

/**
 * A message box. Errors are announced at once (role=alert); other tones politely (role=status).
 * `live={false}` for static notices that are part of the page.
 */
export function Alert({
  tone = 'info',
  title,
  children,
  live = true,
  id,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
  id?: string;
}) {
  const role = !live ? undefined : tone === 'error' ? 'alert' : 'status';
  return (
    <div className={`app-alert app-alert--${tone}`} role={role} id={id}>
      {title && <p className="app-alert__title">{title}</p>}
      {children && <div className="app-alert__body">{children}</div>}
    </div>
  );
}

/** Shows an ApiError (localized by the server) or any other error. */
export function ErrorAlert({ error, title, extra }: { error: unknown; title?: ReactNode; extra?: string[] }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = isApiError(error) ? error.message : t('errors.unexpected');
  const requestId = isApiError(error) && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert tone="error" title={title}>
      <p>{message}</p>
      {extra && extra.length > 0 && (
        <ul className="app-list">
          {extra.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      {requestId && <p className="app-muted">{t('errors.requestId', { id: requestId })}</p>}
    </Alert>
  );
}

/** A polite live region whose text changes announce themselves (async status). */
export function LiveStatus({ children, className }: { children?: ReactNode; className?: string }) {
  return (
    <div role="status" aria-live="polite" className={className}>
      {children}
    </div>
  );
}

/** A success note announced politely when it appears (after an action); nothing while `children` is empty. */
export function SuccessStatus({ children }: { children?: ReactNode }) {
  return (
    <LiveStatus>
      {children ? (
        <Alert tone="success" live={false}>
          {children}
        </Alert>
      ) : null}
    </LiveStatus>
  );
}
