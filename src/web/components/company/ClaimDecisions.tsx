import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLang } from '../../i18n';
import { brn, formatDateTime } from '../../lib/format';
import { useDecisions } from '../../lib/use-decisions';
import {
  type Claim,
  type ClaimListParams,
  claimDocumentUrl,
  useClaims,
  useDecideClaim,
} from '../../modules/companies/api/claims';
import { SuccessStatus } from '../Alert';
import { Badge } from '../Badge';
import { DecisionDialogs } from '../DecisionDialogs';
import { QueryStatus } from '../QueryStatus';

const statusTone = {
  pending: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'gray',
} as const;

/** One claim with its evidence: who asks, what they sent, and what the registry holds for the firm. */
function ClaimCard({
  claim,
  linkCompany,
  onApprove,
  onReject,
}: {
  claim: Claim;
  linkCompany: boolean;
  onApprove: () => void;
  onReject: () => void;
}) {
  const { t } = useTranslation();
  const lang = currentLang();
  const dash = t('claims.none');
  return (
    <li className="app-member app-claim">
      <div className="app-stack">
        <h3 className="app-h3">
          {linkCompany ? (
            <Link to={`/companies/${claim.companyId}`} className="app-link">
              {claim.companyName}
            </Link>
          ) : (
            claim.companyName
          )}{' '}
          <span className="app-muted">{brn(claim.brn)}</span>
        </h3>
        <p className="app-badges">
          <Badge tone={statusTone[claim.status]}>{t(`claims.status.${claim.status}`)}</Badge>
          <Badge tone="information">{t(`claims.method.${claim.method}`)}</Badge>
          <span className="app-muted">
            {t('claims.askedAt', { when: formatDateTime(claim.createdAt, lang) })}
          </span>
        </p>
        <dl className="app-dl">
          <dt>{t('claims.claimant')}</dt>
          <dd>
            {claim.claimant.name} · {claim.claimant.email}
            {claim.claimant.phone ? ` · ${claim.claimant.phone}` : ''}
          </dd>
          <dt>{t('claims.registered')}</dt>
          <dd>
            {[claim.company.representative, claim.company.email, claim.company.phone]
              .filter(Boolean)
              .join(' · ') || dash}
          </dd>
          <dt>{t('claims.note')}</dt>
          <dd>{claim.note || dash}</dd>
          <dt>{t('claims.document')}</dt>
          <dd>
            {claim.document ? (
              <a className="app-link" href={claimDocumentUrl(claim.id)} download>
                {t('claims.download', { name: claim.document.name })}
              </a>
            ) : (
              dash
            )}
          </dd>
          {claim.status !== 'pending' && (
            <>
              <dt>{t('claims.decided')}</dt>
              <dd>
                {formatDateTime(claim.decidedAt, lang)}
                {claim.decidedByName ? ` · ${claim.decidedByName}` : ''}
                {claim.reason ? ` · ${claim.reason}` : ''}
              </dd>
            </>
          )}
        </dl>
      </div>
      {claim.status === 'pending' && (
        <div className="app-btn-stack">
          <button type="button" className="krds-btn small primary" onClick={onApprove}>
            {t('claims.approve')}
            <span className="sr-only">: {claim.claimant.name}</span>
          </button>
          <button type="button" className="krds-btn small secondary" onClick={onReject}>
            {t('claims.reject')}
            <span className="sr-only">: {claim.claimant.name}</span>
          </button>
        </div>
      )}
    </li>
  );
}

/** Claims to decide (staff: every firm's; an owner: their firm's), with approve and reject dialogs. */
export function ClaimDecisions({
  params,
  linkCompany = false,
}: {
  params: ClaimListParams;
  linkCompany?: boolean;
}) {
  const { t } = useTranslation();
  const claims = useClaims(params);
  const decide = useDecideClaim();
  const decisions = useDecisions<Claim>(decide.reset);
  const { done, approve, reject, decided } = decisions;
  return (
    <>
      <SuccessStatus>{done}</SuccessStatus>
      <QueryStatus
        query={claims}
        empty={params.status === 'pending' ? t('claims.emptyPending') : t('claims.empty')}
      />
      {claims.data && claims.data.items.length > 0 && (
        <ul className="app-member-list">
          {claims.data.items.map((c) => (
            <ClaimCard
              key={c.id}
              claim={c}
              linkCompany={linkCompany}
              onApprove={() => approve(c)}
              onReject={() => reject(c)}
            />
          ))}
        </ul>
      )}
      <DecisionDialogs
        decisions={decisions}
        pending={decide.isPending}
        error={decide.error}
        approve={{
          title: t('claims.approveTitle'),
          label: t('claims.approve'),
          body: (c) => (
            <p>
              {t(c.hasOwner ? 'claims.approveBodyMember' : 'claims.approveBodyOwner', {
                name: c.claimant.name,
                company: c.companyName,
              })}
            </p>
          ),
          onConfirm: (c) =>
            decide.mutate(
              { id: c.id, decision: 'approve' },
              {
                onSuccess: (r) =>
                  decided(t('claims.approvedDone', { name: r.claimant.name, company: r.companyName })),
              },
            ),
        }}
        reject={{
          title: t('claims.rejectTitle'),
          label: t('claims.reject'),
          body: (c) => <p>{t('claims.rejectBody', { name: c.claimant.name })}</p>,
          onConfirm: (c, reason) =>
            decide.mutate(
              { id: c.id, decision: 'reject', reason },
              {
                onSuccess: (r) =>
                  decided(t('claims.rejectedDone', { name: r.claimant.name, company: r.companyName })),
              },
            ),
        }}
      />
    </>
  );
}
