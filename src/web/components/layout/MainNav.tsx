import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isNavActive, navFor } from '../../lib/roles';
import type { SessionUser } from '../../modules/accounts/api/auth';

/** The one main navigation: a bar on wide screens, a panel behind the menu button on narrow ones. */
export function MainNav({
  user,
  open,
  id,
  extra,
}: {
  user: SessionUser | null | undefined;
  open: boolean;
  id: string;
  /** account and language controls, shown only in the narrow-screen panel */
  extra: ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <nav className={`app-gnb${open ? ' is-open' : ''}`} id={id} aria-label={t('nav.label')}>
      <div className="inner">
        <ul className="app-gnb__list">
          {navFor(user?.role).map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                className="app-gnb__link"
                aria-current={
                  pathname === item.to ? 'page' : isNavActive(item, pathname) ? 'true' : undefined
                }
              >
                {t(item.key)}
              </Link>
            </li>
          ))}
        </ul>
        <div className="app-gnb__extra">{extra}</div>
      </div>
    </nav>
  );
}
