import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Call,
  CallAttachment,
  CallCreateBody,
  CallPatchBody,
  Program,
} from '../../server/modules/programs/contract';
import { callKeys } from './calls';
import { api, get, patch, post } from './client';

export type { CallAttachment, CallCreateBody, CallPatchBody, Program };

export const programKeys = { all: ['programs'] as const };

/** The programs (사업) a call belongs to — 13 in the demo world. */
export function usePrograms() {
  return useQuery({
    queryKey: programKeys.all,
    queryFn: () => get<{ items: Program[] }>('/programs'),
    staleTime: 5 * 60_000,
  });
}

export function useCreateCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CallCreateBody) => post<Call>('/calls', body),
    onSuccess: (c) => {
      qc.setQueryData(callKeys.one(c.id), c);
      return qc.invalidateQueries({ queryKey: callKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

export function usePatchCall(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CallPatchBody) => patch<Call>(`/calls/${id}`, body),
    onSuccess: (c) => {
      qc.setQueryData(callKeys.one(c.id), c);
      return qc.invalidateQueries({ queryKey: callKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
    },
  });
}

/** Uploads one call attachment; its id then goes into the call's attachmentIds on save. */
export function useUploadCallAttachment() {
  return useMutation({
    mutationFn: (file: File) => {
      const fd = new FormData();
      fd.append('file', file);
      return api<CallAttachment>('POST', '/calls/attachments', { body: fd });
    },
  });
}

export const callAttachmentUrl = (callId: string, fileId: string) =>
  `/api/calls/${callId}/attachments/${fileId}`;
