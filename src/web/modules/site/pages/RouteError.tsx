import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/** Last-resort error screen (a page failed to load or render). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.warn(error);
  return (
    <main id="main" className="app-main">
      <div className="inner app-main__inner">
        <h1 className="app-h1">{t('errors.crashTitle')}</h1>
        <p>{t('errors.crashBody')}</p>
        <p>
          <a href="/" className="app-link">
            {t('errors.backHome')}
          </a>
        </p>
      </div>
    </main>
  );
}
