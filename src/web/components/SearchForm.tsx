import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The search landmark above a list: its fields in one row and the 검색 button. `onSearch` gets the
 * submit event already prevented.
 */
export function SearchForm({
  label,
  onSearch,
  button = 'large',
  children,
  after,
}: {
  /** the landmark's name */
  label: string;
  onSearch: () => void;
  button?: 'large' | 'medium';
  children: ReactNode;
  /** controls under the form that act at once (e.g. a filter checkbox) */
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch();
  };
  return (
    <search aria-label={label}>
      <form onSubmit={submit} className="app-filters app-filters--row">
        {children}
        <button type="submit" className={`krds-btn ${button} primary`}>
          {t('common.search')}
        </button>
      </form>
      {after}
    </search>
  );
}
