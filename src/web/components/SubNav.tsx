import { Link, useLocation } from 'react-router';

export interface SubNavItem {
  to: string;
  label: string;
}

/** A row of links between the pages of one area (e.g. the staff's diagnosis pages); the current one is marked. */
export function SubNav({ label, items }: { label: string; items: SubNavItem[] }) {
  const { pathname } = useLocation();
  return (
    <nav className="app-subnav" aria-label={label}>
      <ul>
        {items.map((i) => {
          const current = pathname === i.to || (i.to !== items[0].to && pathname.startsWith(`${i.to}/`));
          return (
            <li key={i.to}>
              <Link to={i.to} className="app-subnav__link" aria-current={current ? 'page' : undefined}>
                {i.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
