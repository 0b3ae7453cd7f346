import { createColumnHelper } from '@tanstack/react-table';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert, LiveStatus } from '../../../../components/Alert';
import { SelectField, TextField } from '../../../../components/Field';
import { Loading } from '../../../../components/Loading';
import { PageHeader } from '../../../../components/Page';
import { PagedTable } from '../../../../components/PagedTable';
import { formatDate } from '../../../../lib/format';
import { toPage, useUrlState } from '../../../../lib/use-url-state';
import { usePrograms } from '../../../programs/api/programs';
import { type BeforeAfter, useBeforeAfter } from '../../api/diagnosis';
import { Delta, FilterActions, StatList, useFormats, useStageName, XlsxButton } from './common';
import { StaffDiagnosisNav } from './StaffDiagnosisNav';

type Item = BeforeAfter['items'][number];
type Point = Item['before'];
const KEYS = ['programCode', 'q', 'page'] as const;
const PAGE_SIZE = 20;
const col = createColumnHelper<Item>();

/** 지원 전후 비교: every supported firm's first diagnosis (T0) against its re-assessment (T1). */
export function BeforeAfterPage() {
  const { t } = useTranslation();
  const f = useFormats();
  const [s, update] = useUrlState(KEYS);
  const page = toPage(s.page);
  const filters = { programCode: s.programCode || undefined, q: s.q || undefined };
  const list = useBeforeAfter({ ...filters, page, pageSize: PAGE_SIZE });
  const columns = useColumns();
  const sum = list.data?.summary;

  return (
    <>
      <PageHeader
        title={t('diagnosisStats.beforeAfter.title')}
        lead={<p>{t('diagnosisStats.beforeAfter.lead')}</p>}
      />
      <StaffDiagnosisNav />
      <BeforeAfterFilters
        programCode={s.programCode}
        q={s.q}
        onApply={(v) => update({ ...v, page: undefined })}
      />
      {list.isPending && <Loading />}
      <ErrorAlert error={list.error} />
      {list.data && sum && (
        <>
          <StatList
            label={t('diagnosisStats.beforeAfter.summary')}
            items={[
              { label: t('diagnosisStats.beforeAfter.firms'), value: f.firms(sum.firms) },
              {
                label: t('diagnosisStats.reassessedFirms'),
                value: f.firms(sum.reassessed),
                note: t('diagnosisStats.beforeAfter.reassessedShare', {
                  pct: f.pct(sum.reassessed, sum.firms),
                }),
              },
              { label: t('diagnosisStats.beforeAfter.meanBefore'), value: f.score(sum.meanBefore) },
              { label: t('diagnosisStats.beforeAfter.meanAfter'), value: f.score(sum.meanAfter) },
              {
                label: t('diagnosisStats.meanDelta'),
                value: f.signed(sum.meanDelta),
                note: t('diagnosisStats.beforeAfter.deltaNote'),
              },
            ]}
          />
          <div className="dxs-toolbar">
            <LiveStatus className="app-total">
              {t('diagnosisStats.beforeAfter.total', { n: f.firms(list.data.total) })}
              {list.isFetching && !list.isPending ? ` · ${t('common.loading')}` : ''}
            </LiveStatus>
            <XlsxButton path="/diagnosis/before-after" query={filters} />
          </div>
          <PagedTable
            caption={(at) => t('diagnosisStats.beforeAfter.tableCaption', at)}
            columns={columns}
            data={list.data.items}
            getRowId={(r) => r.companyId}
            busy={list.isFetching}
            empty={t('diagnosisStats.beforeAfter.empty')}
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPage={(p) => update({ page: p })}
          />
        </>
      )}
    </>
  );
}

