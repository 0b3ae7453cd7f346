import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Company,
  CompanyCreateBody,
  CompanyList,
  CompanyPatchBody,
  companyListQuery,
  duplicatePairsResponse,
  duplicatesResponse,
  historyResponse,
  memberSchema,
} from '../../../../server/modules/companies/contract';
import { get, patch, post, type Query } from '../../../lib/api-client';

export type CompanyListParams = Partial<z.input<typeof companyListQuery>>;
export type DuplicateCandidate = z.infer<typeof duplicatesResponse>['items'][number];
export type DuplicatePair = z.infer<typeof duplicatePairsResponse>['items'][number];
export type HistoryEntry = z.infer<typeof historyResponse>['items'][number];
/** `status` is returned by the service but not (yet) declared in the contract's response schema. */
export type Member = z.infer<typeof memberSchema> & { status?: 'active' | 'pending' };
export interface MyCompany {
  membership: { role: 'owner' | 'member'; status: 'active' | 'pending' };
  company: Company;
}
export const companyKeys = {
  all: ['companies'] as const,
  list: (p: CompanyListParams) => ['companies', 'list', p] as const,
  one: (id: string) => ['companies', id] as const,
  sub: (id: string, what: string) => ['companies', id, what] as const,
  mine: ['me', 'companies'] as const,
};

export function useCompanyList(params: CompanyListParams) {
  return useQuery({
    queryKey: companyKeys.list(params),
    queryFn: ({ signal }) => get<CompanyList>('/companies', params as Query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKeys.one(id), queryFn: () => get<Company>(`/companies/${id}`) });
}

export function useCompanyHistory(id: string) {
  return useQuery({
    queryKey: companyKeys.sub(id, 'history'),
    queryFn: () => get<{ items: HistoryEntry[] }>(`/companies/${id}/history`),
  });
}

export function useCompanyDuplicates(id: string, enabled = true) {
  return useQuery({
    queryKey: companyKeys.sub(id, 'duplicates'),
    queryFn: () => get<{ items: DuplicateCandidate[] }>(`/companies/${id}/duplicates`),
    enabled,
  });
}

export function useCompanyMembers(id: string, enabled = true) {
  return useQuery({
    queryKey: companyKeys.sub(id, 'members'),
    queryFn: () => get<{ items: Member[] }>(`/companies/${id}/members`),
    enabled,
  });
}

export function useDuplicatePairs() {
  return useQuery({
    queryKey: ['companies', 'duplicate-pairs'],
    queryFn: () => get<{ items: DuplicatePair[] }>('/companies/duplicates'),
  });
}

export function useMyCompanies(enabled = true) {
  return useQuery({
    queryKey: companyKeys.mine,
    queryFn: () => get<{ items: MyCompany[] }>('/me/companies'),
    enabled,
  });
}

/** After a change to one company: refresh it, lists and "my companies". */
function useInvalidateCompany() {
  const qc = useQueryClient();
  return (id?: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: companyKeys.all }),
      qc.invalidateQueries({ queryKey: ['me'] }),
      id ? qc.invalidateQueries({ queryKey: companyKeys.one(id) }) : undefined,
    ]);
}

export function useUpdateCompany(id: string) {
  const qc = useQueryClient();
  const invalidate = useInvalidateCompany();
  return useMutation({
    mutationFn: (body: CompanyPatchBody) => patch<Company>(`/companies/${id}`, body),
    onSuccess: async (company) => {
      qc.setQueryData(companyKeys.one(id), company);
      await invalidate(id);
    },
  });
}

export function useMergeCompany(id: string) {
  const invalidate = useInvalidateCompany();
  return useMutation({
    mutationFn: (body: { fromId: string; reason: string }) =>
      post<{ id: string; fromId: string; name: string }>(`/companies/${id}/merge`, body),
    onSuccess: () => invalidate(id),
  });
}

export function useApproveMember(companyId: string) {
  const invalidate = useInvalidateCompany();
  return useMutation({
    mutationFn: (userId: string) => post<{ ok: true }>(`/companies/${companyId}/members/${userId}/approve`),
    onSuccess: () => invalidate(companyId),
  });
}

export function useRegisterCompany() {
  const invalidate = useInvalidateCompany();
  return useMutation({
    mutationFn: (body: CompanyCreateBody) => post<Company>('/me/companies', body),
    onSuccess: (c) => invalidate(c.id),
  });
}
