import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MeResponse } from '../../../../server/modules/accounts/contract';
import type {
  AccountDto,
  accountPatchBody,
  passwordChangeBody,
  passwordResetConfirmBody,
} from '../../../../server/modules/accounts/self-contract';
import { get, patch, post, setCsrfToken } from '../../../lib/api-client';

export type Account = AccountDto;

/** 비밀번호 찾기: always the same answer, whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (email: string) => post<{ ok: true }>('/auth/password-reset', { email }),
  });
}

/** Sets the new password from a reset link; every session of the account ends (this browser's too). */
export function useConfirmPasswordReset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof passwordResetConfirmBody>) =>
      post<{ ok: true }>('/auth/password-reset/confirm', body),
    onSuccess: () => {
      setCsrfToken(null);
      qc.setQueryData<MeResponse>(['me'], { user: null, csrfToken: null });
    },
  });
}

export function useAccount() {
  return useQuery({ queryKey: ['account'], queryFn: () => get<Account>('/account') });
}

function useAccountMutation<TBody>(fn: (body: TBody) => Promise<Account>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (account) => {
      qc.setQueryData(['account'], account);
      return qc.invalidateQueries({ queryKey: ['me'] });
    },
  });
}

export const usePatchAccount = () =>
  useAccountMutation((body: z.input<typeof accountPatchBody>) => patch<Account>('/account', body));

export const useMarketingConsent = () =>
  useAccountMutation((granted: boolean) => post<Account>('/account/consents/marketing', { granted }));

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.input<typeof passwordChangeBody>) => post<{ ok: true }>('/account/password', body),
  });
}

/** 회원탈퇴: the session ends with the account. */
export function useDeleteAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => post<{ ok: true }>('/account/delete', { password }),
    onSuccess: () => {
      setCsrfToken(null);
      qc.setQueryData<MeResponse>(['me'], { user: null, csrfToken: null });
      qc.removeQueries({ predicate: (q) => !(q.queryKey.length === 1 && q.queryKey[0] === 'me') });
    },
  });
}
