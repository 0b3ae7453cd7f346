import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Company } from '../../../../server/modules/companies/contract';
import { Alert, ErrorAlert, SuccessStatus } from '../../../components/Alert';
import { ReasonDialog } from '../../../components/Dialog';
import { Loading } from '../../../components/Loading';
import { currentLang } from '../../../i18n';
import { brn } from '../../../lib/format';
import { withJosa } from '../../../lib/josa';
import { type DuplicateCandidate, useCompanyDuplicates, useMergeCompany } from '../api/companies';

/** Possible duplicates of one company, each with a merge-into-this action (reason required). */
export function CompanyDuplicates({ company }: { company: Company }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const dups = useCompanyDuplicates(company.id);
  const merge = useMergeCompany(company.id);
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
      <ReasonDialog
        open={!!target}
        onClose={() => {
          setTarget(null);
          merge.reset();
        }}
        title={t('duplicates.mergeTitle')}
        danger
        description={
          target && (
            <p>
              {t('duplicates.mergeBody', {
                fromName: target.name,
                fromBrn: brn(target.brn),
                into: withJosa(company.name, '으로/로', lang),
              })}
            </p>
          )
        }
        confirmLabel={t('duplicates.mergeConfirm')}
        pending={merge.isPending}
        error={merge.error}
        onConfirm={(reason) =>
          target &&
          merge.mutate(
            { fromId: target.id, reason },
            {
              onSuccess: () => {
                setMerged(
                  t('duplicates.merged', {
                    from: withJosa(target.name, '을/를', lang),
                    into: withJosa(company.name, '으로/로', lang),
                  }),
                );
                setTarget(null);
              },
            },
          )
        }
      />
    </>
  );
}
