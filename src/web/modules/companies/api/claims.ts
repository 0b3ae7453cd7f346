import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Claim,
  claimBody,
  claimListQuery,
  MyClaim,
} from '../../../../server/modules/companies/contract';
import { get, post, type Query } from '../../../lib/api-client';

export type { Claim, MyClaim };
export type ClaimListParams = z.input<typeof claimListQuery>;

export const claimKeys = {
  mine: ['me', 'claims'] as const,
  list: (p: ClaimListParams) => ['claims', p] as const,
};

/** The caller's own claims of registered firms (pending ones show only the firm's name and BRN). */
export function useMyClaims(enabled = true) {
  return useQuery({
    queryKey: claimKeys.mine,
    queryFn: () => get<{ items: MyClaim[] }>('/me/claims'),
    enabled,
  });
}

/** Claims to decide: staff see all firms', an owner those of their firms. */
export function useClaims(params: ClaimListParams, enabled = true) {
  return useQuery({
    queryKey: claimKeys.list(params),
    queryFn: () => get<{ items: Claim[] }>('/claims', params as Query),
    enabled,
  });
}

function useInvalidateClaims() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['me'] }),
      qc.invalidateQueries({ queryKey: ['claims'] }),
      qc.invalidateQueries({ queryKey: ['companies'] }),
    ]);
}

export function useClaimCompany() {
  const invalidate = useInvalidateClaims();
  return useMutation({
    mutationFn: (body: z.input<typeof claimBody>) => post<MyClaim>('/me/companies/claim', body),
    onSuccess: () => invalidate(),
  });
}

export function useWithdrawClaim() {
  const invalidate = useInvalidateClaims();
  return useMutation({
    mutationFn: (id: string) => post<{ ok: true }>(`/me/claims/${id}/withdraw`),
    onSuccess: () => invalidate(),
  });
}

export function useUploadClaimDocument() {
  const invalidate = useInvalidateClaims();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) => {
      const fd = new FormData();
      fd.append('file', file, file.name);
      return post<MyClaim>(`/me/claims/${id}/document`, fd);
    },
    onSuccess: () => invalidate(),
  });
}

export function useDecideClaim() {
  const invalidate = useInvalidateClaims();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      post<Claim>(`/claims/${id}/decision`, { decision, ...(reason ? { reason } : {}) }),
    onSuccess: () => invalidate(),
  });
}

export const claimDocumentUrl = (id: string) => `/api/claims/${id}/document`;
