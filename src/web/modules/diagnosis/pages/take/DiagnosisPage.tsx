import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../../components/Alert';
import { Loading } from '../../../../components/Loading';
import { PageHeader, Section } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';
import { formatDateTime } from '../../../../lib/format';
import { isStaffRole } from '../../../../lib/roles';
import { useUser } from '../../../accounts/api/auth';
import { type Diagnosis, useDiagnosis, useTimeline } from '../../api/diagnosis';
import { AnswerProgress, isAnswered, progressOf, say } from './diagnosis-ui';
import { Questionnaire } from './Questionnaire';
import { ResultView } from './ResultView';
import { StartButton } from './StartButton';
import '../../styles/diagnosis.css';

/** Staff looking at a draft: how far the firm got, per dimension; answers are the firm's until submitted. */
function DraftProgress({ d }: { d: Diagnosis }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const p = progressOf(d.instrument, d.answers);
  return (
    <Section id="dx-draft" title={t('diagnosis.staff.draftTitle')}>
      <Alert live={false}>
        <p>{t('diagnosis.staff.draftBody', { at: formatDateTime(d.updatedAt, lang) })}</p>
      </Alert>
      <AnswerProgress answered={p.answered} total={p.total} />
      <ul className="app-list">
        {d.instrument.dimensions.map((dim) => (
          <li key={dim.key}>
            {t('diagnosis.staff.dimProgress', {
              title: say(dim.title, lang),
              answered: dim.questions.filter((q) => isAnswered(d.answers[q.key])).length,
              total: dim.questions.length,
            })}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** For the SME on a result: 다시 진단하기 when this is the company's latest, or back to the draft under way. */
function Reassess({ d }: { d: Diagnosis }) {
  const { t } = useTranslation();
  const timeline = useTimeline(d.companyId);
  const items = timeline.data?.items ?? [];
  const draft = items.find((i) => i.status === 'draft');
  const latest = items
    .filter((i) => i.status === 'submitted')
    .reduce<(typeof items)[number] | undefined>(
      (a, b) => (!a || (b.seq ?? 0) > (a.seq ?? 0) ? b : a),
      undefined,
    );
  if (!timeline.data || (!draft && latest?.id !== d.id)) return null;
  return (
    <StartButton
      companyId={d.companyId}
      size="medium"
      tone="secondary"
      label={draft ? t('diagnosis.home.continue') : t('diagnosis.result.reassess')}
    />
  );
}

function DiagnosisBody({ d }: { d: Diagnosis }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const user = useUser();
  const staff = isStaffRole(user?.role);
  const submitted = d.status === 'submitted' && d.result;
  const title = submitted
    ? t('diagnosis.result.title', { label: d.label ?? '' })
    : staff
      ? t('diagnosis.staff.draftHeading')
      : say(d.instrument.title, lang);
  return (
    <>
      <p className="app-breadcrumb">
        {staff ? (
          <Link to={`/companies/${d.companyId}`} className="app-link">
            {t('diagnosis.staff.backToCompany', { name: d.companyName })}
          </Link>
        ) : (
          <Link to="/diagnosis" className="app-link">
            {t('diagnosis.backHome')}
          </Link>
        )}
      </p>
      <PageHeader
        title={title}
        docTitle={`${title} · ${d.companyName}`}
        lead={
          <p className="app-badges">
            <span>{d.companyName}</span>
            {submitted && d.submittedAt && (
              <span>{t('diagnosis.result.submittedAt', { at: formatDateTime(d.submittedAt, lang) })}</span>
            )}
          </p>
        }
        actions={submitted && user?.role === 'sme' ? <Reassess d={d} /> : undefined}
      />
      {submitted ? (
        <ResultView diagnosis={d} staff={staff} />
      ) : user?.role === 'sme' ? (
        <>
          {d.instrument.description && (
            <p className="app-lead dx-intro">{say(d.instrument.description, lang)}</p>
          )}
          <Questionnaire diagnosis={d} />
        </>
      ) : (
        <DraftProgress d={d} />
      )}
    </>
  );
}

export function DiagnosisPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useDiagnosis(id);
  if (q.isPending) return <Loading />;
  if (q.error)
    return (
      <>
        <PageHeader title={t('diagnosis.home.title')} />
        <ErrorAlert error={q.error} />
      </>
    );
  // keyed by status: after submitting, the result replaces the questionnaire and its heading takes focus
  return <DiagnosisBody key={`${q.data.id}-${q.data.status}`} d={q.data} />;
}
