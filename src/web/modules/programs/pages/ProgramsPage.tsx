import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROGRAM_MODULES, type ProgramModule } from '../../../../shared/enums';
import { ErrorAlert } from '../../../components/Alert';
import { Badge } from '../../../components/Badge';
import { Chart } from '../../../components/charts/Chart';
import { Loading } from '../../../components/Loading';
import { PageHeader, Section } from '../../../components/Page';
import { currentLang, type Lang } from '../../../i18n';
import { formatKrwCompact } from '../../../lib/format';
import { type Program, usePrograms } from '../api/programs';

/** the DX self-diagnosis program: taken online at any time, no call */
const SELF_DIAGNOSIS = 'DXD';
const years = (items: Program[]) => [...new Set(items.flatMap((p) => p.budgets.map((b) => b.year)))].sort();
const budgetOf = (p: Program, year: number) => p.budgets.find((b) => b.year === year)?.amount ?? 0;

function ProgramCard({ p, lang }: { p: Program; lang: Lang }) {
  const { t } = useTranslation();
  const name = lang === 'en' && p.nameEn ? p.nameEn : p.nameKo;
  const summary = lang === 'en' && p.summaryEn ? p.summaryEn : p.summaryKo;
  return (
    <li className="app-card" id={`program-${p.code}`}>
      <p className="app-card__eyebrow">
        {p.code}
        {lang === 'ko' && p.nameEn && (
          <>
            {' · '}
            <span lang="en">{p.nameEn}</span>
          </>
        )}
      </p>
      <h3 className="app-h3">{name}</h3>
      <p>{summary}</p>
      <dl className="app-program-facts">
        {p.target && (
          <div>
            <dt>{t('programs.target')}</dt>
            <dd>{p.target}</dd>
          </div>
        )}
        {p.owner && (
          <div>
            <dt>{t('programs.owner')}</dt>
            <dd>{p.owner}</dd>
          </div>
        )}
        {p.budgets.length > 0 && (
          <div>
            <dt>{t('programs.budget')}</dt>
            <dd>
              {p.budgets
                .map((b) =>
                  t('programs.budgetYear', { year: b.year, amount: formatKrwCompact(b.amount, lang) }),
                )
                .join(' · ')}
            </dd>
          </div>
        )}
      </dl>
      <p className="app-card__example">
        {p.code === SELF_DIAGNOSIS ? (
          <Link to="/diagnosis" className="app-link">
            {t('programs.takeDiagnosis')}
          </Link>
        ) : p.openCalls > 0 ? (
          <>
            <Badge tone="success">{t('programs.openCalls', { n: p.openCalls })}</Badge>{' '}
            <Link to={`/calls?module=${p.module}&status=open`} className="app-link">
              {t('programs.seeCalls')}
              <span className="sr-only">: {name}</span>
            </Link>
          </>
        ) : (
          t('programs.noOpenCalls')
        )}
      </p>
    </li>
  );
}

/** 사업 안내: the program catalog by the platform's 4 modules, with yearly budgets. */
export function ProgramsPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const programs = usePrograms();
  const items = programs.data?.items ?? [];
  const ys = years(items);
  const byModule = (m: ProgramModule) => items.filter((p) => p.module === m);
  const moduleName = (m: ProgramModule) => t(`home.modules.${m}.title`);

  return (
    <>
      <PageHeader title={t('programs.title')} lead={<p>{t('programs.lead', { n: items.length || 13 })}</p>} />
      {programs.isPending && <Loading />}
      {programs.error && <ErrorAlert error={programs.error} />}
      {items.length > 0 && (
        <>
          <nav className="app-toc" aria-label={t('programs.tocLabel')}>
            <ul>
              {PROGRAM_MODULES.map((m) => (
                <li key={m}>
                  <a href={`#module-${m}`}>
                    {moduleName(m)} ({byModule(m).length})
                  </a>
                </li>
              ))}
              <li>
                <a href="#budget">{t('programs.budgetTitle')}</a>
              </li>
            </ul>
          </nav>
          {PROGRAM_MODULES.map((m) => (
            <Section key={m} id={`module-${m}`} title={`${moduleName(m)} · ${t(`home.modules.${m}.en`)}`}>
              <p className="app-lead">{t(`home.modules.${m}.body`)}</p>
              <ul className="app-cards">
                {byModule(m).map((p) => (
                  <ProgramCard key={p.id} p={p} lang={lang} />
                ))}
              </ul>
            </Section>
          ))}
          <Section id="budget" title={t('programs.budgetTitle')}>
            <Chart
              label={t('programs.budgetChartLabel')}
              height={280}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { bottom: 0 },
                grid: { left: 8, right: 8, top: 16, bottom: 40, containLabel: true },
                xAxis: { type: 'category', data: PROGRAM_MODULES.map(moduleName) },
                yAxis: {
                  type: 'value',
                  axisLabel: { formatter: (v: number) => formatKrwCompact(v, lang) },
                },
                series: ys.map((y) => ({
                  name: String(y),
                  type: 'bar',
                  data: PROGRAM_MODULES.map((m) => byModule(m).reduce((s, p) => s + budgetOf(p, y), 0)),
                })),
              }}
            >
              <div className="app-table-wrap">
                <table className="app-table">
                  <caption className="sr-only">{t('programs.budgetChartLabel')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('programs.module')}</th>
                      {ys.map((y) => (
                        <th key={y} scope="col">
                          {y}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {PROGRAM_MODULES.map((m) => (
                      <tr key={m}>
                        <th scope="row">{moduleName(m)}</th>
                        {ys.map((y) => (
                          <td key={y}>
                            {formatKrwCompact(
                              byModule(m).reduce((s, p) => s + budgetOf(p, y), 0),
                              lang,
                            )}
                          </td>
                        ))}
                      </tr>
                    ))}
                    <tr>
                      <th scope="row">{t('programs.total')}</th>
                      {ys.map((y) => (
                        <td key={y}>
                          <strong>
                            {formatKrwCompact(
                              items.reduce((s, p) => s + budgetOf(p, y), 0),
                              lang,
                            )}
                          </strong>
                        </td>
                      ))}
                    </tr>
                  </tbody>
                </table>
              </div>
            </Chart>
          </Section>
        </>
      )}
    </>
  );
}
