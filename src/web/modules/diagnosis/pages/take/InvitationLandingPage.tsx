import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../../components/Alert';
import { LinkAlert } from '../../../../components/LinkAlert';
import { Loading } from '../../../../components/Loading';
import { PageHeader, Section } from '../../../../components/Page';
import { useMe } from '../../../accounts/api/auth';
import { useMyCompanies } from '../../../companies/api/companies';
import { useStartDiagnosis } from '../../api/diagnosis';
import '../../styles/diagnosis.css';

/** Signed in as an SME member with a company: start (or reopen) the diagnosis with the invitation, then open it. */
function AutoStart({ companyId, token }: { companyId: string; token: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartDiagnosis(companyId);
  const once = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start once, when the page opens
  useEffect(() => {
    if (once.current) return;
    once.current = true;
    start.mutate(token || undefined, {
      onSuccess: (d) => navigate(`/diagnoses/${d.id}`, { replace: true }),
    });
  }, []);
  if (start.error)
    return (
      <>
        <ErrorAlert error={start.error} title={t('diagnosis.home.startFailed')} />
        <p>
          <Link to="/diagnosis" className="app-link">
            {t('diagnosis.backHome')}
          </Link>
        </p>
      </>
    );
  return <Loading label={t('diagnosis.invite.starting')} />;
}

function SignedInSme({ token }: { token: string }) {
  const { t } = useTranslation();
  const mine = useMyCompanies();
  const location = useLocation();
  if (mine.isPending) return <Loading />;
  if (mine.error) return <ErrorAlert error={mine.error} />;
  const company = mine.data.items.find((m) => m.membership.status === 'active')?.company;
  if (company) return <AutoStart companyId={company.id} token={token} />;
  const pending = mine.data.items.length > 0;
  return (
    <Alert
      tone="warning"
      live={false}
      title={pending ? t('diagnosis.home.pendingTitle') : t('diagnosis.home.noCompanyTitle')}
    >
      <p>{pending ? t('diagnosis.home.pendingBody') : t('diagnosis.invite.noCompanyBody')}</p>
      <p>
        {/* the invitation comes along: sent to the firm's registered e-mail, it proves a claim of that firm */}
        <Link
          to={`/my/company?next=${encodeURIComponent(location.pathname + location.search)}`}
          className="krds-btn medium primary"
        >
          {t('diagnosis.home.toMyCompany')}
        </Link>
      </p>
    </Alert>
  );
}

/** Where an invitation link (`/diagnosis/start?invite=<token>`) lands. */
export function InvitationLandingPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const location = useLocation();
  const token = (params.get('invite') ?? '').trim();
  const me = useMe();
  const here = encodeURIComponent(location.pathname + location.search);
  const user = me.data?.user;
  return (
    <div className="app-narrow">
      <PageHeader title={t('diagnosis.invite.title')} lead={<p>{t('diagnosis.invite.lead')}</p>} />
      {me.isPending ? (
        <Loading />
      ) : me.error ? (
        <ErrorAlert error={me.error} />
      ) : !user ? (
        <>
          <Section id="dx-invite-what" title={t('diagnosis.invite.whatTitle')}>
            <ul className="app-list">
              <li>{t('diagnosis.invite.what1')}</li>
              <li>{t('diagnosis.invite.what2')}</li>
              <li>{t('diagnosis.invite.what3')}</li>
            </ul>
          </Section>
          <Section id="dx-invite-how" title={t('diagnosis.invite.howTitle')}>
            <p>{t('diagnosis.invite.howBody')}</p>
            <div className="app-cta">
              <Link to={`/login?next=${here}`} className="krds-btn large primary">
                {t('diagnosis.invite.signIn')}
              </Link>
              <Link to={`/signup?next=${here}`} className="krds-btn large secondary">
                {t('diagnosis.invite.signUp')}
              </Link>
            </div>
          </Section>
        </>
      ) : user.role === 'sme' ? (
        <SignedInSme token={token} />
      ) : (
        <LinkAlert tone="warning" title={t('diagnosis.invite.otherRoleTitle')}>
          {t('diagnosis.invite.otherRoleBody')}
        </LinkAlert>
      )}
    </div>
  );
}
