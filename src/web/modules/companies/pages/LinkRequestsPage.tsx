import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LinkRequest } from '../../../../server/modules/companies/import-contract';
import { SuccessStatus } from '../../../components/Alert';
import { DecisionDialogs } from '../../../components/DecisionDialogs';
import { SelectField } from '../../../components/Field';
import { PageHeader } from '../../../components/Page';
import { Pager } from '../../../components/Pager';
import { QueryStatus } from '../../../components/QueryStatus';
import { TableScroll } from '../../../components/TableScroll';
import { currentLang } from '../../../i18n';
import { brn, formatDateTime } from '../../../lib/format';
import { useDecisions } from '../../../lib/use-decisions';
import { useDecideLinkRequest, useLinkRequests } from '../api/imports';

const PAGE = 50;
const STATUSES = ['pending', 'approved', 'rejected'] as const;

/**
 * Staff review of link requests: a partner's member list named a registered firm outside the partner's
 * association. The import changed nothing about the firm; approving links it to the association.
 */
export function LinkRequestsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const [status, setStatus] = useState<LinkRequest['status']>('pending');
  const [page, setPage] = useState(1);
  const list = useLinkRequests(status, page);
  const decide = useDecideLinkRequest();
  const decisions = useDecisions<LinkRequest>(decide.reset);
  const { done, approve, reject, decided } = decisions;
  return (
    <>
      <PageHeader title={t('linkRequests.title')} lead={<p>{t('linkRequests.lead')}</p>} />
      <SuccessStatus>{done}</SuccessStatus>
      <div className="app-form__row">
        <SelectField
          label={t('linkRequests.statusFilter')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as LinkRequest['status']);
            setPage(1);
          }}
          options={STATUSES.map((s) => ({ value: s, label: t(`linkRequests.status.${s}`) }))}
        />
      </div>
      <QueryStatus query={list} empty={t(`linkRequests.none.${status}`)} />
      {list.data && list.data.items.length > 0 && (
        <>
          <TableScroll labelledBy="link-requests-caption">
            <table className="tbl col data app-table">
              <caption id="link-requests-caption">
                {t('linkRequests.caption', {
                  n: list.data.total,
                  status: t(`linkRequests.status.${status}`),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('linkRequests.company')}</th>
                  <th scope="col">{t('linkRequests.nameInFile')}</th>
                  <th scope="col">{t('linkRequests.association')}</th>
                  <th scope="col">{t('linkRequests.linkedNow')}</th>
                  <th scope="col">{t('linkRequests.requested')}</th>
                  <th scope="col">
                    {status === 'pending' ? t('linkRequests.actions') : t('linkRequests.decided')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/companies/${r.companyId}`} className="app-link">
                        {r.companyName}
                      </Link>
                      <br />
                      <span className="app-muted app-nowrap">{brn(r.brn)}</span>
                    </td>
                    <td className="app-cell-wrap">
                      {r.nameInFile ?? '—'}
                      {r.row !== null && (
                        <>
                          <br />
                          <span className="app-muted">{t('linkRequests.row', { row: r.row })}</span>
                        </>
                      )}
                    </td>
                    <td>{r.associationName}</td>
                    <td className="app-cell-wrap">
                      {r.linkedAssociations.length ? r.linkedAssociations.join(', ') : '—'}
                    </td>
                    <td>
                      {r.requestedBy ?? '—'}
                      <br />
                      <span className="app-muted app-nowrap">{formatDateTime(r.createdAt, lang)}</span>
                    </td>
                    <td>
                      {r.status === 'pending' ? (
                        <div className="app-btn-stack">
                          <button
                            type="button"
                            className="krds-btn xsmall primary"
                            onClick={() => approve(r)}
                          >
                            {t('linkRequests.approve')}
                          </button>
                          <button
                            type="button"
                            className="krds-btn xsmall secondary"
                            onClick={() => reject(r)}
                          >
                            {t('linkRequests.reject')}
                          </button>
                        </div>
                      ) : (
                        <>
                          <span className="app-nowrap">{formatDateTime(r.decidedAt, lang)}</span>
                          {r.reason && (
                            <>
                              <br />
                              <span className="app-cell-wrap">{r.reason}</span>
                            </>
                          )}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager
            page={page}
            pageSize={PAGE}
            total={list.data.total}
            onPage={setPage}
            label={t('linkRequests.pager')}
          />
        </>
      )}
      <DecisionDialogs
        decisions={decisions}
        pending={decide.isPending}
        error={decide.error}
        approve={{
          title: t('linkRequests.approveTitle'),
          label: t('linkRequests.approve'),
          body: (r) => (
            <p>{t('linkRequests.approveBody', { company: r.companyName, association: r.associationName })}</p>
          ),
          onConfirm: (r) =>
            decide.mutate(
              { id: r.id, approve: true },
              {
                onSuccess: () =>
                  decided(
                    t('linkRequests.approved', { company: r.companyName, association: r.associationName }),
                  ),
              },
            ),
        }}
        reject={{
          title: t('linkRequests.rejectTitle'),
          label: t('linkRequests.reject'),
          body: (r) => (
            <p>{t('linkRequests.rejectBody', { company: r.companyName, association: r.associationName })}</p>
          ),
          onConfirm: (r, reason) =>
            decide.mutate(
              { id: r.id, approve: false, reason },
              { onSuccess: () => decided(t('linkRequests.rejected', { company: r.companyName })) },
            ),
        }}
      />
    </>
  );
}
