import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n';
import { ksicGroups } from '../../lib/options';

/** <optgroup>s of KSIC sections (whole section first) and their divisions, for a <select>. */
export function KsicOptions() {
  const { t } = useTranslation();
  const groups = ksicGroups(currentLang());
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.section.value} label={g.section.label}>
          <option value={g.section.value}>
            {t('companies.ksicWholeSection', { label: g.section.label })}
          </option>
          {g.divisions.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
