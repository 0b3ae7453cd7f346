import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The mutation that saves a batch of changed values by key (a TanStack Query mutation). */
interface SaveMutation<V> {
  mutateAsync: (changes: Record<string, V>) => Promise<unknown>;
  isPending: boolean;
  error: unknown;
}

/**
 * Debounced autosave of the changed keys only. `change` shows the new value at once and saves `delayMs`
 * after the last change; `flush` saves at once (before moving on or submitting). A failed save keeps its
 * changes for the next one, and leaving the page with unsaved changes asks first.
 * `shown` maps a saved value to the one kept in `values` (e.g. null → undefined).
 */
export function useAutosave<V, S = V>({
  initial,
  save,
  delayMs,
  shown = (v) => v as unknown as S,
}: {
  initial: Record<string, S>;
  save: SaveMutation<V>;
  delayMs: number;
  shown?: (v: V) => S;
}) {
  const [values, setValues] = useState<Record<string, S>>(initial);
  const pending = useRef<Record<string, V>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [dirty, setDirty] = useState(false);
  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const changes = pending.current;
    if (!Object.keys(changes).length) return;
    pending.current = {};
    try {
      await save.mutateAsync(changes);
      setSavedAt(new Date());
      setDirty(Object.keys(pending.current).length > 0);
    } catch (e) {
      pending.current = { ...changes, ...pending.current };
      throw e;
    }
  }, [save]);
  const change = (key: string, value: V) => {
    setValues((a) => ({ ...a, [key]: shown(value) }));
    pending.current = { ...pending.current, [key]: value };
    setDirty(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      flush().catch(() => {});
    }, delayMs);
  };
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (Object.keys(pending.current).length) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);
  return { values, change, flush, savedAt, dirty, saving: save.isPending, saveError: save.error };
}

/** HH:mm in Korea Standard Time (the "저장됨 14:05" of the autosave). */
export const hhmm = (d: Date) =>
  new Intl.DateTimeFormat('ko-KR', {
    timeZone: 'Asia/Seoul',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(d);

/**
 * The save bar's text: `<prefix>.saving`, `<prefix>.saveFailed`, `<prefix>.savedAt` ("저장됨 HH:mm")
 * once everything is saved, else nothing.
 */
export function useAutosaveStatus(
  auto: Pick<ReturnType<typeof useAutosave>, 'saving' | 'saveError' | 'savedAt' | 'dirty'>,
  prefix: string,
): string {
  const { t } = useTranslation();
  return auto.saving
    ? t(`${prefix}.saving`)
    : auto.saveError
      ? t(`${prefix}.saveFailed`)
      : auto.savedAt && !auto.dirty
        ? t(`${prefix}.savedAt`, { time: hhmm(auto.savedAt) })
        : '';
}
