import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../../../../server/modules/companies/contract';
import { Alert, ErrorAlert, SuccessStatus } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { currentLang } from '../../../i18n';
import { brn } from '../../../lib/format';
import { type DuplicateCandidate, useCompanyDuplicates } from '../api/companies';
import { MergeDialog } from './MergeDialog';

/** Possible duplicates of one company, each with a merge-into-this action (reason required). */
export function CompanyDuplicates({ company }: { company: Company }) {
  const { t } = useTranslation();
  const _lang = currentLang();
  const dups = useCompanyDuplicates(company.id);
  const [target, setTarget] = useState<DuplicateCandidate | null>(null);
  const [merged, setMerged] = useState('');
  if (dups.isPending) return <Loading />;
  if (dups.error) return <ErrorAlert error={dups.error} />;
  return (
    <>
      <SuccessStatus>{merged}</SuccessStatus>
      {dups.data.items.length === 0 ? (
        <Alert tone="info" live={false}>
          {t('duplicates.noneForCompany')}
        </Alert>
      ) : (
        <ul className="app-dup-list">
          {dups.data.items.map((d) => (
            <li key={d.id} className="app-dup">
              <div>
                <Link to={`/companies/${d.id}`} className="app-link">
                  {d.name}
                </Link>{' '}
                <span className="app-muted">{brn(d.brn)}</span>
                <p className="app-muted">
                  {t(`duplicates.reason.${d.reason}`)} ·{' '}
                  {t('duplicates.similarity', { pct: Math.round(d.similarity * 100) })}
                  {d.address ? ` · ${d.address}` : ''}
                </p>
              </div>
              <button type="button" className="krds-btn small secondary" onClick={() => setTarget(d)}>
                {t('duplicates.mergeHere')}
                <span className="sr-only">: {d.name}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <MergeDialog
        merging={target && { from: target, into: company }}
        onClose={() => setTarget(null)}
        onMerged={(note) => {
          setMerged(note);
          setTarget(null);
        }}
      />
    </>
  );
}
