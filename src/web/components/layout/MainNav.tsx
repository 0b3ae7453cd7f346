import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isNavActive, isNavGroup, type NavGroup, type NavItem, navFor } from '../../lib/roles';
import type { SessionUser } from '../../modules/accounts/api/auth';
import { useDismiss } from './useDismiss';

function NavLink({ item, className, onClick }: { item: NavItem; className: string; onClick?: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Link
      to={item.to}
      className={className}
      aria-current={pathname === item.to ? 'page' : isNavActive(item, pathname) ? 'true' : undefined}
      onClick={onClick}
    >
      {t(item.key)}
    </Link>
  );
}

/**
 * A first-level entry that opens its pages (disclosure pattern: a button with aria-expanded and the list
 * it controls). Marked current when one of its pages is.
 */
function NavMenu({
  group,
  open,
  onToggle,
  onClose,
}: {
  group: NavGroup;
  open: boolean;
  onToggle: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const wrap = useRef<HTMLLIElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();
  useDismiss(open, onClose, wrap, button);
  const current = group.items.some((i) => isNavActive(i, pathname));
  return (
    <li className="app-gnb__group" ref={wrap}>
      <button
        ref={button}
        type="button"
        className={`app-gnb__link app-gnb__trigger${current ? ' is-current' : ''}`}
        aria-expanded={open}
        aria-controls={listId}
        onClick={onToggle}
      >
        {t(group.key)}
      </button>
      <ul className="app-gnb__sub" id={listId} hidden={!open}>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavLink item={item} className="app-gnb__sublink" onClick={onClose} />
          </li>
        ))}
      </ul>
    </li>
  );
}

/**
 * The one main navigation: a bar on wide screens, a panel behind the menu button on narrow ones.
 * Staff pages come in groups (one open at a time) so the bar keeps to one line.
 */
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
  const [openGroup, setOpenGroup] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the open group on every navigation
  useEffect(() => setOpenGroup(null), [pathname]);
  const closeGroup = useCallback((key: string) => setOpenGroup((k) => (k === key ? null : k)), []);
  return (
    <nav className={`app-gnb${open ? ' is-open' : ''}`} id={id} aria-label={t('nav.label')}>
      <div className="inner">
        <ul className="app-gnb__list">
          {navFor(user?.role).map((entry) =>
            isNavGroup(entry) ? (
              <NavMenu
                key={entry.key}
                group={entry}
                open={openGroup === entry.key}
                onToggle={() => setOpenGroup((k) => (k === entry.key ? null : entry.key))}
                onClose={() => closeGroup(entry.key)}
              />
            ) : (
              <li key={entry.to}>
                <NavLink item={entry} className="app-gnb__link" />
              </li>
            ),
          )}
        </ul>
        <div className="app-gnb__extra">{extra}</div>
      </div>
    </nav>
  );
}
