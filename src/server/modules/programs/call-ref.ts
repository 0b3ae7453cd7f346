import { eq } from 'drizzle-orm';
import type { CallStatus } from '../../../shared/enums';
import type { Database } from '../../db/client';
import { calls } from './schema';

export interface CallRef {
  id: string;
  title: string;
  status: CallStatus;
  capacity: number;
}

/** A call's identity, status and capacity for other modules (e.g. evaluation), or null; `lock` = FOR UPDATE. */
export async function callRef(db: Database, id: string, lock = false): Promise<CallRef | null> {
  const q = db
    .select({ id: calls.id, title: calls.title, status: calls.status, capacity: calls.capacity })
    .from(calls)
    .where(eq(calls.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row ?? null;
}
