import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  demoMailboxResponse,
  loginBody,
  MeResponse,
  SessionUserDto,
  SignupAccepted,
  SignupBody,
  SignupVerifyResponse,
} from '../../../../server/modules/accounts/contract';
import { get, post, setCsrfToken } from '../../../lib/api-client';

export type SessionUser = SessionUserDto;

async function fetchMe(): Promise<MeResponse> {
  const me = await get<MeResponse>('/auth/me');
  setCsrfToken(me.csrfToken);
  return me;
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: fetchMe, staleTime: 60_000 });
}

/** The signed-in user, or null (undefined while loading). */
export function useUser(): SessionUser | null | undefined {
  const { data } = useMe();
  return data ? data.user : undefined;
}

/**
 * Another person's data must not survive a change of session: drop every cached query except `me`,
 * which is updated in place so the layout's observer keeps following it (clear() would orphan it).
 */
function forgetOtherQueries(qc: QueryClient) {
  qc.removeQueries({ predicate: (q) => !(q.queryKey.length === 1 && q.queryKey[0] === 'me') });
}

function useSessionMutation<TBody, TResult extends MeResponse = MeResponse>(path: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => post<TResult>(path, body),
    onSuccess: (me) => {
      setCsrfToken(me.csrfToken);
      forgetOtherQueries(qc);
      qc.setQueryData(['me'], me);
    },
  });
}

export const useLogin = () => useSessionMutation<z.input<typeof loginBody>>('/auth/login');
/** Asks to sign up: the same answer for any address; the account is made by the mailed link. */
export const useSignup = () =>
  useMutation({ mutationFn: (body: SignupBody) => post<SignupAccepted>('/auth/signup', body) });
/** Confirms the mailed sign-up link: creates the account and signs in. */
export const useVerifySignup = () =>
  useSessionMutation<{ token: string }, SignupVerifyResponse>('/auth/signup/verify');

/** 데모 메일함 (demo installs without SMTP only): sign-up mails to one address. */
export function useDemoMailbox(email: string | null) {
  return useQuery({
    queryKey: ['demo-mailbox', email],
    queryFn: () =>
      get<z.infer<typeof demoMailboxResponse>>(`/demo/mailbox?email=${encodeURIComponent(email ?? '')}`),
    enabled: !!email,
  });
}

export function useLogout(everywhere = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => post<{ ok: true }>(everywhere ? '/auth/logout-all' : '/auth/logout'),
    onSettled: async () => {
      setCsrfToken(null);
      // signed out first, so pages that need a session unmount instead of refetching without one
      qc.setQueryData<MeResponse>(['me'], { user: null, csrfToken: null });
      forgetOtherQueries(qc);
      await qc.refetchQueries({ queryKey: ['me'], exact: true });
    },
  });
}

export interface ConsentText {
  title: string;
  /** the checkbox label, e.g. 이용약관에 동의합니다 */
  agree: string;
  purpose: string;
  items: string;
  retention: string;
}
export interface ConsentsResponse {
  version: string;
  texts: Record<string, { required: boolean; ko: ConsentText; en: ConsentText }>;
}

export function useConsents() {
  return useQuery({
    queryKey: ['consents'],
    queryFn: () => get<ConsentsResponse>('/auth/consents'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
