import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { ClaimDecisions } from '../../../components/company/ClaimDecisions';
import { CompanyEditor } from '../../../components/company/CompanyEditor';
import { MembersTable } from '../../../components/company/MembersTable';
import { Loading } from '../../../components/Loading';
import { PageHeader, Section } from '../../../components/Page';
import { brn } from '../../../lib/format';
import { safeNext } from '../../../lib/safe-next';
import { type MyCompany, useMyCompanies } from '../api/companies';
import { ConnectCompany } from './ConnectCompany';
import { MyClaims } from './MyClaims';

function ActiveCompany({ item }: { item: MyCompany }) {
  const { t } = useTranslation();
  const { company, membership } = item;
  return (
    <>
      <Section id={`company-${company.id}`} title={company.name}>
        <p className="app-badges">
          <Badge tone="primary">{t(`enums.memberRole.${membership.role}`)}</Badge>
          <span className="app-muted">{brn(company.brn)}</span>
        </p>
        <CompanyEditor company={company} canEdit />
      </Section>
      <Section id={`members-${company.id}`} title={t('members.title')}>
        <MembersTable companyId={company.id} canApprove={membership.role === 'owner'} />
      </Section>
      {membership.role === 'owner' && (
        <Section id={`claims-${company.id}`} title={t('claims.ownerTitle')}>
          <p>{t('claims.ownerLead')}</p>
          <ClaimDecisions params={{ companyId: company.id, status: 'pending' }} />
        </Section>
      )}
    </>
  );
}

export function MyCompanyPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const mine = useMyCompanies();
  const welcome = (location.state as { welcome?: boolean } | null)?.welcome;
  // where the member was going before registering the company (e.g. a diagnosis invitation)
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const active = mine.data?.items.some((i) => i.membership.status === 'active');
  return (
    <>
      <PageHeader title={t('myCompany.title')} lead={<p>{t('myCompany.lead')}</p>} />
      {welcome && <Alert tone="success">{t('myCompany.welcome')}</Alert>}
      {next && (
        <Alert
          tone="info"
          live={false}
          title={active ? t('myCompany.nextReady') : t('myCompany.nextWaiting')}
        >
          {active && (
            <p>
              <Link to={next} className="krds-btn medium primary">
                {t('myCompany.nextContinue')}
              </Link>
            </p>
          )}
        </Alert>
      )}
      {mine.isPending && <Loading />}
      {mine.error && <ErrorAlert error={mine.error} />}
      {mine.data && <MyClaims />}
      {mine.data && mine.data.items.length === 0 && <ConnectCompany next={next} />}
      {mine.data?.items.map((item) => (
        <ActiveCompany key={item.company.id} item={item} />
      ))}
    </>
  );
}