function BeforeAfterFilters({
  programCode,
  q,
  onApply,
}: {
  programCode: string;
  q: string;
  onApply: (v: { programCode: string; q: string }) => void;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const programs = usePrograms();
  const [draft, setDraft] = useState({ programCode, q });
  useEffect(() => setDraft({ programCode, q }), [programCode, q]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <search aria-label={t('diagnosisStats.beforeAfter.filtersLabel')}>
      <form onSubmit={submit} className="app-filters app-filters--row dxs-filters">
        <SelectField
          label={t('diagnosisStats.beforeAfter.program')}
          value={draft.programCode}
          onChange={(e) => setDraft((d) => ({ ...d, programCode: e.target.value }))}
          placeholder={t('diagnosisStats.beforeAfter.anyProgram')}
          options={(programs.data?.items ?? []).map((p) => ({
            value: p.code,
            label: `${p.code} · ${f.lang === 'en' ? p.nameEn || p.nameKo : p.nameKo}`,
          }))}
        />
        <TextField
          label={t('diagnosisStats.beforeAfter.q')}
          type="search"
          value={draft.q}
          maxLength={100}
          onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
        />
        <FilterActions
          submitLabel={t('common.search')}
          onReset={
            programCode || q
              ? () => {
                  setDraft({ programCode: '', q: '' });
                  onApply({ programCode: '', q: '' });
                }
              : undefined
          }
        />
      </form>
    </search>
  );
}

function useColumns() {
  const { t } = useTranslation();
  const f = useFormats();
  const stageName = useStageName();
  return useMemo(() => {
    const date = (p: Point | null) =>
      p ? <span className="app-nowrap">{formatDate(p.submittedAt, f.lang)}</span> : null;
    const score = (p: Point | null, which: 'T0' | 'T1') =>
      p ? (
        <Link
          to={`/diagnoses/${p.id}`}
          className="app-link app-nowrap"
          aria-label={t('diagnosisStats.beforeAfter.openDiagnosis', { which, score: f.score(p.overall) })}
        >
          {f.score(p.overall)}
        </Link>
      ) : (
        <span className="app-muted">{t('diagnosisStats.beforeAfter.notYet')}</span>
      );
    const stage = (p: Point | null) => (p ? <span className="app-nowrap">{stageName(p.stage)}</span> : null);
    /** date, score and stage of one side: T0 (before) or T1 (after) */
    const point = (
      side: 'before' | 'after',
      which: 'T0' | 'T1',
      [dateH, scoreH, stageH]: [string, string, string],
    ) => {
      const id = which.toLowerCase();
      return [
        col.display({ id: `${id}Date`, header: dateH, cell: (c) => date(c.row.original[side]) }),
        col.display({ id: `${id}Score`, header: scoreH, cell: (c) => score(c.row.original[side], which) }),
        col.display({ id: `${id}Stage`, header: stageH, cell: (c) => stage(c.row.original[side]) }),
      ];
    };
    return [
      col.accessor('companyName', {
        header: t('diagnosisStats.firm'),
        meta: { wrap: true },
        cell: (c) => (
          <Link to={`/companies/${c.row.original.companyId}`} className="app-link">
            {c.getValue()}
          </Link>
        ),
      }),
      col.accessor('supports', {
        header: t('diagnosisStats.beforeAfter.supports'),
        meta: { wrap: true },
        cell: (c) => (
          <ul className="dxs-supports">
            {c.getValue().map((p) => (
              <li key={`${p.programCode}-${p.year}`} className="krds-badge bg-light-secondary">
                {p.programCode} {p.year}
              </li>
            ))}
          </ul>
        ),
      }),
      ...point('before', 'T0', [
        t('diagnosisStats.beforeAfter.t0Date'),
        t('diagnosisStats.beforeAfter.t0Score'),
        t('diagnosisStats.beforeAfter.t0Stage'),
      ]),
      ...point('after', 'T1', [
        t('diagnosisStats.beforeAfter.t1Date'),
        t('diagnosisStats.beforeAfter.t1Score'),
        t('diagnosisStats.beforeAfter.t1Stage'),
      ]),
      col.accessor('delta', {
        header: t('diagnosisStats.change'),
        cell: (c) => (
          <span className="app-nowrap">
            <Delta value={c.getValue()} />
          </span>
        ),
      }),
    ];
  }, [t, f, stageName]);
}
