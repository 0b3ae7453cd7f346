import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type SortingState,
  useReactTable,
} from '@tanstack/react-table';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from './TableScroll';

/**
 * A KRDS data table on TanStack Table. Sorting is done by the server (`sorting` + `onSortingChange`);
 * sortable headers are buttons and the <th> carries aria-sort. On narrow screens the table scrolls
 * inside a focusable region.
 */
export function DataTable<T>({
  caption,
  columns,
  data,
  sorting,
  onSortingChange,
  getRowId,
  empty,
  busy,
}: {
  caption: string;
  // biome-ignore lint/suspicious/noExplicitAny: column value types differ per column
  columns: ColumnDef<T, any>[];
  data: T[];
  sorting?: SortingState;
  onSortingChange?: OnChangeFn<SortingState>;
  getRowId?: (row: T, index: number) => string;
  empty?: ReactNode;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  const table = useReactTable({
    data,
    columns,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableSorting: !!onSortingChange,
    state: sorting ? { sorting } : {},
    onSortingChange,
    getRowId,
  });
  return (
    <TableScroll labelledBy={captionId} busy={busy}>
      <table className="tbl col data app-table">
        <caption id={captionId}>{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((hg) => (
            <tr key={hg.id}>
              {hg.headers.map((h) => {
                const sortable = h.column.getCanSort();
                const dir = h.column.getIsSorted();
                const label = flexRender(h.column.columnDef.header, h.getContext());
                return (
                  <th
                    key={h.id}
                    scope="col"
                    aria-sort={
                      sortable
                        ? dir === 'asc'
                          ? 'ascending'
                          : dir === 'desc'
                            ? 'descending'
                            : 'none'
                        : undefined
                    }
                  >
                    {sortable ? (
                      <button type="button" className="app-sort" onClick={h.column.getToggleSortingHandler()}>
                        {label}
                        <span aria-hidden="true" className="app-sort__icon">
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                        </span>
                        <span className="sr-only">
                          {dir
                            ? t(dir === 'asc' ? 'table.sortedAsc' : 'table.sortedDesc')
                            : t('table.sortable')}
                        </span>
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="app-table__empty">
                {empty ?? t('table.empty')}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={
                      (cell.column.columnDef.meta as { wrap?: boolean } | undefined)?.wrap
                        ? 'app-cell-wrap'
                        : undefined
                    }
                  >
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScroll>
  );
}
