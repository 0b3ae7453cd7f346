import type { ReactNode } from 'react';
import { ErrorAlert } from './Alert';
import { ConfirmDialog } from './ConfirmDialog';
import { ReasonDialog } from './Dialog';

interface Decision<T, Args extends unknown[]> {
  title: string;
  /** the confirm button (approve, reject) */
  label: string;
  /** what is decided, in a sentence or two */
  body: (item: T) => ReactNode;
  onConfirm: (item: T, ...args: Args) => void;
}

/**
 * The two dialogs of a decision queue (see useDecisions): approve asks to confirm, reject asks for a
 * reason. The mutation's `pending` and `error` show in whichever is open.
 */
export function DecisionDialogs<T>({
  decisions: { approving, rejecting, close },
  pending,
  error,
  approve,
  reject,
}: {
  decisions: { approving: T | null; rejecting: T | null; close: () => void };
  pending: boolean;
  error: unknown;
  approve: Decision<T, []>;
  reject: Decision<T, [reason: string]>;
}) {
  return (
    <>
      <ConfirmDialog
        open={!!approving}
        onClose={close}
        title={approve.title}
        confirmLabel={approve.label}
        pending={pending}
        onConfirm={() => approving && approve.onConfirm(approving)}
      >
        {approving && approve.body(approving)}
        <ErrorAlert error={error} />
      </ConfirmDialog>
      <ReasonDialog
        open={!!rejecting}
        onClose={close}
        title={reject.title}
        danger
        description={rejecting && reject.body(rejecting)}
        confirmLabel={reject.label}
        pending={pending}
        error={error}
        onConfirm={(reason) => rejecting && reject.onConfirm(rejecting, reason)}
      />
    </>
  );
}
