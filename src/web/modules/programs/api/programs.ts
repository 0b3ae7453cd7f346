import { useQuery } from '@tanstack/react-query';
import type { Program } from '../../../../server/modules/programs/contract';
import type { ProgramModule } from '../../../../shared/enums';
import { get } from '../../../lib/api-client';

export type { Program };

export const programKeys = {
  all: ['programs'] as const,
  list: (module?: ProgramModule) => ['programs', module ?? 'all'] as const,
};

/** The program catalog (public): the 13 programs of the 4 modules, with budgets and open-call counts. */
export function usePrograms(module?: ProgramModule) {
  return useQuery({
    queryKey: programKeys.list(module),
    queryFn: () => get<{ items: Program[] }>('/programs', module ? { module } : undefined),
    staleTime: 5 * 60_000,
  });
}
