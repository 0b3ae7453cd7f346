import en from './en.json';
import ko from './ko.json';

type Tree = Record<string, unknown>;

/**
 * The common strings (ko.json, en.json: navigation, common buttons, errors, enums) plus one pair of
 * files per web module (`modules/<domain>/i18n/ko.json`, `en.json`), each owning its own top-level keys.
 */
const moduleFiles = import.meta.glob<Tree>('../modules/*/i18n/*.json', { eager: true, import: 'default' });

function build(lang: 'ko' | 'en', base: Tree): Tree {
  const out: Tree = { ...base };
  for (const [path, tree] of Object.entries(moduleFiles)) {
    if (!path.endsWith(`/${lang}.json`)) continue;
    for (const [key, value] of Object.entries(tree)) {
      if (key in out) throw new Error(`i18n: top-level key "${key}" of ${path} is already defined`);
      out[key] = value;
    }
  }
  return out;
}

export const resources = {
  ko: { translation: build('ko', ko) },
  en: { translation: build('en', en) },
};
