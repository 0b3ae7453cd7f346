import { and, desc, eq } from 'drizzle-orm';
import type { AccessAction } from '../../shared/enums';
import type { Database } from '../db/client';
import type { Actor } from './actor';
import { accessLog, auditLog, users } from './schema';

/** Fields never written to the audit log. */
const SECRET_KEYS = new Set(['passwordHash', 'password', 'csrfToken']);
function scrub(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v ?? null;
  if (Array.isArray(v)) return v.map(scrub);
  if (v instanceof Date) return v.toISOString();
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .filter(([k]) => !SECRET_KEYS.has(k))
      .map(([k, x]) => [k, scrub(x)]),
  );
}

/** Records a change in the same transaction as the change itself (pass the transaction as `tx`). */
export async function recordAudit(
  tx: Database,
  actor: Actor,
  e: { action: string; entityType: string; entityId?: string | null; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor.userId ?? null,
    actorRole: actor.role,
    ip: actor.ip,
    requestId: actor.requestId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    before: scrub(e.before) as never,
    after: scrub(e.after) as never,
  });
}

/** Writes the personal-data access log (PIPA 개인정보 접속기록). */
export async function logAccess(
  db: Database,
  actor: Actor,
  e: {
    action: AccessAction;
    subjectType: string;
    subjectId?: string | null;
    count?: number;
    reason?: string;
  },
): Promise<void> {
  await db.insert(accessLog).values({
    userId: actor.userId ?? null,
    ip: actor.ip,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId ?? null,
    recordCount: e.count ?? 1,
    reason: e.reason ?? null,
  });
}

export async function entityHistory(db: Database, entityType: string, entityId: string, limit = 100) {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.name,
      action: auditLog.action,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
}
