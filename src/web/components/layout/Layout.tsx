import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useMe } from '../../modules/accounts/api/auth';
import { Loading } from '../Loading';
import { Footer } from './Footer';
import { Header } from './Header';

function DemoBanner() {
  const { t } = useTranslation();
  return (
    <div className="app-demo-banner">
      <div className="inner">
        <span className="app-demo-banner__badge">{t('demo.badge')}</span>
        <p>{t('demo.text')}</p>
      </div>
    </div>
  );
}

/** Skip link, header, demo banner, main landmark and footer around every page. */
export function Layout() {
  const { t } = useTranslation();
  const me = useMe();
  const user = me.data ? me.data.user : me.isError ? null : undefined;
  return (
    <div id="wrap" className="app-wrap">
      <div id="krds-skip-link">
        <a href="#main">{t('a11y.skipToContent')}</a>
      </div>
      <Header user={user} banner={user?.isDemo ? <DemoBanner /> : null} />
      <main id="main" tabIndex={-1} className="app-main">
        <div className="inner app-main__inner">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </main>
      <Footer />
    </div>
  );
}
