import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  Call,
  CallAttachment,
  CallCreateBody,
  CallPatchBody,
  Program,
} from '../../../../server/modules/programs/contract';
import { api, patch, post } from '../../../lib/api-client';
import { callKeys } from './calls';

export type { CallAttachment, CallCreateBody, CallPatchBody, Program };

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
