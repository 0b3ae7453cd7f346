import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List state (filters, sort, page) kept in the URL so Back, reload and shared links keep it.
 * Values are strings; empty ones are removed.
 */
export function useUrlState<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => {
    const s = {} as Record<K, string>;
    for (const k of keys) s[k] = params.get(k) ?? '';
    return s;
  }, [params, keys]);
  const update = useCallback(
    (patch: Partial<Record<K, string | number | undefined | null>>, opts: { replace?: boolean } = {}) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') next.delete(k);
            else next.set(k, String(v));
          }
          return next;
        },
        { replace: opts.replace },
      );
    },
    [setParams],
  );
  return [state, update] as const;
}

export const toPage = (s: string, fallback = 1) => {
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};
