import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Alert } from '../../../components/Alert';
import { PageHeader, Section } from '../../../components/Page';
import { currentLang } from '../../../i18n';
import { formatKrwCompact } from '../../../lib/format';
import { COMPANY_ROLES, REGISTRY_ROLES } from '../../../lib/roles';
import { useUser } from '../../accounts/api/auth';

const MODULES = ['diagnosis', 'consulting', 'matching', 'support'] as const;

/** 2021 facts from the council report (seed). */
const FACTS = {
  targetFirms: 130,
  targetPeople: 500,
  applicants: 67,
  slots: 5,
  budget2020: 300_000_000,
  budget2021: 998_000_000,
};

function EntryPoints() {
  const { t } = useTranslation();
  const user = useUser();
  if (user === undefined) return null;
  if (!user)
    return (
      <div className="app-cta">
        <Link to="/signup" className="krds-btn large primary">
          {t('home.ctaSignUp')}
        </Link>
        <Link to="/login" className="krds-btn large secondary">
          {t('home.ctaSignIn')}
        </Link>
      </div>
    );
  return (
    <div className="app-cta">
      {COMPANY_ROLES.includes(user.role) && (
        <Link to="/my/company" className="krds-btn large primary">
          {t('nav.myCompany')}
        </Link>
      )}
      {REGISTRY_ROLES.includes(user.role) && (
        <Link to="/companies" className="krds-btn large primary">
          {t('nav.companies')}
        </Link>
      )}
    </div>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const location = useLocation();
  const lang = currentLang();
  const signedOut = (location.state as { signedOut?: 'here' | 'all' } | null)?.signedOut;
  const ratio = (FACTS.applicants / FACTS.slots).toFixed(1);
  return (
    <>
      {signedOut && (
        <Alert tone="success">{t(signedOut === 'all' ? 'home.signedOutAll' : 'home.signedOut')}</Alert>
      )}
      <div className="app-hero">
        <PageHeader title={t('home.title')} docTitle={t('home.docTitle')} lead={<p>{t('home.lead')}</p>} />
        <EntryPoints />
      </div>

      <Section id="modules" title={t('home.modulesTitle')}>
        <p className="app-lead">{t('home.modulesLead')}</p>
        <ul className="app-cards">
          {MODULES.map((m, i) => (
            <li key={m} className="app-card">
              <p className="app-card__eyebrow">
                {t('home.step', { n: i + 1 })} ·{' '}
                <span lang={lang === 'ko' ? 'en' : 'ko'}>{t(`home.modules.${m}.en`)}</span>
              </p>
              <h3 className="app-h3">{t(`home.modules.${m}.title`)}</h3>
              <p>{t(`home.modules.${m}.body`)}</p>
              <p className="app-card__example">
                <strong>{t('home.in2021')}</strong> {t(`home.modules.${m}.example`)}
              </p>
              <p>
                <Link to={`/calls?module=${m}`} className="app-link">
                  {t('home.programsLink')}
                  <span className="sr-only">: {t(`home.modules.${m}.title`)}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="facts" title={t('home.factsTitle')}>
        <ul className="app-stats">
          <li>
            <span className="app-stats__label">{t('home.facts.firms')}</span>
            <strong className="app-stats__value">
              {t('home.facts.firmsValue', { n: FACTS.targetFirms })}
            </strong>
          </li>
          <li>
            <span className="app-stats__label">{t('home.facts.people')}</span>
            <strong className="app-stats__value">
              {t('home.facts.peopleValue', { n: FACTS.targetPeople })}
            </strong>
          </li>
          <li>
            <span className="app-stats__label">{t('home.facts.ratio')}</span>
            <strong className="app-stats__value">{ratio}:1</strong>
            <span className="app-stats__note">
              {t('home.facts.ratioNote', { applicants: FACTS.applicants, slots: FACTS.slots })}
            </span>
          </li>
          <li>
            <span className="app-stats__label">{t('home.facts.budget')}</span>
            <strong className="app-stats__value">{formatKrwCompact(FACTS.budget2021, lang)}</strong>
            <span className="app-stats__note">
              {t('home.facts.budgetNote', { prev: formatKrwCompact(FACTS.budget2020, lang) })}
            </span>
          </li>
        </ul>
        <p className="app-muted">{t('home.factsSource')}</p>
      </Section>

      <Section id="how" title={t('home.howTitle')}>
        <ol className="app-steps">
          {(['signup', 'company', 'programs'] as const).map((s) => (
            <li key={s}>
              <h3 className="app-h3">{t(`home.how.${s}.title`)}</h3>
              <p>{t(`home.how.${s}.body`)}</p>
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
