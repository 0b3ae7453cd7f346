import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COMPANY_ROLES } from '../../lib/roles';
import type { SessionUser } from '../../modules/accounts/api/auth';
import { useDismiss } from './useDismiss';
import { useSignOut } from './useSignOut';

/** KRDS "my" dropdown (disclosure pattern): name and role, my company, sign out, sign out everywhere. */
export function AccountMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menuId = useId();
  const { signOut, signOutEverywhere, pending } = useSignOut();

  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, wrap, button);

  return (
    <div className="krds-drop-wrap drop-right app-account" ref={wrap}>
      <button
        ref={button}
        type="button"
        className={`btn-navi my drop-btn navi-row${open ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="sr-only">{t('header.accountMenu')}: </span>
        {user.name}
      </button>
      <div className="drop-menu" id={menuId} style={{ display: open ? 'block' : 'none' }}>
        <div className="drop-in">
          <div className="drop-top">
            <p className="my-name">{user.name}</p>
            <p className="app-muted">
              {user.email} · {t(`enums.role.${user.role}`)}
            </p>
          </div>
          <ul className="drop-list">
            <li>
              <Link to="/account" className="item-link" onClick={() => setOpen(false)}>
                {t('account.menu')}
              </Link>
            </li>
            {COMPANY_ROLES.includes(user.role) && (
              <li>
                <Link to="/my/company" className="item-link" onClick={() => setOpen(false)}>
                  {t('nav.myCompany')}
                </Link>
              </li>
            )}
          </ul>
          <div className="drop-bottom app-account__actions">
            <button type="button" className="krds-btn medium text" onClick={signOut} disabled={pending}>
              <i className="svg-icon ico-logout" aria-hidden="true" /> {t('header.signOut')}
            </button>
            <button
              type="button"
              className="krds-btn medium text"
              onClick={signOutEverywhere}
              disabled={pending}
            >
              {t('header.signOutEverywhere')}
            </button>
          </div>
        </div>
      </div>
    </div>
  );
}
