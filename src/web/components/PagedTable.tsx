import { DataTable } from './DataTable';
import { Pager } from './Pager';

type TableProps<T> = Parameters<typeof DataTable<T>>[0];

/**
 * One page of a server-paged list: the DataTable, its caption told the page and the page count
 * ("… (2/5쪽)"), and the pager below it.
 */
export function PagedTable<T>({
  caption,
  page,
  pageSize,
  total,
  onPage,
  ...table
}: Omit<TableProps<T>, 'caption'> & {
  caption: (at: { page: number; pages: number }) => string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <DataTable {...table} caption={caption({ page, pages })} />
      <Pager page={page} pageSize={pageSize} total={total} onPage={onPage} />
    </>
  );
}
