import { useTranslation } from 'react-i18next';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer id="krds-footer" className="app-footer">
      <div className="inner">
        <p className="app-footer__name">{t('app.name')}</p>
        <div className="f-cnt">
          <div className="f-info">
            <p className="info-addr">{t('footer.operator')}</p>
            <p>{t('footer.about')}</p>
          </div>
          <div className="f-link">
            <div className="link-go">
              <a href="/docs" className="krds-btn medium text">
                {t('footer.apiDocs')}
              </a>
            </div>
          </div>
        </div>
        <div className="f-btm">
          <div className="f-btm-text">
            <p className="f-copy">{t('footer.license')}</p>
          </div>
          <div className="app-identifier">
            <span className="ban-txt">{t('footer.identifier')}</span>
          </div>
        </div>
      </div>
    </footer>
  );
}
