import { useTranslation } from 'react-i18next';
import { Alert, ErrorAlert } from '../../../components/Alert';
import { Loading } from '../../../components/Loading';
import { currentLang } from '../../../i18n';
import { brn, district, formatDateTime, formatKrw } from '../../../lib/format';
import { type HistoryEntry, useCompanyHistory } from '../api/companies';

/** Internal columns never worth showing in a change list. */
const HIDDEN = new Set(['id', 'nameKey', 'createdAt', 'updatedAt', 'version', 'mergedIntoId']);

function show(v: unknown, empty: string): string {
  if (v === null || v === undefined || v === '') return empty;
  if (Array.isArray(v)) return v.length ? v.map((x) => show(x, empty)).join(', ') : empty;
  if (typeof v === 'object') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  return String(v);
}

/** Enum-valued fields whose codes have labels. */
const ENUM_FIELDS: Record<string, string> = {
  sizeClass: 'enums.sizeClass',
  provenance: 'enums.provenance',
  dxInterests: 'enums.dxInterest',
  role: 'enums.memberRole',
  status: 'enums.memberStatus',
};

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

function Changes({ entry }: { entry: HistoryEntry }) {
  const { t, i18n } = useTranslation();
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  // Fields empty on both sides (or an unset flag on a new record) say nothing: leave them out.
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (k) =>
      !HIDDEN.has(k) &&
      !(isEmpty(before[k]) && (isEmpty(after[k]) || after[k] === false)) &&
      JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
  if (keys.length === 0) return null;
  const label = (k: string) => (i18n.exists(`companyFields.${k}`) ? t(`companyFields.${k}`) : k);
  const empty = t('history.empty');
  const lang = currentLang();
  const value = (k: string, v: unknown): string => {
    const prefix = ENUM_FIELDS[k];
    const one = (x: unknown) => {
      if (prefix && typeof x === 'string' && i18n.exists(`${prefix}.${x}`)) return t(`${prefix}.${x}`);
      if (k === 'district' && typeof x === 'string') return district(x, lang);
      if (k === 'revenue' && typeof x === 'number') return formatKrw(x, lang);
      if (k === 'brn' && typeof x === 'string') return brn(x);
      return x;
    };
    return show(Array.isArray(v) ? v.map(one) : one(v), empty);
  };
  return (
    <table className="app-changes">
      <caption>{t('history.changesCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('history.field')}</th>
          <th scope="col">{t('history.before')}</th>
          <th scope="col">{t('history.after')}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k}>
            <th scope="row">{label(k)}</th>
            <td>{isEmpty(before[k]) ? empty : <del className="app-del">{value(k, before[k])}</del>}</td>
            <td>{isEmpty(after[k]) ? empty : <ins className="app-ins">{value(k, after[k])}</ins>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The company's audit trail: action, who, when (KST) and each changed field before → after. */
export function CompanyHistory({ companyId }: { companyId: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang();
  const history = useCompanyHistory(companyId);
  if (history.isPending) return <Loading />;
  if (history.error) return <ErrorAlert error={history.error} />;
  if (history.data.items.length === 0)
    return (
      <Alert tone="info" live={false}>
        {t('history.none')}
      </Alert>
    );
  return (
    <ol className="app-history">
      {history.data.items.map((e) => (
        <li key={e.id} className="app-history__item">
          <p className="app-history__head">
            <strong>{i18n.exists(`audit.${e.action}`) ? t(`audit.${e.action}`) : e.action}</strong>
            <span>{e.actorName ?? t('history.system')}</span>
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>
          </p>
          <Changes entry={e} />
        </li>
      ))}
    </ol>
  );
}
