import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  type ImportUpload,
  REQUIRED_IMPORT_FIELDS,
} from '../../../../server/modules/companies/import-contract';
import { Alert } from '../../../components/Alert';
import { SelectField } from '../../../components/Field';
import { Section } from '../../../components/Page';
import { TableScroll } from '../../../components/TableScroll';
import { currentLang } from '../../../i18n';
import { formatNumber } from '../../../lib/format';

/** Step 2: which column of the file feeds which field; a preview of the first rows. */
export function MappingStep({
  upload,
  mapping,
  onChange,
  onBack,
  onNext,
}: {
  upload: ImportUpload;
  mapping: ImportMapping;
  onChange: (m: ImportMapping) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const [tried, setTried] = useState(false);
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping[f]);
  const set = (field: ImportField, column: string) => {
    const next = { ...mapping };
    if (column) next[field] = column;
    else delete next[field];
    onChange(next);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing.length === 0) onNext();
  };
  const options = upload.headers.map((h) => ({ value: h, label: h }));

  return (
    <form onSubmit={submit} noValidate className="app-form">
      <Alert tone="info" live={false}>
        <p>
          {t('import.fileSummary', {
            filename: upload.filename,
            format: upload.format.toUpperCase(),
            encoding: upload.encoding ?? '—',
            rows: formatNumber(upload.rowCount, lang),
          })}
        </p>
      </Alert>
      <Section id="mapping" title={t('import.mappingTitle')} focusOnMount>
        <p>{t('import.mappingLead')}</p>
        <div className="app-grid-3">
          {IMPORT_FIELDS.map((f) => {
            const required = REQUIRED_IMPORT_FIELDS.includes(f);
            return (
              <SelectField
                key={f}
                label={t(`companyFields.${f}`)}
                required={required}
                value={mapping[f] ?? ''}
                onChange={(e) => set(f, e.target.value)}
                placeholder={t('import.notMapped')}
                options={options}
                error={tried && required && !mapping[f] ? { message: 'required' } : undefined}
              />
            );
          })}
        </div>
      </Section>
      <Section id="preview" title={t('import.previewTitle')}>
        <TableScroll labelledBy="preview-caption">
          <table className="tbl col data app-table app-table--compact">
            <caption id="preview-caption">{t('import.previewCaption', { n: upload.sample.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                {upload.headers.map((h) => (
                  <th key={h} scope="col">
                    {h}
                    {Object.entries(mapping)
                      .filter(([, c]) => c === h)
                      .map(([f]) => (
                        <span key={f} className="app-map-tag">
                          → {t(`companyFields.${f}`)}
                        </span>
                      ))}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {upload.sample.map((row, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sample rows are positional
                <tr key={i}>
                  <td>{i + 2}</td>
                  {upload.headers.map((h, j) => (
                    <td key={h}>{row[j] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Section>
      {tried && missing.length > 0 && (
        <Alert tone="error">
          {t('import.requiredMissing', { fields: missing.map((f) => t(`companyFields.${f}`)).join(', ') })}
        </Alert>
      )}
      <div className="app-form__actions">
        <button type="button" className="krds-btn large secondary" onClick={onBack}>
          {t('import.uploadAnother')}
        </button>
        <button type="submit" className="krds-btn large primary">
          {t('import.runDry')}
        </button>
      </div>
    </form>
  );
}
