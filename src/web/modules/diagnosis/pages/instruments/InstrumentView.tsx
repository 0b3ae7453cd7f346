import { useTranslation } from 'react-i18next';
import type {
  Dimension,
  InstrumentContent,
  Question,
} from '../../../../../server/modules/diagnosis/instrument-contract';
import { Badge } from '../../../../components/Badge';
import { Section } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';

type Wording = { ko: string; en?: string } | undefined;
/** The wording in the UI language, falling back to Korean (as the SME's page does). */
export function useWording() {
  const lang = currentLang();
  return (w: Wording) => (w ? (lang === 'en' && w.en ? w.en : w.ko) : '');
}

/** How an SME sees one question: its wording, help and the answers to choose from (with points for staff). */
function QuestionPreview({ q, n }: { q: Question; n: number }) {
  const { t } = useTranslation();
  const w = useWording();
  const fixed =
    q.type === 'yesPartlyNo'
      ? (['yes', 'partly', 'no'] as const)
      : q.type === 'status'
        ? (['done', 'planned', 'no'] as const)
        : null;
  return (
    <li className="dxa-preview__q">
      <p className="dxa-preview__text">
        <span className="dxa-preview__n">{n}.</span> {w(q.text) || t('diagnosisAdmin.preview.noText')}
        {q.required === false && <span className="app-opt-tag">{t('diagnosisAdmin.preview.optional')}</span>}
      </p>
      {q.help && <p className="app-muted">{w(q.help)}</p>}
      <p className="app-badges">
        <Badge tone="secondary">{t(`diagnosisAdmin.types.${q.type}`)}</Badge>
        <span className="app-muted">
          {t('diagnosisAdmin.preview.keyWeight', { key: q.key, weight: q.weight ?? 1 })}
        </span>
      </p>
      {(q.type === 'single' || q.type === 'multi') && (
        <ul className={`dxa-preview__choices dxa-preview__choices--${q.type}`}>
          {q.options.map((o) => (
            <li key={o.value}>
              {w(o.label) || o.value}{' '}
              <span className="app-muted">{t('diagnosisAdmin.preview.points', { n: o.points })}</span>
              {o.exclusive && <span className="app-muted"> · {t('diagnosisAdmin.option.exclusive')}</span>}
            </li>
          ))}
        </ul>
      )}
      {q.type === 'multi' && q.allowPlanned && (
        <p className="app-muted">{t('diagnosisAdmin.preview.planned')}</p>
      )}
      {q.type === 'scale' && (
        <p className="dxa-preview__scale">
          <span>0 {w(q.minLabel)}</span>
          <span aria-hidden="true">— 1 — 2 — 3 — 4 —</span>
          <span>5 {w(q.maxLabel)}</span>
        </p>
      )}
      {fixed && (
        <ul className="dxa-preview__choices dxa-preview__choices--single">
          {fixed.map((v, i) => (
            <li key={v}>
              {t(`diagnosisAdmin.answers.${v}`)}{' '}
              <span className="app-muted">{t('diagnosisAdmin.preview.share', { n: [100, 50, 0][i] })}</span>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A dimension's questions as the SME sees them. */
export function DimensionPreview({ d }: { d: Dimension }) {
  const w = useWording();
  return (
    <div className="dxa-preview">
      {d.description && <p>{w(d.description)}</p>}
      <ol className="app-stack">
        {d.questions.map((q, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a draft's keys may repeat until it is saved
          <QuestionPreview key={`${q.key}-${i}`} q={q} n={i + 1} />
        ))}
      </ol>
    </div>
  );
}

/** A whole version, read-only: stages and every dimension with its questions. */
export function InstrumentView({ content }: { content: InstrumentContent }) {
  const { t } = useTranslation();
  const w = useWording();
  return (
    <>
      <Section title={t('diagnosisAdmin.stages.title')} id="dxa-stages-view">
        <ol className="dxa-stage-list">
          {content.stages.map((s, i) => {
            const next = content.stages[i + 1];
            return (
              <li key={s.stage}>
                <strong>
                  {t('diagnosisAdmin.stages.name', { n: s.stage })} {w(s.label)}
                </strong>{' '}
                <span className="app-muted">
                  {next
                    ? t('diagnosisAdmin.stages.range', { min: s.min, max: next.min })
                    : t('diagnosisAdmin.stages.rangeLast', { min: s.min })}
                </span>
              </li>
            );
          })}
        </ol>
      </Section>
      {content.dimensions.map((d, i) => (
        <Section
          key={d.key}
          id={`dxa-view-${d.key}`}
          title={t('diagnosisAdmin.dimension.heading', { n: i + 1, title: w(d.title) })}
          actions={
            <span className="app-muted">
              {t('diagnosisAdmin.preview.keyWeight', { key: d.key, weight: d.weight ?? 1 })}
            </span>
          }
        >
          <DimensionPreview d={d} />
        </Section>
      ))}
    </>
  );
}
