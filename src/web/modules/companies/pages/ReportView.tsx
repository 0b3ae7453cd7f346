import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../server/modules/companies/import-contract';
import { Alert } from '../../../components/Alert';
import { PagedCaptionedTable } from '../../../components/CaptionedTable';
import { currentLang } from '../../../i18n';
import { brn, formatNumber } from '../../../lib/format';

const PAGE = 50;

/** Counts of an import (dry run or committed) and its row errors. */
export function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const n = (x: number) => formatNumber(x, lang);
  const prefix = report.dryRun ? 'import.dry' : 'import.done';
  const stats = [
    { key: 'total', value: report.total },
    { key: 'created', value: report.created },
    { key: 'updated', value: report.updated },
    { key: 'unchanged', value: report.unchanged },
    { key: 'invalid', value: report.invalid },
  ] as const;
  return (
    <div className="app-stack">
      <ul className="app-stats app-stats--compact">
        {stats.map((s) => (
          <li key={s.key} className={s.key === 'invalid' && s.value > 0 ? 'is-danger' : undefined}>
            <span className="app-stats__label">{t(`${prefix}.${s.key}`)}</span>
            <strong className="app-stats__value">{n(s.value)}</strong>
          </li>
        ))}
        {report.linkRequested > 0 && (
          <li>
            <span className="app-stats__label">{t('linkRequests.stat')}</span>
            <strong className="app-stats__value">{n(report.linkRequested)}</strong>
          </li>
        )}
      </ul>
      {report.linkRequested > 0 && (
        <>
          <h3 className="app-h3">{t('linkRequests.reportTitle', { n: n(report.linkRequested) })}</h3>
          <Alert tone="info" live={false}>
            {t(report.dryRun ? 'linkRequests.reportDry' : 'linkRequests.reportDone', {
              n: n(report.linkRequested),
            })}
          </Alert>
          {report.linkRequests.length > 0 && (
            <PagedCaptionedTable
              captionId="import-link-requests-caption"
              caption={t('linkRequests.reportCaption')}
              className="app-table--compact"
              columns={[t('import.row'), t('linkRequests.brn'), t('linkRequests.nameInFile')]}
              items={report.linkRequests}
              pageSize={PAGE}
              pagerLabel={t('linkRequests.reportPager')}
              row={(r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td className="app-nowrap">{brn(r.brn)}</td>
                  <td className="app-cell-wrap">{r.name}</td>
                </tr>
              )}
            />
          )}
        </>
      )}
      {report.errors.length > 0 && (
        <>
          <h3 className="app-h3">{t('import.errorsTitle', { n: n(report.invalid) })}</h3>
          {report.errorsTruncated && (
            <Alert tone="warning" live={false}>
              {t('import.errorsTruncated', { shown: n(report.errors.length) })}
            </Alert>
          )}
          <PagedCaptionedTable
            captionId="import-errors-caption"
            caption={t('import.errorsCaption')}
            className="app-table--compact"
            columns={[t('import.row'), t('import.column'), t('import.reason'), t('import.value')]}
            items={report.errors}
            pageSize={PAGE}
            pagerLabel={t('import.errorsPager')}
            // a row can have several errors: the index within the page tells them apart
            row={(e, i) => (
              <tr key={`${e.row}-${e.column}-${i}`}>
                <td>{e.row}</td>
                <td>{e.column ?? (e.field ? t(`companyFields.${e.field}`) : '—')}</td>
                <td className="app-cell-wrap">{e.message}</td>
                <td className="app-cell-wrap app-break">{e.value ?? ''}</td>
              </tr>
            )}
          />
        </>
      )}
    </div>
  );
}
