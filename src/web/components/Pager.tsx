import { useTranslation } from 'react-i18next';

/** Page numbers around the current page: 1 … 4 5 [6] 7 8 … 99 */
export function pageWindow(page: number, pages: number, radius = 2): (number | 'gap')[] {
  const out: (number | 'gap')[] = [];
  const from = Math.max(1, page - radius);
  const to = Math.min(pages, page + radius);
  if (from > 1) out.push(1);
  if (from > 2) out.push('gap');
  for (let p = from; p <= to; p++) out.push(p);
  if (to < pages - 1) out.push('gap');
  if (to < pages) out.push(pages);
  return out;
}

/** KRDS pagination for server-side paging. */
export function Pager({
  page,
  pageSize,
  total,
  onPage,
  label,
}: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  label?: string;
}) {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const items = pageWindow(page, pages);
  return (
    <nav className="krds-pagination" aria-label={label ?? t('pager.label')}>
      <button
        type="button"
        className={`page-navi prev${page <= 1 ? ' disabled' : ''}`}
        onClick={() => onPage(page - 1)}
        disabled={page <= 1}
      >
        {t('pager.prev')}
      </button>
      <div className="page-links">
        {items.map((p, i) =>
          p === 'gap' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity
            <span key={`gap${i}`} className="page-link link-dot" aria-hidden="true" />
          ) : (
            <button
              key={p}
              type="button"
              className={`page-link${p === page ? ' active' : ''}`}
              aria-current={p === page ? 'page' : undefined}
              aria-label={t('pager.page', { page: p })}
              onClick={() => onPage(p)}
            >
              {p}
            </button>
          ),
        )}
      </div>
      <button
        type="button"
        className={`page-navi next${page >= pages ? ' disabled' : ''}`}
        onClick={() => onPage(page + 1)}
        disabled={page >= pages}
      >
        {t('pager.next')}
      </button>
    </nav>
  );
}
