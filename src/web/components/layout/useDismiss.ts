import { type RefObject, useEffect } from 'react';

/**
 * Closes an open disclosure menu the way people expect: Escape (focus back on its button), a click
 * outside it, or focus moving out of it (Tab past the last item).
 */
export function useDismiss(
  open: boolean,
  close: () => void,
  wrap: RefObject<HTMLElement | null>,
  button: RefObject<HTMLButtonElement | null>,
) {
  useEffect(() => {
    if (!open) return;
    const onDoc = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        close();
        button.current?.focus();
      }
    };
    const el = wrap.current;
    const onFocusOut = (e: FocusEvent) => {
      if (!el?.contains(e.relatedTarget as Node | null)) close();
    };
    document.addEventListener('click', onDoc);
    document.addEventListener('keydown', onKey);
    el?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('click', onDoc);
      document.removeEventListener('keydown', onKey);
      el?.removeEventListener('focusout', onFocusOut);
    };
  }, [open, close, wrap, button]);
}
