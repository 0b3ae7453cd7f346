import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstrumentContent } from '../../../server/modules/diagnosis/instrument-contract';
import type { Program } from '../../../server/modules/programs/contract';
import { get, send } from '../../api/client';
import { diagnosisKeys, type Instrument } from '../../api/diagnosis';

/** Programs (사업), for the rule editor's program choice and the rule list. */
export function usePrograms() {
  return useQuery({
    queryKey: ['programs', 'all'],
    queryFn: () => get<{ items: Program[] }>('/programs'),
    staleTime: 5 * 60_000,
  });
}

export type DraftSource = 'latest' | 'default' | { content: InstrumentContent };

/**
 * Drafts the next instrument version (from the latest version, the built-in default, or the given
 * content). There is one draft at a time: when one exists the server returns it (200, not 201), and
 * `created` is false.
 */
export function useCreateDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (source: DraftSource) => {
      const res = await send('POST', '/diagnosis/instruments', {
        body: typeof source === 'string' ? { from: source } : source,
      });
      return { created: res.status === 201, instrument: (await res.json()) as Instrument };
    },
    onSuccess: ({ instrument }) => {
      qc.setQueryData(diagnosisKeys.instrument(instrument.id), instrument);
      return qc.invalidateQueries({ queryKey: diagnosisKeys.instruments, exact: true });
    },
  });
}
