import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SuccessStatus } from '../../../components/Alert';
import { PageHeader } from '../../../components/Page';
import { QueryStatus } from '../../../components/QueryStatus';
import { TableScroll } from '../../../components/TableScroll';
import { currentLang } from '../../../i18n';
import { brn } from '../../../lib/format';
import { type DuplicatePair, useDuplicatePairs } from '../api/companies';
import { MergeDialog } from './MergeDialog';

type Side = DuplicatePair['a'];

function CompanyCell({ c }: { c: Side }) {
  return (
    <>
      <Link to={`/companies/${c.id}`} className="app-link">
        {c.name}
      </Link>
      <br />
      <span className="app-muted app-nowrap">{brn(c.brn)}</span>
    </>
  );
}

/** Near-duplicate pairs across the registry, with merge in either direction. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const _lang = currentLang();
  const pairs = useDuplicatePairs();
  const [pending, setPending] = useState<{ into: Side; from: Side } | null>(null);
  const [done, setDone] = useState('');
  return (
    <>
      <PageHeader title={t('duplicates.pageTitle')} lead={<p>{t('duplicates.pageLead')}</p>} />
      <SuccessStatus>{done}</SuccessStatus>
      <QueryStatus query={pairs} empty={t('duplicates.none')} />
      {pairs.data && pairs.data.items.length > 0 && (
        <TableScroll labelledBy="dup-caption">
          <table className="tbl col data app-table">
            <caption id="dup-caption">{t('duplicates.caption', { n: pairs.data.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('duplicates.a')}</th>
                <th scope="col">{t('duplicates.b')}</th>
                <th scope="col">{t('fields.address')}</th>
                <th scope="col">{t('duplicates.similarityHeader')}</th>
                <th scope="col">{t('duplicates.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {pairs.data.items.map((p) => (
                <tr key={`${p.a.id}-${p.b.id}`}>
                  <td>
                    <CompanyCell c={p.a} />
                  </td>
                  <td>
                    <CompanyCell c={p.b} />
                  </td>
                  <td className="app-cell-wrap">{p.address}</td>
                  <td>{Math.round(p.similarity * 100)}%</td>
                  <td>
                    <div className="app-btn-stack">
                      <button
                        type="button"
                        className="krds-btn xsmall secondary"
                        onClick={() => setPending({ into: p.a, from: p.b })}
                      >
                        {t('duplicates.keep', { name: p.a.name })}
                      </button>
                      <button
                        type="button"
                        className="krds-btn xsmall secondary"
                        onClick={() => setPending({ into: p.b, from: p.a })}
                      >
                        {t('duplicates.keep', { name: p.b.name })}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <MergeDialog
        merging={pending}
        onClose={() => setPending(null)}
        onMerged={(note) => {
          setDone(note);
          setPending(null);
          void pairs.refetch();
        }}
      />
    </>
  );
}
