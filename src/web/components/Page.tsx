import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

let firstPage = true;

/**
 * The page heading: sets the document title and, after client-side navigation, moves focus to the
 * h1 so screen-reader users hear where they arrived.
 */
export function PageHeader({
  title,
  lead,
  actions,
  docTitle,
  back,
}: {
  title: string;
  lead?: ReactNode;
  actions?: ReactNode;
  /** document title when it should differ from the h1 */
  docTitle?: string;
  /** the link back to where the page was reached from (a list), above the heading */
  back?: { to: string; label: string };
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  const site = t('app.shortName');
  const full = `${docTitle ?? title} | ${site}`;
  useEffect(() => {
    document.title = full;
  }, [full]);
  useEffect(() => {
    if (firstPage) {
      firstPage = false;
      return;
    }
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <>
      {back && (
        <p className="app-breadcrumb">
          <Link to={back.to} className="app-link">
            {back.label}
          </Link>
        </p>
      )}
      <div className="app-page-header">
        <div>
          <h1 ref={ref} tabIndex={-1} className="app-h1">
            {title}
          </h1>
          {lead && <div className="app-lead">{lead}</div>}
        </div>
        {actions && <div className="app-page-actions">{actions}</div>}
      </div>
    </>
  );
}

/** A titled block of a page (h2). */
export function Section({
  title,
  id,
  actions,
  children,
  className,
  focusOnMount,
}: {
  title: ReactNode;
  id?: string;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
  /** move focus to the heading when the section appears (e.g. the next step of a wizard) */
  focusOnMount?: boolean;
}) {
  const headingId = id ? `${id}-title` : undefined;
  const ref = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the section first appears
  useEffect(() => {
    if (focusOnMount) ref.current?.focus();
  }, []);
  return (
    <section className={`app-section${className ? ` ${className}` : ''}`} aria-labelledby={headingId} id={id}>
      <div className="app-section__head">
        <h2 className="app-h2" id={headingId} ref={ref} tabIndex={focusOnMount ? -1 : undefined}>
          {title}
        </h2>
        {actions && <div className="app-section__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
