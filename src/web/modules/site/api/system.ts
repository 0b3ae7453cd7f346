import { useQuery } from '@tanstack/react-query';
import { get } from '../../../lib/api-client';

export interface Health {
  status: 'ok';
  database: 'pglite' | 'pg';
  time: string;
  /** the demo world and its accounts are loaded */
  demo: boolean;
  /** smtp: mail is sent; outbox: no mail server configured, mail waits unsent in the 발송함 */
  mailDelivery: 'smtp' | 'outbox';
}

/** The server's state; `demo` tells the sign-in page to offer the demo accounts. */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: () => get<Health>('/health'), staleTime: 10 * 60_000 });
}
