import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Call, CallSummary } from '../../../../server/modules/programs/contract';
import type { EligibilityResult } from '../../../../server/modules/programs/eligibility-contract';
import type { CallStatus, ProgramModule } from '../../../../shared/enums';
import { get, post, type Query, send } from '../../../lib/api-client';

export type { Call, CallSummary, EligibilityResult };

export interface CallListParams {
  module?: ProgramModule | '';
  status?: CallStatus | '';
  year?: string;
  q?: string;
  eligibleFor?: string;
  page?: number;
  pageSize?: number;
}
export interface CallList {
  items: CallSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** server time from the response's Date header, for countdowns that do not trust the browser clock */
  now?: string;
}

export const callKeys = {
  all: ['calls'] as const,
  list: (p: CallListParams) => ['calls', 'list', p] as const,
  one: (id: string) => ['calls', id] as const,
  eligibility: (id: string, companyId: string) => ['calls', id, 'eligibility', companyId] as const,
  applications: (id: string, p: Query) => ['calls', id, 'applications', p] as const,
};

export function useCallList(params: CallListParams) {
  return useQuery({
    queryKey: callKeys.list(params),
    queryFn: async ({ signal }) => {
      const res = await send('GET', '/calls', { query: params as Query, signal });
      const date = res.headers.get('date');
      const body = (await res.json()) as CallList;
      return { ...body, now: date ? new Date(date).toISOString() : undefined };
    },
    placeholderData: keepPreviousData,
  });
}

export function useCall(id: string, refetchInterval?: number) {
  return useQuery({
    queryKey: callKeys.one(id),
    queryFn: () => get<Call>(`/calls/${id}`),
    refetchInterval,
    enabled: !!id,
  });
}

export function useEligibility(callId: string, companyId: string | undefined) {
  return useQuery({
    queryKey: callKeys.eligibility(callId, companyId ?? ''),
    queryFn: () => get<EligibilityResult>(`/calls/${callId}/eligibility`, { companyId }),
    enabled: !!companyId,
  });
}

export function useTransitionCall(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (to: CallStatus) => post<Call>(`/calls/${callId}/transition`, { to }),
    onSuccess: () => qc.invalidateQueries({ queryKey: callKeys.all }),
  });
}
