import { createColumnHelper, type SortingState } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SMALL_GROUP } from '../../../../../server/modules/diagnosis/contract';
import { DataTable } from '../../../../components/DataTable';
import type { Analytics } from '../../api/diagnosis';
import { useFormats } from './common';

export type GroupRow = Analytics['bySize'][number] & { label: string };
type Sortable = 'label' | 'n' | 'mean';

const col = createColumnHelper<GroupRow>();

/** A cell the server withheld for viewers (a group too small to stay anonymous). */
function Withheld() {
  const { t } = useTranslation();
  return <span className="dxs-withheld">{t('diagnosisStats.withheld')}</span>;
}

/**
 * Firms per group with their mean overall score and stage counts; sortable in the browser (the server
 * sends every group). With `bar`, a small bar beside the mean shows it at a glance.
 */
export function GroupTable({
  caption,
  groupHeader,
  rows,
  stageNames,
  bar,
  initialSort = 'n',
}: {
  caption: string;
  groupHeader: string;
  rows: GroupRow[];
  stageNames: string[];
  bar?: boolean;
  initialSort?: Sortable;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const [sorting, setSorting] = useState<SortingState>([{ id: initialSort, desc: initialSort !== 'label' }]);
  const columns = useMemo(
    () => [
      col.accessor('label', { header: groupHeader, meta: { wrap: true } }),
      col.accessor('n', {
        header: t('diagnosisStats.firms'),
        cell: (c) => <span className="app-nowrap">{f.firms(c.getValue())}</span>,
      }),
      col.accessor('mean', {
        header: t('diagnosisStats.meanOverall'),
        cell: (c) => {
          const v = c.getValue();
          if (c.row.original.suppressed) return <Withheld />;
          return (
            <span className="dxs-meanbar">
              <span className="app-nowrap">{f.score(v)}</span>
              {bar && v !== null && (
                <span className="dxs-meanbar__track" aria-hidden="true">
                  <span
                    className="dxs-meanbar__fill"
                    style={{ width: `${Math.min(100, Math.max(0, v))}%` }}
                  />
                </span>
              )}
            </span>
          );
        },
      }),
      ...stageNames.map((name, i) =>
        col.display({
          id: `stage${i + 1}`,
          header: name,
          enableSorting: false,
          cell: (c) => {
            const r = c.row.original;
            if (r.suppressed) return <Withheld />;
            const v = r.stages[i] ?? 0;
            return (
              <span className="app-nowrap">
                {f.firms(v)} <span className="app-muted">({f.pct(v, r.n)})</span>
              </span>
            );
          },
        }),
      ),
    ],
    [t, f, groupHeader, stageNames, bar],
  );
  const sorted = useMemo(() => {
    const s = sorting[0];
    if (!s) return rows;
    const id = s.id as Sortable;
    const dir = s.desc ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = a[id];
      const y = b[id];
      if (x === y) return a.label.localeCompare(b.label);
      if (x === null) return 1;
      if (y === null) return -1;
      return (typeof x === 'string' ? x.localeCompare(String(y)) : (x as number) - (y as number)) * dir;
    });
  }, [rows, sorting]);
  const withheld = rows.some((r) => r.suppressed);
  return (
    <>
      {withheld && (
        <p className="app-muted dxs-note">{t('diagnosisStats.withheldNote', { n: SMALL_GROUP })}</p>
      )}
      <DataTable
        caption={caption}
        columns={columns}
        data={sorted}
        getRowId={(r) => r.key ?? 'unknown'}
        sorting={sorting}
        onSortingChange={(u) => setSorting((s) => (typeof u === 'function' ? u(s) : u))}
      />
    </>
  );
}
