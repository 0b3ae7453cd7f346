import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, ErrorAlert } from '../../../../components/Alert';
import { SelectField } from '../../../../components/Field';
import { Loading } from '../../../../components/Loading';
import { PageHeader, Section } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';
import { type MyCompany, useMyCompanies } from '../../../companies/api/companies';
import { useCurrentInstrument, useTimeline } from '../../api/diagnosis';
import { say } from './diagnosis-ui';
import { StartButton } from './StartButton';
import { Timeline } from './Timeline';
import '../../styles/diagnosis.css';

/** What the diagnosis is: time, the six areas, the comparison, recommendations and the report. */
function About() {
  const { t } = useTranslation();
  const lang = currentLang();
  const instrument = useCurrentInstrument();
  const dims = instrument.data?.content.dimensions ?? [];
  const questions = dims.reduce((n, d) => n + d.questions.length, 0);
  return (
    <Section id="dx-about" title={t('diagnosis.home.aboutTitle')}>
      <ol className="app-steps dx-about">
        <li>
          <strong>{t('diagnosis.home.about1Title')}</strong>
          <p>
            {questions
              ? t('diagnosis.home.about1BodyN', { dims: dims.length, questions })
              : t('diagnosis.home.about1Body')}
          </p>
          {dims.length > 0 && <p className="app-muted">{dims.map((d) => say(d.title, lang)).join(' · ')}</p>}
        </li>
        <li>
          <strong>{t('diagnosis.home.about2Title')}</strong>
          <p>{t('diagnosis.home.about2Body')}</p>
        </li>
        <li>
          <strong>{t('diagnosis.home.about3Title')}</strong>
          <p>{t('diagnosis.home.about3Body')}</p>
        </li>
      </ol>
    </Section>
  );
}

function CompanyDiagnoses({ company }: { company: MyCompany['company'] }) {
  const { t } = useTranslation();
  const instrument = useCurrentInstrument();
  const timeline = useTimeline(company.id);
  const stages = instrument.data?.content.stages ?? [];
  const lang = currentLang();
  const stageLabel = (n: number) => say(stages.find((s) => s.stage === n)?.label, lang);
  if (timeline.isPending) return <Loading />;
  if (timeline.error) return <ErrorAlert error={timeline.error} />;
  const items = timeline.data.items;
  const draft = items.find((i) => i.status === 'draft');
  const submitted = items.filter((i) => i.status === 'submitted');
  const label = draft
    ? t('diagnosis.home.continue')
    : submitted.length
      ? t('diagnosis.result.reassess')
      : t('diagnosis.home.start');
  return (
    <>
      <div className="dx-start">
        <p className="dx-start__company">{company.name}</p>
        <p>
          {draft
            ? t('diagnosis.home.draftNote')
            : submitted.length
              ? t('diagnosis.home.reassessNote')
              : t('diagnosis.home.startNote')}
        </p>
        <div className="app-cta">
          <StartButton companyId={company.id} label={label} />
        </div>
      </div>
      <About />
      <Section id="dx-timeline" title={t('diagnosis.home.timelineTitle')}>
        {items.length ? (
          <Timeline items={items} stageLabel={stageLabel} />
        ) : (
          <p>{t('diagnosis.home.noDiagnoses')}</p>
        )}
      </Section>
    </>
  );
}

function NoCompany({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="warning"
      live={false}
      title={pending ? t('diagnosis.home.pendingTitle') : t('diagnosis.home.noCompanyTitle')}
    >
      <p>{pending ? t('diagnosis.home.pendingBody') : t('diagnosis.home.noCompanyBody')}</p>
      <p>
        <Link to="/my/company" className="app-link">
          {t('diagnosis.home.toMyCompany')}
        </Link>
      </p>
    </Alert>
  );
}

export function DiagnosisHomePage() {
  const { t } = useTranslation();
  const mine = useMyCompanies();
  const [chosen, setChosen] = useState<string>('');
  const active = (mine.data?.items ?? []).filter((m) => m.membership.status === 'active');
  const company = active.find((m) => m.company.id === chosen)?.company ?? active[0]?.company;
  return (
    <>
      <PageHeader title={t('diagnosis.home.title')} lead={<p>{t('diagnosis.home.lead')}</p>} />
      {mine.isPending ? (
        <Loading />
      ) : mine.error ? (
        <ErrorAlert error={mine.error} />
      ) : !company ? (
        <>
          <NoCompany pending={(mine.data.items ?? []).length > 0} />
          <About />
        </>
      ) : (
        <>
          {active.length > 1 && (
            <SelectField
              label={t('diagnosis.home.company')}
              value={company.id}
              onChange={(e) => setChosen(e.target.value)}
              options={active.map((m) => ({ value: m.company.id, label: m.company.name }))}
            />
          )}
          <CompanyDiagnoses key={company.id} company={company} />
        </>
      )}
    </>
  );
}
