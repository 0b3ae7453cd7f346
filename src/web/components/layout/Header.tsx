import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SessionUser } from '../../modules/accounts/api/auth';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNav } from './MainNav';
import { useSignOut } from './useSignOut';

/** Account controls inside the narrow-screen menu panel. */
function MobileAccount({ user }: { user: SessionUser | null | undefined }) {
  const { t } = useTranslation();
  const { signOut, signOutEverywhere, pending } = useSignOut();
  if (!user)
    return (
      <div className="app-gnb__account">
        <Link to="/login" className="krds-btn medium primary">
          {t('header.signIn')}
        </Link>
        <Link to="/signup" className="krds-btn medium secondary">
          {t('header.signUp')}
        </Link>
      </div>
    );
  return (
    <div className="app-gnb__account">
      <p>
        <strong>{user.name}</strong> <span className="app-muted">· {t(`enums.role.${user.role}`)}</span>
      </p>
      <button type="button" className="krds-btn medium secondary" onClick={signOut} disabled={pending}>
        {t('header.signOut')}
      </button>
      <button type="button" className="krds-btn medium text" onClick={signOutEverywhere} disabled={pending}>
        {t('header.signOutEverywhere')}
      </button>
    </div>
  );
}

export function Header({ user, banner }: { user: SessionUser | null | undefined; banner?: ReactNode }) {
  const { t } = useTranslation();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the panel on every navigation
  useEffect(() => setMenuOpen(false), [location.pathname]);

  return (
    <header id="krds-header" className="app-header">
      <div className="header-in">
        <div className="header-container">
          <div className="inner">
            <div className="header-utility">
              <LanguageSwitch />
            </div>
            <div className="header-branding">
              <Link to="/" className="app-brand">
                <span className="app-brand__mark" aria-hidden="true" />
                <span className="app-brand__text">
                  <span className="app-brand__name">{t('app.name')}</span>
                  <span className="app-brand__tagline">{t('app.tagline')}</span>
                </span>
              </Link>
              <div className="header-actions">
                {user === null && (
                  <>
                    <Link to="/login" className="btn-navi login">
                      {t('header.signIn')}
                    </Link>
                    <Link to="/signup" className="btn-navi join">
                      {t('header.signUp')}
                    </Link>
                  </>
                )}
                {user && <AccountMenu user={user} />}
                <button
                  type="button"
                  className="btn-navi all"
                  aria-expanded={menuOpen}
                  aria-controls="main-nav"
                  onClick={() => setMenuOpen((o) => !o)}
                >
                  {menuOpen ? t('header.closeMenu') : t('header.menu')}
                </button>
              </div>
            </div>
          </div>
        </div>
        <MainNav
          user={user}
          open={menuOpen}
          id="main-nav"
          extra={
            <>
              <MobileAccount user={user} />
              <LanguageSwitch />
            </>
          }
        />
      </div>
      {banner}
    </header>
  );
}
