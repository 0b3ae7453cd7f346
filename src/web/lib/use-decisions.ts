import { useState } from 'react';

/**
 * State of a decision queue (claims, link requests): the item being approved or rejected in a dialog and
 * the note on the last decision. `reset` clears the mutation when a dialog closes.
 */
export function useDecisions<T>(reset: () => void) {
  const [approving, setApproving] = useState<T | null>(null);
  const [rejecting, setRejecting] = useState<T | null>(null);
  const [done, setDone] = useState('');
  const close = () => {
    setApproving(null);
    setRejecting(null);
    reset();
  };
  return {
    approving,
    rejecting,
    done,
    close,
    approve: (item: T) => {
      setDone('');
      setApproving(item);
    },
    reject: (item: T) => {
      setDone('');
      setRejecting(item);
    },
    /** a decision went through: show `note` and close the dialog */
    decided: (note: string) => {
      setDone(note);
      close();
    },
  };
}
