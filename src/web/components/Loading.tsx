import { useTranslation } from 'react-i18next';

/** KRDS spinner with a status role, for data being loaded. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="app-loading">
      <div className="krds-spinner" role="status">
        <span className="sr-only">{label ?? t('common.loading')}</span>
      </div>
      <span aria-hidden="true">{label ?? t('common.loading')}</span>
    </div>
  );
}
