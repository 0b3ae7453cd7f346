import { useTranslation } from 'react-i18next';
import { LANGS } from '../../i18n';

const NAMES = { ko: '한국어', en: 'English' } as const;

/** 한국어 / English toggle; each name is written in its own language. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className={`app-lang${className ? ` ${className}` : ''}`}>
      <legend>{t('header.language')}</legend>
      {LANGS.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className={`krds-btn small text${i18n.language === lng ? ' is-current' : ''}`}
          aria-pressed={i18n.language === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {NAMES[lng]}
        </button>
      ))}
    </fieldset>
  );
}
