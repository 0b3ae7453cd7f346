import { useTranslation } from 'react-i18next';
import type { FormField } from '../../../../server/modules/programs/form-contract';
import { FormSection } from '../../../components/Field';
import { FieldRows } from '../../../components/FieldRows';
import { currentLang, type Lang } from '../../../i18n';
import { brn, district, formatDate, formatKrw, formatNumber, ksic } from '../../../lib/format';
import type { Call } from '../../programs/api/calls';
import type { Application } from '../api/applications';

/** Required documents that are not already a file field of the form (the same key is one upload). */
export const extraDocuments = (call: Call) => {
  const formKeys = new Set(call.form.sections.flatMap((s) => s.fields.map((f) => f.key)));
  return call.requiredDocuments.filter((d) => !formKeys.has(d.key));
};

/** A company-record value shown in the form (BRN with dashes, district and KSIC names). */
export function prefillText(field: FormField, value: string | number | null | undefined) {
  const lang = currentLang();
  if (value === null || value === undefined) return '';
  if (field.companyField === 'brn') return brn(String(value));
  if (field.companyField === 'district') return district(String(value), lang);
  if (field.companyField === 'ksicCode') return ksic(String(value), lang);
  if (typeof value === 'number') return value.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB');
  return value;
}

export const pick = (v: { ko: string; en?: string }, lang: Lang) => (lang === 'ko' ? v.ko : v.en || v.ko);

/** A file's download link (same-origin, the session cookie authorises it). */
export function FileLink({
  appId,
  file,
}: {
  appId: string;
  file: { fileId: string; name: string; size: number };
}) {
  const lang = currentLang();
  return (
    <a className="app-link" href={`/api/applications/${appId}/files/${file.fileId}`} download>
      {file.name}{' '}
      <span className="app-muted">({formatNumber(Math.max(1, Math.round(file.size / 1024)), lang)} KB)</span>
    </a>
  );
}

function answerText(f: FormField, app: Application, lang: Lang) {
  if (f.type === 'companyField') {
    return prefillText(f, app.prefill[f.key]);
  }
  const v = app.answers[f.key];
  if (v === null || v === undefined || v === '') return '';
  if (f.type === 'money') return formatKrw(Number(v), lang);
  if (f.type === 'number') return formatNumber(Number(v), lang);
  if (f.type === 'date') return formatDate(String(v), lang);
  if (f.type === 'singleChoice' || f.type === 'multiChoice') {
    const values = Array.isArray(v) ? v : [String(v)];
    return values.map((x) => pick(f.options?.find((o) => o.value === x) ?? { ko: x }, lang)).join(', ');
  }
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** The application's answers and files, read-only (after submission, and for staff). */
export function AnswersView({ app, call }: { app: Application; call: Call }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const filesFor = (key: string) => app.files.filter((f) => f.fieldKey === key);
  return (
    <>
      {call.form.sections.map((s) => (
        <FormSection key={s.key} title={pick(s.title, lang)}>
          <FieldRows
            rows={s.fields.map((f) => ({
              key: f.key,
              label: pick(f.label, lang),
              value:
                f.type === 'file' ? (
                  filesFor(f.key).length ? (
                    <ul>
                      {filesFor(f.key).map((file) => (
                        <li key={file.fileId}>
                          <FileLink appId={app.id} file={file} />
                        </li>
                      ))}
                    </ul>
                  ) : (
                    ''
                  )
                ) : (
                  <span className="app-prewrap">{answerText(f, app, lang)}</span>
                ),
            }))}
          />
        </FormSection>
      ))}
      {extraDocuments(call).length > 0 && (
        <FormSection title={t('applications.documents')}>
          <FieldRows
            rows={extraDocuments(call).map((d) => ({
              key: d.key,
              label: pick(d, lang),
              value: filesFor(d.key).length ? (
                <ul>
                  {filesFor(d.key).map((file) => (
                    <li key={file.fileId}>
                      <FileLink appId={app.id} file={file} />
                    </li>
                  ))}
                </ul>
              ) : (
                ''
              ),
            }))}
          />
        </FormSection>
      )}
    </>
  );
}
