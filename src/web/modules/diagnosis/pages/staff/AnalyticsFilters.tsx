import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KSIC_SECTIONS } from '../../../../../shared/ksic';
import { SelectField } from '../../../../components/Field';
import { currentLang } from '../../../../i18n';
import { districtOptions, sizeClassOptions } from '../../../../lib/options';
import { FilterActions } from './common';

export const ANALYTICS_FILTERS = ['sizeClass', 'ksicSection', 'district'] as const;
export type AnalyticsFilterValues = Record<(typeof ANALYTICS_FILTERS)[number], string>;

const EMPTY: AnalyticsFilterValues = { sizeClass: '', ksicSection: '', district: '' };

/** Size class, KSIC section and district; applied on submit (the parent keeps them in the URL). */
export function AnalyticsFilters({
  value,
  onApply,
}: {
  value: AnalyticsFilterValues;
  onApply: (f: AnalyticsFilterValues) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const set = (k: keyof AnalyticsFilterValues, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const active = ANALYTICS_FILTERS.some((k) => value[k]);
  return (
    <search aria-label={t('diagnosisStats.analytics.filtersLabel')}>
      <form onSubmit={submit} className="app-filters app-filters--row dxs-filters">
        <SelectField
          label={t('fields.sizeClass')}
          value={draft.sizeClass}
          onChange={(e) => set('sizeClass', e.target.value)}
          placeholder={t('common.all')}
          options={sizeClassOptions(t)}
        />
        <SelectField
          label={t('diagnosisStats.ksicSection')}
          value={draft.ksicSection}
          onChange={(e) => set('ksicSection', e.target.value)}
          placeholder={t('common.all')}
          options={KSIC_SECTIONS.map((s) => ({ value: s.code, label: `${s.code} ${s[lang]}` }))}
        />
        <SelectField
          label={t('fields.district')}
          value={draft.district}
          onChange={(e) => set('district', e.target.value)}
          placeholder={t('common.all')}
          options={districtOptions(lang)}
        />
        <FilterActions
          submitLabel={t('diagnosisStats.apply')}
          onReset={
            active
              ? () => {
                  setDraft(EMPTY);
                  onApply(EMPTY);
                }
              : undefined
          }
        />
      </form>
    </search>
  );
}
