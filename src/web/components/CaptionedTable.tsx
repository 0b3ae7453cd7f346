import { type ReactNode, useId, useState } from 'react';
import { Pager } from './Pager';
import { TableScroll } from './TableScroll';

/**
 * A small KRDS data table with a visible caption and a row of column headers, scrolling sideways on
 * narrow screens (e.g. the numbers beside a chart). `children` are the body rows.
 */
interface TableProps {
  /** the caption's id (the scroll region is named by it); a generated one by default */
  captionId?: string;
  caption: string;
  /** classes added to `tbl col data app-table` */
  className?: string;
  /** the column headers, in order */
  columns: string[];
}

export function CaptionedTable({
  captionId,
  caption,
  className,
  columns,
  children,
}: TableProps & { children: ReactNode }) {
  const autoId = useId();
  const id = captionId ?? autoId;
  return (
    <TableScroll labelledBy={id}>
      <table className={`tbl col data app-table${className ? ` ${className}` : ''}`}>
        <caption id={id}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

/** A CaptionedTable of a list the page already holds, `pageSize` rows at a time with a pager under it. */
export function PagedCaptionedTable<T>({
  items,
  pageSize,
  pagerLabel,
  row,
  ...table
}: TableProps & {
  items: readonly T[];
  pageSize: number;
  /** the pager's name (several pagers on a page) */
  pagerLabel: string;
  /** one body row; `index` counts within the page */
  row: (item: T, index: number) => ReactNode;
}) {
  const [page, setPage] = useState(1);
  return (
    <>
      <CaptionedTable {...table}>
        {items.slice((page - 1) * pageSize, page * pageSize).map(row)}
      </CaptionedTable>
      <Pager page={page} pageSize={pageSize} total={items.length} onPage={setPage} label={pagerLabel} />
    </>
  );
}
