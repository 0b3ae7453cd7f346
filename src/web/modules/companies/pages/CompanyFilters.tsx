import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KsicOptions } from '../../../components/company/KsicOptions';
import { Check, ChoiceGroup, SelectField, TextField } from '../../../components/Field';
import { currentLang } from '../../../i18n';
import { districtOptions, provenanceOptions, sizeClassOptions } from '../../../lib/options';
import { useAssociations } from '../../accounts/api/accounts';

export const FILTER_KEYS = [
  'q',
  'district',
  'sizeClass',
  'ksic',
  'provenance',
  'tag',
  'associationId',
  'isStartup',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Record<FilterKey, string>;

const split = (s: string) => (s ? s.split(',') : []);

/** Search and filter form; applies on submit (and resets page to 1 in the parent). */
export function CompanyFilters({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [draft, setDraft] = useState<Filters>(value);
  useEffect(() => setDraft(value), [value]);
  const associations = useAssociations();
  const set = (k: FilterKey, v: string) => setDraft((d) => ({ ...d, [k]: v }));
  const toggle = (k: FilterKey, code: string, on: boolean) => {
    const list = new Set(split(draft[k]));
    if (on) list.add(code);
    else list.delete(code);
    set(k, [...list].join(','));
  };
  const districts = split(draft.district);
  const activeCount = FILTER_KEYS.filter((k) => k !== 'q' && value[k]).length;
  // Open on wide screens or when a filter is set; on phones the results come first.
  const [moreOpen] = useState(() => activeCount > 0 || window.matchMedia('(min-width: 768px)').matches);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const reset = () => {
    const empty = Object.fromEntries(FILTER_KEYS.map((k) => [k, ''])) as Filters;
    setDraft(empty);
    onApply(empty);
  };

  return (
    <search aria-label={t('companies.searchLabel')}>
      <form onSubmit={submit} className="app-filters">
        <div className="app-filters__search">
          <TextField
            label={t('companies.q')}
            type="search"
            hint={t('companies.qHint')}
            value={draft.q}
            onChange={(e) => set('q', e.target.value)}
          />
          <button type="submit" className="krds-btn large primary">
            {t('common.search')}
          </button>
        </div>
        <details className="app-disclosure app-more-filters" open={moreOpen || undefined}>
          <summary>
            {t('companies.moreFilters')}
            {activeCount > 0 && ` (${t('companies.activeFilters', { n: activeCount })})`}
          </summary>
          <div className="app-more-filters__body">
            <details className="app-disclosure" open={districts.length > 0 || undefined}>
              <summary>
                {t('fields.district')}
                {districts.length > 0 && ` (${t('companies.selectedCount', { n: districts.length })})`}
              </summary>
              <ChoiceGroup legend={t('companies.districtLegend')}>
                <div className="app-check-grid">
                  {districtOptions(lang).map((o) => (
                    <Check
                      key={o.value}
                      label={o.label}
                      checked={districts.includes(o.value)}
                      onChange={(e) => toggle('district', o.value, e.target.checked)}
                    />
                  ))}
                </div>
              </ChoiceGroup>
            </details>
            <div className="app-grid-3">
              <ChoiceGroup legend={t('fields.sizeClass')}>
                {sizeClassOptions(t).map((o) => (
                  <Check
                    key={o.value}
                    label={o.label}
                    checked={split(draft.sizeClass).includes(o.value)}
                    onChange={(e) => toggle('sizeClass', o.value, e.target.checked)}
                  />
                ))}
              </ChoiceGroup>
              <SelectField
                label={t('fields.ksic')}
                value={draft.ksic}
                onChange={(e) => set('ksic', e.target.value)}
                placeholder={t('common.all')}
              >
                <KsicOptions />
              </SelectField>
              <SelectField
                label={t('fields.provenance')}
                value={draft.provenance}
                onChange={(e) => set('provenance', e.target.value)}
                placeholder={t('common.all')}
                options={provenanceOptions(t)}
              />
              <SelectField
                label={t('fields.association')}
                value={draft.associationId}
                onChange={(e) => set('associationId', e.target.value)}
                placeholder={t('common.all')}
                options={(associations.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
              />
              <TextField
                label={t('fields.tag')}
                value={draft.tag}
                onChange={(e) => set('tag', e.target.value)}
              />
              <SelectField
                label={t('fields.isStartup')}
                value={draft.isStartup}
                onChange={(e) => set('isStartup', e.target.value)}
                placeholder={t('common.all')}
                options={[
                  { value: 'true', label: t('common.yes') },
                  { value: 'false', label: t('common.no') },
                ]}
              />
            </div>
            <div className="app-form__actions">
              <button type="button" className="krds-btn medium secondary" onClick={reset}>
                {t('common.reset')}
              </button>
              <button type="submit" className="krds-btn medium primary">
                {t('companies.applyFilters')}
              </button>
            </div>
          </div>
        </details>
      </form>
    </search>
  );
}
