import { DataTable } from './DataTable';
import { Pager } from './Pager';
import { QueryStatus } from './QueryStatus';

type TableProps<T> = Parameters<typeof DataTable<T>>[0];
type PagedTableProps<T> = Omit<TableProps<T>, 'caption'> & {
  caption: (at: { page: number; pages: number }) => string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
};

/**
 * One page of a server-paged list: the DataTable, its caption told the page and the page count
 * ("… (2/5쪽)"), and the pager below it.
 */
export function PagedTable<T>({ caption, page, pageSize, total, onPage, ...table }: PagedTableProps<T>) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <DataTable {...table} caption={caption({ page, pages })} />
      <Pager page={page} pageSize={pageSize} total={total} onPage={onPage} />
    </>
  );
}

/** The parts of a paged list query's result that QueryPagedTable reads. */
interface PagedQuery<T> {
  isPending: boolean;
  isFetching: boolean;
  error: unknown;
  data?: { items: T[]; total: number };
}

/**
 * A PagedTable fed by a paged list query (`{ items, total }`): the spinner while the first page loads,
 * the error, then the table (busy while another page loads).
 */
export function QueryPagedTable<T>({
  query,
  ...table
}: Omit<PagedTableProps<T>, 'data' | 'total' | 'busy'> & { query: PagedQuery<T> }) {
  return (
    <>
      <QueryStatus query={query} />
      {query.data && (
        <PagedTable {...table} data={query.data.items} total={query.data.total} busy={query.isFetching} />
      )}
    </>
  );
}
