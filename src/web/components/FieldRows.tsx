import type { ReactNode } from 'react';

export interface Row {
  label: ReactNode;
  value: ReactNode;
  key?: string;
}

/** Label/value pairs of a record, as a description list (two columns on wide screens). */
export function FieldRows({ rows, empty = '—' }: { rows: Row[]; empty?: ReactNode }) {
  return (
    <dl className="app-dl">
      {rows.map((r, i) => (
        <div className="app-dl__row" key={r.key ?? (typeof r.label === 'string' ? r.label : i)}>
          <dt>{r.label}</dt>
          <dd>{r.value === null || r.value === undefined || r.value === '' ? empty : r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
