import { useQuery } from '@tanstack/react-query';
import { get } from './client';

export interface Health {
  status: 'ok';
  database: 'pglite' | 'pg';
  time: string;
  /** the demo world and its accounts are loaded */
  demo: boolean;
  /** how e-mail leaves this installation: 'smtp' sends it, 'outbox' only keeps it (absent = 'outbox') */
  mailDelivery?: 'smtp' | 'outbox';
}

/** The server's state; `demo` tells the sign-in page to offer the demo accounts. */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: () => get<Health>('/health'), staleTime: 10 * 60_000 });
}
