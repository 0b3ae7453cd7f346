import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ImportMapping,
  ImportReport,
  ImportResponse,
  ImportUpload,
  LinkRequest,
} from '../../../../server/modules/companies/import-contract';
import { api, get } from '../../../lib/api-client';

export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  total: number;
  result: unknown;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export function useUploadImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api<ImportUpload>('POST', '/companies/import/upload', { body: form });
    },
  });
}

export interface RunImport {
  fileId: string;
  associationId?: string;
  mapping: ImportMapping;
  dryRun: boolean;
  skipInvalid: boolean;
}

export function useRunImport() {
  return useMutation({
    mutationFn: ({ fileId, associationId, mapping, dryRun, skipInvalid }: RunImport) =>
      api<ImportResponse>('POST', '/companies/import', {
        query: { dryRun: String(dryRun), fileId, associationId, skipInvalid: String(skipInvalid) },
        body: { mapping },
      }),
  });
}

/** Polls a background job every 500 ms until it is done or failed. */
export function useJob(id: string | null) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: () => get<Job>(`/jobs/${id}`),
    enabled: !!id,
    refetchInterval: (q) => {
      const s = q.state.data?.status;
      return s === 'done' || s === 'failed' ? false : 500;
    },
    staleTime: 0,
  });
}

/** A finished import job's result is the report (or `{ report }`). */
export function reportOfJob(job: Job | undefined): ImportReport | null {
  const r = job?.result as (ImportReport & { report?: ImportReport }) | null | undefined;
  if (!r) return null;
  if (r.report) return r.report;
  return typeof r.total === 'number' ? r : null;
}

// Link requests (staff): rows of a partner's list naming a firm outside its association -------------------

export function useLinkRequests(status: LinkRequest['status'], page: number) {
  return useQuery({
    queryKey: ['link-requests', status, page],
    queryFn: () =>
      get<{ items: LinkRequest[]; total: number; page: number; pageSize: number }>(
        '/companies/link-requests',
        {
          status,
          page: String(page),
        },
      ),
  });
}

export function useDecideLinkRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, reason }: { id: string; approve: boolean; reason?: string }) =>
      api<LinkRequest>('POST', `/companies/link-requests/${id}/${approve ? 'approve' : 'reject'}`, {
        body: approve ? undefined : { reason },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['link-requests'] }),
  });
}
