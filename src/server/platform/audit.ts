import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AccessAction } from '../../shared/enums';
import { type Database, sqlRows } from '../db/client';
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

/**
 * The registry of personal fields in audit before/after, masked by the audit_log insert trigger
 * (migration 0009, `itda_mask_personal`) whoever writes the row: these keys in the object and in the
 * nested containers listed (an application's answers, …); `name` too when the entity is a user. The
 * history then shows "연락처 변경 010-****-5678 → 010-****-1234" without keeping the number, so a
 * deletion request is honoured by deleting the record itself. Keep in step with the SQL function.
 */
export const PERSONAL_AUDIT_FIELDS = {
  emails: ['email', 'contactEmail', 'applicantEmail', 'managerEmail', 'ownerEmail'],
  phones: ['phone', 'contactPhone', 'applicantPhone', 'managerPhone', 'ownerPhone', 'mobile'],
  names: [
    'representative',
    'contactName',
    'applicantName',
    'managerName',
    'ownerName',
    'ceoName',
    'personName',
    'participantName',
    'participants',
    'participantNames',
  ],
  userNames: ['name'],
  nested: ['answers', 'contact', 'contacts', 'targets', 'members', 'items', 'changes'],
} as const;

/**
 * Records a change in the same transaction as the change itself (pass the transaction as `tx`).
 * Personal fields are masked and the retention (category, keep_until) set by the database on insert.
 */
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
    before: scrub(e.before),
    after: scrub(e.after),
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
    /** which personal fields were shown */
    fields?: string[];
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
    fields: e.fields ?? null,
  });
}

/**
 * Logs a read of someone else's unmasked personal data (PIPA 개인정보 접속기록): staff and partners
 * reading a firm's people, applications, history or invitations. A member reading their own firm is
 * the data subject's side, not an access to log (`ownCompanyId`); nothing is logged when nothing
 * personal was shown (`count` 0).
 */
export async function logPersonalRead(
  db: Database,
  actor: Actor,
  e: {
    subjectType: string;
    subjectId?: string | null;
    fields: string[];
    count?: number;
    ownCompanyId?: string | null;
    purpose?: string;
  },
): Promise<void> {
  if (e.count === 0) return;
  if (e.ownCompanyId && actor.companyIds.includes(e.ownCompanyId)) return;
  await logAccess(db, actor, {
    action: 'view',
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    count: e.count,
    fields: e.fields,
    reason: e.purpose,
  });
}

/**
 * Deletes audit and access-log rows past their keep_until (retention per category, migration 0009)
 * through `itda_purge_expired_logs()`, a SECURITY DEFINER function of the tables' owner: the app role
 * has no DELETE right on the logs, and the append-only trigger lets only expired rows go.
 */
export async function purgeExpiredLogs(db: Database) {
  const [r] = await sqlRows<{ audit_deleted: string; access_deleted: string }>(
    db,
    sql`SELECT * FROM itda_purge_expired_logs()`,
  );
  return { audit: Number(r?.audit_deleted ?? 0), access: Number(r?.access_deleted ?? 0) };
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

/**
 * recordAudit as a fragment of a larger statement (a data-modifying CTE): one audit row per row of `from`,
 * e.g. `auditInsertSql(actor, { action, entityType: 'application', entityId: sql`m.id::text`,
 * after: sql`jsonb_build_object('status', m.status)`, from: sql`moved m` })`. `before` is a value (scrubbed
 * like recordAudit's); `after` a jsonb expression over `from`, which must hold no secret fields.
 */
export function auditInsertSql(
  actor: Actor,
  e: { action: string; entityType: string; entityId: SQL; before?: unknown; after: SQL; from: SQL },
): SQL {
  return sql`INSERT INTO audit_log (actor_id, actor_role, ip, request_id, action, entity_type, entity_id, before, after)
    SELECT ${actor.userId ?? null}::uuid, ${actor.role}, ${actor.ip}, ${actor.requestId}, ${e.action}, ${e.entityType},
      ${e.entityId}, ${JSON.stringify(scrub(e.before))}::jsonb, ${e.after}
    FROM ${e.from}`;
}
