import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { type Member, useApproveMember, useCompanyMembers } from '../../modules/companies/api/companies';
import { Alert, ErrorAlert, LiveStatus } from '../Alert';
import { Badge } from '../Badge';
import { Loading } from '../Loading';

/**
 * The people of a company; `canApprove` (owner or staff) shows an approve button for pending requests.
 * The members endpoint's response schema does not declare `status` yet; when it is absent, every
 * non-owner is shown without a status and cannot be approved from here.
 */
export function MembersTable({ companyId, canApprove }: { companyId: string; canApprove: boolean }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const members = useCompanyMembers(companyId);
  const approve = useApproveMember(companyId);
  if (members.isPending) return <Loading />;
  if (members.error) return <ErrorAlert error={members.error} />;
  const items: Member[] = members.data.items;
  return (
    <>
      <LiveStatus>{approve.isSuccess ? t('members.approved') : ''}</LiveStatus>
      {approve.error && <ErrorAlert error={approve.error} />}
      {items.length === 0 ? (
        <Alert tone="info" live={false}>
          {t('members.none')}
        </Alert>
      ) : (
        <ul className="app-member-list">
          {items.map((m) => (
            <li key={m.userId} className="app-member">
              <div>
                <strong>{m.name}</strong> <span className="app-muted">{m.email}</span>
                <div className="app-badges">
                  <Badge tone={m.role === 'owner' ? 'primary' : 'gray'}>
                    {t(`enums.memberRole.${m.role}`)}
                  </Badge>
                  {m.status && (
                    <Badge tone={m.status === 'pending' ? 'warning' : 'success'}>
                      {t(`enums.memberStatus.${m.status}`)}
                    </Badge>
                  )}
                  <span className="app-muted">
                    {t('members.since', { when: formatDateTime(m.createdAt, lang) })}
                  </span>
                </div>
              </div>
              {canApprove && m.status === 'pending' && (
                <button
                  type="button"
                  className="krds-btn small primary"
                  disabled={approve.isPending}
                  onClick={() => approve.mutate(m.userId)}
                >
                  {t('members.approve')}
                  <span className="sr-only">: {m.name}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
