import type { ReactNode } from 'react';
import { Alert, ErrorAlert } from './Alert';
import { Loading } from './Loading';

/** The parts of a react-query result that QueryStatus reads. */
interface ListQuery {
  isPending: boolean;
  error: unknown;
  data?: { items: readonly unknown[] };
}

/**
 * The state of a list query above its items: the spinner while loading, the error, and `empty` (an
 * info note) when the answer has no items. The page renders the items themselves.
 */
export function QueryStatus({ query, empty }: { query: ListQuery; empty?: ReactNode }) {
  return (
    <>
      {query.isPending && <Loading />}
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {empty && query.data && query.data.items.length === 0 && (
        <Alert tone="info" live={false}>
          {empty}
        </Alert>
      )}
    </>
  );
}
