import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OutboxList, OutboxMessage, OutboxStatus } from '../../../../server/modules/mail/contract';
import { get, post } from '../../../lib/api-client';

export type { OutboxList, OutboxMessage, OutboxStatus };
export type OutboxItem = OutboxList['items'][number];

export function useOutbox(params: { status?: OutboxStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['outbox', params],
    queryFn: ({ signal }) => get<OutboxList>('/outbox', params, signal),
    placeholderData: keepPreviousData,
  });
}

/** One message, unmasked (the server logs the access). */
export function useOutboxMessage(id: string | undefined) {
  return useQuery({
    queryKey: ['outbox-message', id],
    queryFn: () => get<OutboxMessage>(`/outbox/${id}`),
    enabled: !!id,
  });
}

export function useRetryOutbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => post(`/outbox/${id}/retry`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['outbox'] }),
  });
}
