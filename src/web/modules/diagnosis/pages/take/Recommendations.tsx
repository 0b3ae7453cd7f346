import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../components/Alert';
import { LinkAlert } from '../../../../components/LinkAlert';
import { Loading } from '../../../../components/Loading';
import { Section } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';
import { formatDateTime } from '../../../../lib/format';
import { useRecommendations } from '../../api/diagnosis';
import { say } from './diagnosis-ui';

/** Programs recommended by the staff's rules, with the reasons and the open calls the firm may apply to. */
export function Recommendations({ diagnosisId }: { diagnosisId: string }) {
  const { t } = useTranslation();
  const lang = currentLang();
  const recs = useRecommendations(diagnosisId);
  return (
    <Section id="dx-recommendations" title={t('diagnosis.recs.title')}>
      {recs.isPending ? (
        <Loading />
      ) : recs.error ? (
        <ErrorAlert error={recs.error} />
      ) : recs.data.items.length === 0 ? (
        <LinkAlert to="/calls" link={t('diagnosis.recs.allCalls')}>
          {t('diagnosis.recs.none')}
        </LinkAlert>
      ) : (
        <>
          <p className="app-lead">{t('diagnosis.recs.lead')}</p>
          <ul className="app-cards dx-recs">
            {recs.data.items.map((r) => (
              <li key={r.programCode} className="app-card">
                <h3 className="app-h3">{say(r.programName, lang)}</h3>
                <div>
                  <p className="dx-recs__label">{t('diagnosis.recs.why')}</p>
                  <ul className="app-list">
                    {r.reasons.map((reason) => (
                      <li key={reason.ruleId}>{say(reason.text, lang)}</li>
                    ))}
                  </ul>
                </div>
                <div className="app-card__example">
                  {r.calls.length ? (
                    <>
                      <p className="dx-recs__label">{t('diagnosis.recs.openCalls')}</p>
                      <ul className="app-list">
                        {r.calls.map((c) => (
                          <li key={c.id}>
                            <Link to={`/calls/${c.id}`} className="app-link">
                              {c.title}
                            </Link>{' '}
                            <span className="app-nowrap">
                              ({t('diagnosis.recs.closes', { at: formatDateTime(c.closesAt, lang) })})
                            </span>
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : (
                    <p>{t('diagnosis.recs.noCalls')}</p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
