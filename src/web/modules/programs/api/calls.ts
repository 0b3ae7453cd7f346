import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Application,
  applicationFileSchema,
  applicationListResponse,
  applicationSummarySchema,
  submitResponse,
} from '../../../../server/modules/applications/contract';
import type { Call, CallSummary } from '../../../../server/modules/programs/contract';
import type { EligibilityResult } from '../../../../server/modules/programs/eligibility-contract';
import type { Answers } from '../../../../server/modules/programs/form-contract';
import type { ApplicationStatus, CallStatus, ProgramModule } from '../../../../shared/enums';
import { api, get, patch, post, type Query, send } from '../../../lib/api-client';

export type { Application, Call, CallSummary, EligibilityResult };
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;
export type ApplicationFile = z.infer<typeof applicationFileSchema>;
export type ApplicationList = z.infer<typeof applicationListResponse>;
export type SubmitResult = z.infer<typeof submitResponse>;

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
export const applicationKeys = {
  one: (id: string) => ['applications', id] as const,
  mine: ['me', 'applications'] as const,
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

export function useStartApplication(callId: string) {
  return useMutation({
    mutationFn: (companyId?: string) => post<Application>(`/calls/${callId}/applications`, { companyId }),
  });
}

export function useApplication(id: string) {
  return useQuery({
    queryKey: applicationKeys.one(id),
    queryFn: () => get<Application>(`/applications/${id}`),
  });
}

export function useSaveAnswers(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answers: Answers) => patch<Application>(`/applications/${id}`, { answers }),
    onSuccess: (a) => qc.setQueryData(applicationKeys.one(id), a),
  });
}

export function useUploadFile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fieldKey, file }: { fieldKey: string; file: File }) => {
      const fd = new FormData();
      fd.append('fieldKey', fieldKey);
      fd.append('file', file);
      return api<ApplicationFile>('POST', `/applications/${id}/files`, { body: fd });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: applicationKeys.one(id) }),
  });
}

export function useRemoveFile(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => api<{ ok: true }>('DELETE', `/applications/${id}/files/${fileId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: applicationKeys.one(id) }),
  });
}

export function useSubmitApplication(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (idempotencyKey: string) => {
      const res = await send('POST', `/applications/${id}/submit`, {
        body: {},
        headers: { 'idempotency-key': idempotencyKey },
      });
      return (await res.json()) as SubmitResult;
    },
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: applicationKeys.one(id) }),
        qc.invalidateQueries({ queryKey: applicationKeys.mine }),
      ]),
  });
}

export function useWithdrawApplication(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<Application>(`/applications/${id}/withdraw`),
    onSuccess: (a) => {
      qc.setQueryData(applicationKeys.one(id), a);
      return qc.invalidateQueries({ queryKey: applicationKeys.mine });
    },
  });
}

export function useMyApplications(enabled = true) {
  return useQuery({
    queryKey: applicationKeys.mine,
    queryFn: () => get<{ items: ApplicationSummary[] }>('/me/applications'),
    enabled,
  });
}

/* staff */
export function useCallApplications(callId: string, params: { status?: string; q?: string; page?: number }) {
  return useQuery({
    queryKey: callKeys.applications(callId, params),
    queryFn: ({ signal }) => get<ApplicationList>(`/calls/${callId}/applications`, params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

export function useTransitionCall(callId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (to: CallStatus) => post<Call>(`/calls/${callId}/transition`, { to }),
    onSuccess: () => qc.invalidateQueries({ queryKey: callKeys.all }),
  });
}

export function useRequestSupplement(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { message: string; dueAt: string }) =>
      post<Application>(`/applications/${id}/supplement`, body),
    onSuccess: (a) => {
      qc.setQueryData(applicationKeys.one(id), a);
      return qc.invalidateQueries({ queryKey: callKeys.all });
    },
  });
}

export function useReviewApplication(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { status: 'incomplete' | 'ineligible' | 'submitted'; reason: string }) =>
      post<Application>(`/applications/${id}/review`, body),
    onSuccess: (a) => {
      qc.setQueryData(applicationKeys.one(id), a);
      return qc.invalidateQueries({ queryKey: callKeys.all });
    },
  });
}

export type { ApplicationStatus };
