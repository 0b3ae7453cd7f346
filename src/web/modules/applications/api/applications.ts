import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Application,
  applicationFileSchema,
  applicationListResponse,
  applicationSummarySchema,
  submitResponse,
} from '../../../../server/modules/applications/contract';
import type { Answers } from '../../../../server/modules/programs/form-contract';
import type { ApplicationStatus } from '../../../../shared/enums';
import { api, get, patch, post, send } from '../../../lib/api-client';
import { callKeys } from '../../programs/api/calls';

export type { Application, ApplicationStatus };
export type ApplicationSummary = z.infer<typeof applicationSummarySchema>;
export type ApplicationFile = z.infer<typeof applicationFileSchema>;
export type ApplicationList = z.infer<typeof applicationListResponse>;
export type SubmitResult = z.infer<typeof submitResponse>;

export const applicationKeys = {
  one: (id: string) => ['applications', id] as const,
  mine: ['me', 'applications'] as const,
};

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

export function useCallApplications(callId: string, params: { status?: string; q?: string; page?: number }) {
  return useQuery({
    queryKey: callKeys.applications(callId, params),
    queryFn: ({ signal }) => get<ApplicationList>(`/calls/${callId}/applications`, params, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 10_000,
  });
}

/* staff */
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
