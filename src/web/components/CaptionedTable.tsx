import { type ReactNode, useId } from 'react';
import { TableScroll } from './TableScroll';

/**
 * A small KRDS data table with a visible caption and a row of column headers, scrolling sideways on
 * narrow screens (e.g. the numbers beside a chart). `children` are the body rows.
 */
export function CaptionedTable({
  captionId,
  caption,
  className,
  columns,
  children,
}: {
  /** the caption's id (the scroll region is named by it); a generated one by default */
  captionId?: string;
  caption: string;
  /** classes added to `tbl col data app-table` */
  className?: string;
  /** the column headers, in order */
  columns: string[];
  children: ReactNode;
}) {
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
