import { useQueryClient } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Fragment, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, LiveStatus } from '../../../../components/Alert';
import { DataTable } from '../../../../components/DataTable';
import { Loading } from '../../../../components/Loading';
import { PageHeader, Section } from '../../../../components/Page';
import { currentLang } from '../../../../i18n';
import { usePrograms } from '../../../programs/api/programs';
import {
  diagnosisKeys,
  type Rule,
  useCurrentInstrument,
  useDeleteRule,
  useRules,
  useSaveRule,
} from '../../api/diagnosis';
import { StaffDiagnosisNav } from '../staff/StaffDiagnosisNav';
import { conditionsText, conditionText } from './conditions';
import { ConfirmDialog } from './controls';
import { RuleDialog } from './RuleDialog';
import '../../styles/diagnosis-admin.css';

const col = createColumnHelper<Rule>();

/** 추천 규칙: which programs a diagnosis result recommends, and why. Rules are data staff edit. */
export function RulesPage() {
  const { t } = useTranslation();
  const lang = currentLang();
  const qc = useQueryClient();
  const rules = useRules();
  const programs = usePrograms();
  const instrument = useCurrentInstrument();
  const save = useSaveRule();
  const del = useDeleteRule();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Rule | null>(null);
  const [status, setStatus] = useState('');

  const dimensions = useMemo(
    () =>
      (instrument.data?.content.dimensions ?? []).map((d) => ({
        key: d.key,
        title: lang === 'en' && d.title.en ? d.title.en : d.title.ko,
      })),
    [instrument.data, lang],
  );
  const titles = useMemo(() => new Map(dimensions.map((d) => [d.key, d.title])), [dimensions]);
  const maxStage = instrument.data?.content.stages.length ?? 5;
  const programName = useMemo(() => {
    const m = new Map((programs.data?.items ?? []).map((p) => [p.code, lang === 'en' ? p.nameEn : p.nameKo]));
    return (code: string) => m.get(code) ?? code;
  }, [programs.data, lang]);

  const toggle = (rule: Rule, active: boolean) => {
    qc.setQueryData<{ items: Rule[] }>(diagnosisKeys.rules, (old) =>
      old ? { items: old.items.map((r) => (r.id === rule.id ? { ...r, active } : r)) } : old,
    );
    save.mutate(
      { id: rule.id, body: { active } },
      {
        onSuccess: () =>
          setStatus(
            t(active ? 'diagnosisAdmin.rules.activated' : 'diagnosisAdmin.rules.deactivated', {
              program: programName(rule.programCode),
            }),
          ),
        onError: () => qc.invalidateQueries({ queryKey: diagnosisKeys.rules }),
      },
    );
  };

  const columns = [
    col.accessor('programCode', {
      header: t('diagnosisAdmin.rules.program'),
      cell: (c) => (
        <>
          {programName(c.getValue())} <span className="app-muted">({c.getValue()})</span>
        </>
      ),
      meta: { wrap: true },
    }),
    // computed in `cell`, not an accessor: accessor values are cached per row, and the dimension titles
    // (current instrument) may arrive after the rules
    col.display({
      id: 'conditions',
      header: t('diagnosisAdmin.rules.conditions'),
      meta: { wrap: true },
      cell: (c) =>
        c.row.original.conditions.map((cond, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no id; their order is fixed
          <Fragment key={i}>
            {i > 0 && ` ${t('diagnosisAdmin.rules.and')} `}
            <span className="app-nowrap">{conditionText(cond, t, titles)}</span>
          </Fragment>
        )),
    }),
    col.display({
      id: 'reason',
      header: t('diagnosisAdmin.rules.reason'),
      meta: { wrap: true },
      cell: (c) => {
        const r = c.row.original.reason;
        return <span className="dxa-reason">{lang === 'en' && r.en ? r.en : r.ko}</span>;
      },
    }),
    col.accessor('priority', { header: t('diagnosisAdmin.rules.priority') }),
    col.display({
      id: 'active',
      header: t('diagnosisAdmin.rules.active'),
      cell: (c) => {
        const r = c.row.original;
        const id = `rule-active-${r.id}`;
        return (
          <div className="krds-form-toggle-switch medium">
            <input
              type="checkbox"
              role="switch"
              aria-checked={r.active}
              id={id}
              checked={r.active}
              onChange={(e) => toggle(r, e.target.checked)}
            />
            <label htmlFor={id}>
              <span className="switch-toggle" aria-hidden="true">
                <i />
              </span>
              <span className="sr-only">
                {t('diagnosisAdmin.rules.activeFor', {
                  program: programName(r.programCode),
                  conditions: conditionsText(r.conditions, t, titles),
                })}{' '}
              </span>
              {t(r.active ? 'diagnosisAdmin.rules.on_' : 'diagnosisAdmin.rules.off_')}
            </label>
          </div>
        );
      },
    }),
    col.display({
      id: 'actions',
      header: t('common.actions'),
      cell: (c) => {
        const r = c.row.original;
        const name = `${programName(r.programCode)} · ${conditionsText(r.conditions, t, titles)}`;
        return (
          <div className="dxa-row-actions">
            <button type="button" className="krds-btn small secondary" onClick={() => setEditing(r)}>
              <span className="sr-only">{name} </span>
              {t('common.edit')}
            </button>
            <button
              type="button"
              className="krds-btn small tertiary dxa-danger-text"
              onClick={() => {
                del.reset();
                setDeleting(r);
              }}
            >
              <span className="sr-only">{name} </span>
              {t('diagnosisAdmin.remove')}
            </button>
          </div>
        );
      },
    }),
  ];

  return (
    <>
      <PageHeader
        title={t('diagnosisAdmin.rules.title')}
        lead={t('diagnosisAdmin.rules.lead')}
        actions={
          <button type="button" className="krds-btn medium primary" onClick={() => setEditing('new')}>
            {t('diagnosisAdmin.rules.add')}
          </button>
        }
      />
      <StaffDiagnosisNav />
      <LiveStatus className="dxa-live">{status}</LiveStatus>
      {save.error && !editing && <ErrorAlert error={save.error} />}
      <Section title={t('diagnosisAdmin.rules.listTitle')} id="dxa-rules">
        {rules.isPending ? (
          <Loading />
        ) : rules.error ? (
          <ErrorAlert error={rules.error} />
        ) : (
          <DataTable
            caption={t('diagnosisAdmin.rules.caption', { n: rules.data.items.length })}
            columns={columns}
            data={rules.data.items}
            getRowId={(r) => r.id}
            empty={t('diagnosisAdmin.rules.empty')}
          />
        )}
      </Section>
      <RuleDialog
        open={editing !== null}
        rule={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
        onSaved={(r, created) =>
          setStatus(
            t(created ? 'diagnosisAdmin.rules.created' : 'diagnosisAdmin.rules.saved', {
              program: programName(r.programCode),
            }),
          )
        }
        programs={programs.data?.items ?? []}
        dimensions={dimensions}
        maxStage={maxStage}
      />
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('diagnosisAdmin.rules.deleteTitle')}
        confirmLabel={t('diagnosisAdmin.remove')}
        danger
        pending={del.isPending}
        error={del.error}
        onConfirm={() => {
          const r = deleting;
          if (!r) return;
          del.mutate(r.id, {
            onSuccess: () => {
              setDeleting(null);
              setStatus(t('diagnosisAdmin.rules.deleted', { program: programName(r.programCode) }));
            },
          });
        }}
      >
        {deleting && (
          <p>
            {t('diagnosisAdmin.rules.deleteBody', {
              program: programName(deleting.programCode),
              conditions: conditionsText(deleting.conditions, t, titles),
            })}
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
