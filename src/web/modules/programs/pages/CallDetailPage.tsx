import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { FieldRows } from '../../../components/FieldRows';
import { Loading } from '../../../components/Loading';
import { Markdown } from '../../../components/Markdown';
import { Section } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime, formatKrw, formatNumber } from '../../../lib/format';
import { withJosa } from '../../../lib/josa';
import { COMPANY_ROLES, isStaffRole } from '../../../lib/roles';
import { useUser } from '../../accounts/api/auth';
import { useMyApplications, useStartApplication } from '../../applications/api/applications';
import { useMyCompanies } from '../../companies/api/companies';
import { callAttachmentUrl } from '../api/call-admin';
import { type Call, useCall, useEligibility } from '../api/calls';
import { CallHeader, describeRule, fileSizeText, formatRatio } from './call-ui';

function ApplyPanel({ call }: { call: Call }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const user = useUser();
  const navigate = useNavigate();
  const companyUser = !!user && COMPANY_ROLES.includes(user.role);
  const mine = useMyCompanies(companyUser);
  const company = mine.data?.items.find((i) => i.membership.status === 'active')?.company;
  // the caller's applications (one cached list, shared with 내 신청): a draft is continued, not restarted
  const myApps = useMyApplications(companyUser && call.status === 'open');
  const existing = myApps.data?.items.find(
    (a) => a.callId === call.id && a.companyId === company?.id && a.status !== 'withdrawn',
  );
  const eligibility = useEligibility(call.id, call.status === 'open' && !existing ? company?.id : undefined);
  const start = useStartApplication(call.id);
  if (user === undefined) return null;
  if (call.status === 'draft')
    return (
      <Alert tone="warning" live={false} title={t('callEditor.detail.previewTitle')}>
        <p>{t('callEditor.detail.previewBody')}</p>
        {isStaffRole(user?.role) && (
          <p>
            <Link to={`/staff/calls/${call.id}`} className="app-link">
              {t('callEditor.detail.backToManage')}
            </Link>
          </p>
        )}
      </Alert>
    );
  if (call.status !== 'open')
    return (
      <Alert tone="info" live={false}>
        {call.status === 'published'
          ? t('calls.apply.notYet', { at: formatDateTime(call.opensAt, lang) })
          : t('calls.apply.closed')}
      </Alert>
    );
  if (!user)
    return (
      <Alert tone="info" live={false} title={t('calls.apply.signInTitle')}>
        <p>{t('calls.apply.signInBody')}</p>
        <p className="app-cta">
          <Link to="/login" className="krds-btn medium primary">
            {t('home.ctaSignIn')}
          </Link>
          <Link to="/signup" className="krds-btn medium secondary">
            {t('home.ctaSignUp')}
          </Link>
        </p>
      </Alert>
    );
  if (!companyUser) return null;
  if (mine.isPending) return <Loading />;
  if (!company)
    return (
      <Alert tone="warning" live={false} title={t('calls.apply.noCompanyTitle')}>
        <p>{t('calls.apply.noCompanyBody')}</p>
        <p>
          <Link to="/my/company" className="app-link">
            {t('nav.myCompany')}
          </Link>
        </p>
      </Alert>
    );
  if (myApps.isPending) return <Loading />;
  if (existing)
    return (
      <Section id="apply" title={t('calls.apply.title')}>
        {existing.status === 'draft' || existing.status === 'supplement_requested' ? (
          <>
            <p>{t('appForm.draftExists')}</p>
            <Link to={`/applications/${existing.id}`} className="krds-btn large primary">
              {t('appForm.continue')}
            </Link>
          </>
        ) : (
          <>
            <p>{t('appForm.alreadyApplied', { receiptNo: existing.receiptNo ?? '' })}</p>
            <Link to={`/applications/${existing.id}`} className="krds-btn medium secondary">
              {t('appForm.viewApplication')}
            </Link>
          </>
        )}
      </Section>
    );
  const result = eligibility.data;
  return (
    <Section id="apply" title={t('calls.apply.title')}>
      <p>{t('calls.apply.as', { name: withJosa(company.name, '으로/로', lang) })}</p>
      {eligibility.isPending && <Loading label={t('calls.apply.checking')} />}
      {eligibility.error && <ErrorAlert error={eligibility.error} />}
      {result && (
        <Alert
          tone={result.eligible ? 'success' : 'warning'}
          live={false}
          title={result.eligible ? t('calls.apply.eligible') : t('calls.apply.notEligible')}
        >
          <ul className="app-check-list">
            {result.checks.map((c) => (
              <li key={c.type}>
                <span aria-hidden="true">{c.ok ? '✔' : '✖'}</span>
                <span>
                  <span className="sr-only">
                    {c.ok ? t('calls.apply.checkOk') : t('calls.apply.checkFail')}{' '}
                  </span>
                  {lang === 'ko' ? c.reason.ko : c.reason.en || c.reason.ko}
                </span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {start.error && (
        <ErrorAlert
          error={start.error}
          extra={isApiError(start.error) ? start.error.fields.map((f) => f.message) : undefined}
        />
      )}
      {result?.eligible && (
        <button
          type="button"
          className="krds-btn large primary"
          disabled={start.isPending}
          onClick={() => start.mutate(company.id, { onSuccess: (a) => navigate(`/applications/${a.id}`) })}
        >
          {start.isPending ? t('common.working') : t('calls.apply.start')}
        </button>
      )}
    </Section>
  );
}

export function CallDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = currentLang();
  const call = useCall(id);
  if (call.isPending) return <Loading />;
  if (call.error) return <ErrorAlert error={call.error} />;
  const c = call.data;
  const program = lang === 'ko' ? c.programNameKo : c.programNameEn || c.programNameKo;
  return (
    <>
      <CallHeader call={c} back={{ to: '/calls', label: t('calls.backToList') }}>
        <span>
          {t(`calls.module.${c.module}`)} · {program}
        </span>
      </CallHeader>
      <ApplyPanel call={c} />
      <Section id="schedule" title={t('calls.scheduleTitle')}>
        <FieldRows
          rows={[
            { label: t('calls.opensAt'), value: formatDateTime(c.opensAt, lang) },
            { label: t('calls.closesAt'), value: formatDateTime(c.closesAt, lang) },
            { label: t('calls.evaluationAt'), value: formatDateTime(c.evaluationAt, lang) },
            { label: t('calls.announceAt'), value: formatDateTime(c.announceAt, lang) },
          ]}
        />
        <p className="app-muted">{t('calls.kstNote')}</p>
      </Section>
      <Section id="scale" title={t('calls.scaleTitle')}>
        <FieldRows
          rows={[
            { label: t('calls.capacity'), value: t('calls.firms', { n: formatNumber(c.capacity, lang) }) },
            { label: t('calls.perFirmCap'), value: formatKrw(c.perFirmCap, lang) },
            { label: t('calls.totalBudget'), value: formatKrw(c.totalBudget, lang) },
            {
              label: t('calls.competition'),
              value: `${formatRatio(c.competitionRatio)} (${t('calls.applicants', { n: formatNumber(c.submittedCount, lang) })})`,
            },
          ]}
        />
      </Section>
      {c.body && (
        <Section id="body" title={t('calls.bodyTitle')}>
          <Markdown source={c.body} />
        </Section>
      )}
      {c.attachments.length > 0 && (
        <Section id="attachments" title={t('callEditor.detail.attachmentsTitle')}>
          <ul className="app-files">
            {c.attachments.map((f) => (
              <li key={f.id}>
                <a className="app-link" href={callAttachmentUrl(c.id, f.id)} download={f.name}>
                  {f.name}
                </a>{' '}
                <span className="app-muted">({fileSizeText(f.size, lang)})</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section id="eligibility" title={t('calls.eligibilityTitle')}>
        {c.eligibility.length === 0 ? (
          <p>{t('calls.rules.none')}</p>
        ) : (
          <ul className="app-list">
            {c.eligibility.map((r) => (
              <li key={r.type}>{describeRule(r, t, lang)}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section id="documents" title={t('calls.documentsTitle')}>
        {c.requiredDocuments.length === 0 ? (
          <p>{t('calls.noDocuments')}</p>
        ) : (
          <ul className="app-list">
            {c.requiredDocuments.map((d) => (
              <li key={d.key}>
                {lang === 'ko' ? d.ko : d.en || d.ko}{' '}
                <span className="app-muted">
                  ({d.required ? t('calls.docRequired') : t('calls.docOptional')})
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
