import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  accessLogResponse,
  associationSchema,
  roleChangeSchema,
  User,
  userCreateBody,
  userPatchBody,
} from '../../../../server/modules/accounts/contract';
import type { Role } from '../../../../shared/enums';
import { get, patch, post } from '../../../lib/api-client';

export type Association = z.infer<typeof associationSchema>;
export type RoleChange = z.infer<typeof roleChangeSchema>;
export type AccessLogEntry = z.infer<typeof accessLogResponse>['items'][number];
export type UserCreateBody = z.input<typeof userCreateBody>;
export type UserPatchBody = z.input<typeof userPatchBody>;
export interface Paged<T> {
  items: T[];
  total: number;
  page?: number;
  pageSize?: number;
}

export function useUsers(params: { q?: string; role?: Role | ''; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['users', params],
    queryFn: ({ signal }) => get<Paged<User>>('/users', params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateBody) => post<User>('/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['users'] }),
  });
}

export function usePatchUser(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserPatchBody) => patch<User>(`/users/${id}`, body),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['users'] }),
        qc.invalidateQueries({ queryKey: ['role-changes', id] }),
      ]),
  });
}

export function useRoleChanges(id: string | undefined) {
  return useQuery({
    queryKey: ['role-changes', id],
    queryFn: () => get<{ items: RoleChange[] }>(`/users/${id}/role-changes`),
    enabled: !!id,
  });
}

export function useAssociations(enabled = true) {
  return useQuery({
    queryKey: ['associations'],
    queryFn: () => get<{ items: Association[] }>('/associations'),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useCreateAssociation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string }) => post<Association>('/associations', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['associations'] }),
  });
}

export function useAccessLog(params: {
  page: number;
  pageSize: number;
  userId?: string;
  subjectId?: string;
}) {
  return useQuery({
    queryKey: ['access-log', params],
    queryFn: ({ signal }) => get<Paged<AccessLogEntry>>('/access-log', params, signal),
    placeholderData: keepPreviousData,
  });
}
