import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LiveStatus } from '../../../../components/Alert';
import { currentLang, type Lang } from '../../../../i18n';
import { download, type Query } from '../../../../lib/api-client';
import { formatNumber } from '../../../../lib/format';
import { pick } from '../../../applications/pages/answer-view';
import { useCurrentInstrument } from '../../api/diagnosis';
import '../../styles/diagnosis-stats.css';

/** Shared pieces of the staff's diagnosis pages: stat cards, score/count/delta formats, XLSX button. */

const one = (n: number, lang: Lang) =>
  n.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A score with its unit: 42.3점 / 42.3 pts; an em dash when there is none. */
export function useFormats() {
  const { t } = useTranslation();
  const lang = currentLang();
  return useMemo(
    () => ({
      lang,
      score: (n: number | null | undefined) =>
        n === null || n === undefined ? '—' : t('diagnosisStats.unit.points', { n: one(n, lang) }),
      firms: (n: number | null | undefined) =>
        t('diagnosisStats.unit.firms', { n: formatNumber(n ?? 0, lang) }),
      count: (n: number | null | undefined) =>
        t('diagnosisStats.unit.count', { n: formatNumber(n ?? 0, lang) }),
      pct: (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 1000) / 10}%` : '—'),
      one: (n: number) => one(n, lang),
      /** +5.2점 / −1.0점 */
      signed: (n: number | null | undefined) =>
        n === null || n === undefined
          ? '—'
          : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${t('diagnosisStats.unit.points', { n: one(Math.abs(n), lang) })}`,
    }),
    [t, lang],
  );
}

export interface Stat {
  label: string;
  value: string;
  note?: string;
}

/** A row of summary figures (KRDS-style stat cards). */
export function StatList({ items, label }: { items: Stat[]; label: string }) {
  return (
    <ul className="app-stats app-stats--compact dxs-stats" aria-label={label}>
      {items.map((s) => (
        <li key={s.label}>
          <span className="app-stats__label">{s.label}</span>
          <strong className="app-stats__value">{s.value}</strong>
          {s.note && <span className="app-stats__note">{s.note}</span>}
        </li>
      ))}
    </ul>
  );
}

/** A change in points: ▲ +5.2점 (상승) — the arrow and the sign carry the meaning, not the colour. */
export function Delta({ value }: { value: number | null | undefined }) {
  const { t } = useTranslation();
  const f = useFormats();
  if (value === null || value === undefined) return <span className="app-muted">—</span>;
  const dir = value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
  const arrow = dir === 'up' ? '▲' : dir === 'down' ? '▼' : '–';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  return (
    <span className={`dxs-delta dxs-delta--${dir}`}>
      <span aria-hidden="true">{arrow} </span>
      {sign}
      {t('diagnosisStats.unit.points', { n: f.one(Math.abs(value)) })}
      <span className="dxs-delta__word"> {t(`diagnosisStats.delta.${dir}`)}</span>
    </span>
  );
}

/** A filter form's buttons: apply, and reset once a filter is in force. */
export function FilterActions({
  submitLabel,
  onReset,
}: {
  submitLabel: string;
  /** shown when a filter is in force */
  onReset?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="dxs-filters__actions">
      <button type="submit" className="krds-btn large primary">
        {submitLabel}
      </button>
      {onReset && (
        <button type="button" className="krds-btn large secondary" onClick={onReset}>
          {t('common.reset')}
        </button>
      )}
    </div>
  );
}

/** "XLSX 내려받기" for an endpoint that answers `format=xlsx` with the given filters. */
export function XlsxButton({ path, query }: { path: string; query: Query }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const run = async () => {
    setBusy(true);
    setError(null);
    setDone('');
    try {
      const filename = await download(path, { ...query, format: 'xlsx' });
      setDone(t('export.done', { filename }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="dxs-export">
      <button type="button" className="krds-btn medium secondary" onClick={() => void run()} disabled={busy}>
        {t('diagnosisStats.xlsx')}
      </button>
      <LiveStatus className="app-muted">{busy ? t('export.preparing') : done}</LiveStatus>
      <ErrorAlert error={error} />
    </div>
  );
}

/** "2단계 초기" from the current instrument's stage names (or just "2단계"). */
export function useStageName() {
  const { t } = useTranslation();
  const lang = currentLang();
  const instrument = useCurrentInstrument();
  const stages = instrument.data?.content.stages ?? [];
  return (stage: number) => {
    const s = stages[stage - 1];
    const label = s ? pick(s.label, lang) : '';
    return label
      ? t('diagnosisStats.stageNamed', { n: stage, label })
      : t('diagnosisStats.stageN', { n: stage });
  };
}
