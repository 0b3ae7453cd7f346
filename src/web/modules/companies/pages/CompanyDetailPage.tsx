import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { CompanyEditor } from '../../../components/company/CompanyEditor';
import { MembersTable } from '../../../components/company/MembersTable';
import { Loading } from '../../../components/Loading';
import { PageHeader, Section } from '../../../components/Page';
import { brn } from '../../../lib/format';
import { isStaffRole } from '../../../lib/roles';
import { useUser } from '../../accounts/api/auth';
import { useCompany } from '../api/companies';
import { CompanyDiagnoses } from './CompanyDiagnoses';
import { CompanyDuplicates } from './CompanyDuplicates';
import { CompanyHistory } from './CompanyHistory';

export function CompanyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const user = useUser();
  const staff = isStaffRole(user?.role);
  const company = useCompany(id);

  if (company.isPending)
    return (
      <>
        <PageHeader title={t('companies.detailTitle')} />
        <Loading />
      </>
    );
  if (company.error)
    return (
      <>
        <PageHeader title={t('companies.detailTitle')} />
        <ErrorAlert error={company.error} />
        <p>
          <Link to="/companies" className="app-link">
            {t('companies.backToList')}
          </Link>
        </p>
      </>
    );
  const c = company.data;
  return (
    <>
      <PageHeader
        back={{ to: '/companies', label: t('companies.backToList') }}
        title={c.name}
        lead={
          <p className="app-badges">
            <span>{brn(c.brn)}</span>
            <Badge tone="secondary">{t(`enums.provenance.${c.provenance}`)}</Badge>
            {c.masked && <Badge tone="warning">{t('companies.maskedBadge')}</Badge>}
          </p>
        }
      />
      {c.mergedIntoId && (
        <Alert tone="warning" live={false} title={t('companies.mergedTitle')}>
          <Link to={`/companies/${c.mergedIntoId}`} className="app-link">
            {t('companies.mergedLink')}
          </Link>
        </Alert>
      )}
      <nav className="app-toc" aria-label={t('companies.tocLabel')}>
        <ul>
          <li>
            <a href="#info">{t('companies.infoTitle')}</a>
          </li>
          {staff && (
            <>
              <li>
                <a href="#diagnosis">{t('companyDiagnosis.title')}</a>
              </li>
              <li>
                <a href="#members">{t('members.title')}</a>
              </li>
              <li>
                <a href="#duplicates">{t('duplicates.title')}</a>
              </li>
              <li>
                <a href="#history">{t('history.title')}</a>
              </li>
            </>
          )}
        </ul>
      </nav>
      <Section id="info" title={t('companies.infoTitle')}>
        <CompanyEditor company={c} canEdit={staff && !c.mergedIntoId} withMeta />
      </Section>
      {staff && (
        <>
          <Section id="diagnosis" title={t('companyDiagnosis.title')}>
            <CompanyDiagnoses companyId={c.id} />
          </Section>
          <Section id="members" title={t('members.title')}>
            <MembersTable companyId={c.id} canApprove />
          </Section>
          <Section id="duplicates" title={t('duplicates.title')}>
            {!c.mergedIntoId && <CompanyDuplicates company={c} />}
          </Section>
          <Section id="history" title={t('history.title')}>
            <CompanyHistory companyId={c.id} />
          </Section>
        </>
      )}
    </>
  );
}
