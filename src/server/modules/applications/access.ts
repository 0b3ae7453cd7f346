import { eq, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { ApplicationStatus } from '../../../shared/enums';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { NotFoundError } from '../../platform/errors';
import { assertCan, assertCanAny } from '../../platform/policy';
import { applications } from './schema';

type AppRow = typeof applications.$inferSelect;

export async function loadApplication(db: Database, id: string, lock = false) {
  const q = db.select().from(applications).where(eq(applications.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('application');
  return row;
}

/** Loads an application the caller may read (404 rather than 403 for other firms' applications). */
export async function readable(db: Database, actor: Actor, id: string, lock = false) {
  assertCanAny(actor, 'application.read');
  const row = await loadApplication(db, id, lock);
  try {
    assertCan(actor, 'application.read', { companyId: row.companyId });
  } catch {
    throw new NotFoundError('application');
  }
  return row;
}

/** Moves an application to a new status (version bump) and audits the move in the same transaction. */
export async function moveStatus(
  tx: Database,
  actor: Actor,
  app: AppRow,
  action: string,
  set: PgUpdateSetSource<typeof applications> & { status: ApplicationStatus },
  note: Record<string, unknown> = {},
) {
  const [row] = await tx
    .update(applications)
    .set({ ...set, version: sql`${applications.version} + 1`, updatedAt: sql`now()` })
    .where(eq(applications.id, app.id))
    .returning();
  await recordAudit(tx, actor, {
    action,
    entityType: 'application',
    entityId: app.id,
    before: { status: app.status },
    after: { status: row.status, ...note },
  });
  return row;
}

// When two company records are merged, applications move to the surviving record — except where it
// already applied to the same call (one application per company per call); those stay, and the audit
// entry of the merge keeps the link.
export async function mergeApplications(tx: Database, fromId: string, intoId: string) {
  await tx.execute(sql`
    UPDATE applications a SET company_id = ${intoId}, updated_at = now()
    WHERE a.company_id = ${fromId}
      AND NOT EXISTS (SELECT 1 FROM applications b WHERE b.company_id = ${intoId} AND b.call_id = a.call_id)`);
}
