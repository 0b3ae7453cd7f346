import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from './resources';

export type Lang = 'ko' | 'en';
export const LANGS: readonly Lang[] = ['ko', 'en'];
const STORAGE_KEY = 'itda.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ko' || saved === 'en') return saved;
  } catch {
    // storage may be blocked; Korean first
  }
  return 'ko';
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLang(),
  fallbackLng: 'ko',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function syncDocument(lng: string) {
  document.documentElement.lang = lng;
}
syncDocument(i18n.language);
i18n.on('languageChanged', (lng) => {
  syncDocument(lng);
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // ignore
  }
});

/** The current UI language, narrowed to the two we ship. */
export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'ko';
}

export default i18n;
