import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, type AlertTone } from './Alert';

/**
 * A static notice (part of the page, not announced) that says one thing and offers one way on:
 * by default the link back to the home page.
 */
export function LinkAlert({
  tone,
  title,
  children,
  to = '/',
  link,
}: {
  tone?: AlertTone;
  title?: ReactNode;
  /** the message */
  children: ReactNode;
  to?: string;
  /** the link's text; "홈으로" by default */
  link?: string;
}) {
  const { t } = useTranslation();
  return (
    <Alert tone={tone} live={false} title={title}>
      <p>{children}</p>
      <p>
        <Link to={to} className="app-link">
          {link ?? t('errors.backHome')}
        </Link>
      </p>
    </Alert>
  );
}
