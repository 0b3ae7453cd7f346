import { and, asc, count, desc, eq, gt, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Role } from '../../../shared/enums';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { burnVerify, hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/password';
import { createSession, deleteSession, deleteUserSessions } from '../../platform/auth/sessions';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import { accessLog, loginAttempts, roleChanges, users } from '../../platform/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { associationMembers, associations } from '../companies/schema';
import type {
  accessLogQuery,
  loginBody,
  User,
  userCreateBody,
  userListQuery,
  userPatchBody,
} from './contract';

export const LOCK_AFTER_FAILS = 5;
export const LOCK_MINUTES = 15;
export const MAX_ATTEMPTS_PER_HOUR = 100;

type Meta = { ip: string; userAgent?: string };

function assertPassword(password: string, email: string) {
  const problem = passwordProblem(password, email);
  if (problem) throw new ValidationError('validation_failed', [{ path: 'password', message: problem }]);
}

/** Signs in: throttled per account, locked after repeated failures, new session id every time. */
export async function login({
  db,
  input,
  meta,
}: {
  db: Database;
  input: z.infer<typeof loginBody>;
  meta: Meta;
}) {
  const email = input.email.toLowerCase();
  const [{ n }] = await db
    .select({ n: count() })
    .from(loginAttempts)
    .where(
      and(
        sql`lower(${loginAttempts.email}) = ${email}`,
        eq(loginAttempts.ok, false),
        gt(loginAttempts.at, sql`now() - interval '1 hour'`),
      ),
    );
  if (Number(n) >= MAX_ATTEMPTS_PER_HOUR) throw new RateLimitedError('rate_limited');

  const attempt = (ok: boolean) => db.insert(loginAttempts).values({ email, ok, ip: meta.ip });
  // The lock is judged by the database's clock, in the same query: milliseconds left, or null.
  const [found] = await db
    .select({ user: users, lockMs: lockMsLeft(users.lockedUntil) })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  if (!found) {
    // No account: the same answers as for an account (5 failures → locked for 15 minutes), so that
    // neither the status nor the message tells whether the e-mail is registered.
    const prior = await unknownEmailLock(db, email);
    if (prior.lockMs !== null) {
      await attempt(false);
      throw lockedError(prior.lockMs);
    }
    await burnVerify(input.password);
    await attempt(false);
    if (prior.fails + 1 >= LOCK_AFTER_FAILS) throw lockedError(LOCK_MINUTES * 60_000);
    throw new UnauthorizedError('invalid_credentials');
  }
  const { user } = found;
  if (found.lockMs !== null) {
    await attempt(false);
    throw lockedError(found.lockMs);
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await attempt(false);
    const [after] = await db
      .update(users)
      .set({
        failedLogins: sql`CASE WHEN ${users.failedLogins} + 1 >= ${LOCK_AFTER_FAILS} THEN 0 ELSE ${users.failedLogins} + 1 END`,
        lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${LOCK_AFTER_FAILS} THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE ${users.lockedUntil} END`,
      })
      .where(eq(users.id, user.id))
      .returning({ lockMs: lockMsLeft(users.lockedUntil) });
    if (after && after.lockMs !== null) throw lockedError(after.lockMs);
    throw new UnauthorizedError('invalid_credentials');
  }
  if (!user.active) {
    await attempt(false);
    throw new ForbiddenError('account_disabled');
  }
  await attempt(true);
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: sql`now()` })
    .where(eq(users.id, user.id));
  const session = await createSession(db, user, meta);
  return { user, session };
}

/**
 * The lock-out of an e-mail that has no account, replayed from the attempts log (the last day's failures):
 * every LOCK_AFTER_FAILS failures outside a lock start a lock of LOCK_MINUTES, as `users.locked_until` does.
 */
async function unknownEmailLock(db: Database, email: string) {
  const rows = await db
    .select({
      agoMs: sql<number>`(extract(epoch from now() - ${loginAttempts.at}) * 1000)::float8`.mapWith(Number),
    })
    .from(loginAttempts)
    .where(
      and(
        sql`lower(${loginAttempts.email}) = ${email}`,
        eq(loginAttempts.ok, false),
        gt(loginAttempts.at, sql`now() - interval '1 day'`),
      ),
    )
    .orderBy(asc(loginAttempts.at));
  // Times in milliseconds relative to the database's now (attempts are in the past: negative).
  let fails = 0;
  let until: number | null = null;
  for (const r of rows) {
    const t = -r.agoMs;
    if (until !== null && t < until) continue;
    fails++;
    if (fails >= LOCK_AFTER_FAILS) {
      until = t + LOCK_MINUTES * 60_000;
      fails = 0;
    }
  }
  return { fails, lockMs: until !== null && until > 0 ? until : null };
}

/** Milliseconds until `lockedUntil` by the database's clock; null when not locked (now or in the past). */
function lockMsLeft(lockedUntil: typeof users.lockedUntil) {
  return sql<
    number | null
  >`CASE WHEN ${lockedUntil} > now() THEN (extract(epoch from ${lockedUntil} - now()) * 1000)::float8 END`.mapWith(
    Number,
  );
}

function lockedError(msLeft: number) {
  const minutes = Math.max(1, Math.ceil(msLeft / 60_000));
  return new RateLimitedError('account_locked', { minutes });
}

export async function logout({ db, actor }: { db: Database; actor: Actor }) {
  if (actor.sessionId) await deleteSession(db, actor.sessionId);
}

/** Ends every session of the caller ("log out everywhere"). */
export async function logoutEverywhere({ db, actor }: { db: Database; actor: Actor }) {
  assertCan(actor, 'self.read');
  await deleteUserSessions(db, actor.userId!);
  await db.transaction(async (tx) => {
    await recordAudit(tx, actor, { action: 'user.logout_all', entityType: 'user', entityId: actor.userId });
  });
}

export async function loadSessionUser(db: Database, actor: Actor) {
  if (!actor.userId) return null;
  const [u] = await db.select({ isDemo: users.isDemo }).from(users).where(eq(users.id, actor.userId));
  return {
    id: actor.userId,
    email: actor.email!,
    name: actor.name!,
    role: actor.role as Role,
    companyIds: actor.companyIds,
    associationIds: actor.associationIds,
    isDemo: u?.isDemo ?? false,
  };
}

async function associationIdsOf(db: Database, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string[]>();
  const rows = await db.select().from(associationMembers).where(inArray(associationMembers.userId, userIds));
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.userId, [...(m.get(r.userId) ?? []), r.associationId]);
  return m;
}

/** `now`: the database's now, which a lock must outlast to be shown (no lock is shown without it). */
function mapUser(u: typeof users.$inferSelect, associationIds: string[] = [], now?: Date): User {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role: u.role,
    active: u.active,
    isDemo: u.isDemo,
    lockedUntil: u.lockedUntil && now && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    associationIds,
  };
}

export async function listUsers({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof userListQuery>;
}) {
  assertCan(actor, 'user.manage');
  const where = and(
    input.role ? eq(users.role, input.role) : undefined,
    input.q ? or(ilike(users.email, `%${input.q}%`), ilike(users.name, `%${input.q}%`)) : undefined,
  );
  const [rows, [{ n, now }]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(users.role, users.email)
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db
      .select({ n: count(), now: sql<Date>`now()`.mapWith(users.lockedUntil) })
      .from(users)
      .where(where),
  ]);
  const assoc = await associationIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => mapUser(r, assoc.get(r.id), now)),
    total: Number(n),
    page: input.page,
    pageSize: input.pageSize,
  };
}

async function setAssociations(tx: Database, userId: string, associationIds: string[]) {
  await tx.delete(associationMembers).where(eq(associationMembers.userId, userId));
  if (associationIds.length) {
    const found = await tx
      .select({ id: associations.id })
      .from(associations)
      .where(inArray(associations.id, associationIds));
    if (found.length !== new Set(associationIds).size)
      throw new ValidationError('validation_failed', [{ path: 'associationIds', message: 'invalid_value' }]);
    await tx
      .insert(associationMembers)
      .values(associationIds.map((associationId) => ({ associationId, userId })));
  }
}

/** Admins create staff, reviewer, consultant, partner and viewer accounts. */
export async function createUser({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof userCreateBody>;
}) {
  assertCan(actor, 'user.manage');
  assertPassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    if (existing) throw new ConflictError('email_taken');
    const [u] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        phone: input.phone ?? null,
        role: input.role,
        passwordHash,
      })
      .returning();
    if (input.associationIds) await setAssociations(tx, u.id, input.associationIds);
    await tx
      .insert(roleChanges)
      .values({ userId: u.id, toRole: u.role, changedBy: actor.userId, reason: 'created' });
    const dto = mapUser(u, input.associationIds ?? []);
    await recordAudit(tx, actor, { action: 'user.create', entityType: 'user', entityId: u.id, after: dto });
    return dto;
  });
}

export async function patchUser({
  db,
  actor,
  id,
  input,
}: {
  db: Database;
  actor: Actor;
  id: string;
  input: z.infer<typeof userPatchBody>;
}) {
  assertCan(actor, 'user.manage');
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ before: users, now: sql<Date>`now()`.mapWith(users.lockedUntil) })
      .from(users)
      .where(eq(users.id, id))
      .for('update');
    if (!locked) throw new NotFoundError('user');
    const { before, now } = locked;
    const demoting = (input.role && input.role !== 'admin') || input.active === false;
    if (before.role === 'admin' && demoting) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true)));
      if (Number(n) <= 1) throw new ConflictError('last_admin');
    }
    const [after] = await tx
      .update(users)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(input.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, id))
      .returning();
    if (input.associationIds) await setAssociations(tx, id, input.associationIds);
    if (input.role && input.role !== before.role) {
      await tx.insert(roleChanges).values({
        userId: id,
        fromRole: before.role,
        toRole: input.role,
        changedBy: actor.userId,
        reason: input.reason ?? null,
      });
    }
    // A changed role or a disabled account takes effect at once: end the person's sessions.
    if ((input.role && input.role !== before.role) || input.active === false)
      await deleteUserSessions(tx, id);
    const assoc = await associationIdsOf(tx, [id]);
    await recordAudit(tx, actor, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: mapUser(before, undefined, now),
      after: mapUser(after, assoc.get(id), now),
    });
    return mapUser(after, assoc.get(id), now);
  });
}

export async function listRoleChanges({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'user.manage');
  const rows = await db
    .select()
    .from(roleChanges)
    .where(eq(roleChanges.userId, id))
    .orderBy(desc(roleChanges.at));
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
}

export async function listAssociations({ db, actor }: { db: Database; actor: Actor }) {
  assertCan(actor, 'company.list');
  const rows = await sqlRows<{ id: string; name: string; member_count: string | number }>(
    db,
    sql`
    SELECT a.id, a.name, (SELECT count(*) FROM company_associations ca WHERE ca.association_id = a.id) AS member_count
    FROM associations a ORDER BY a.name`,
  );
  const visible = actor.role === 'partner' ? rows.filter((r) => actor.associationIds.includes(r.id)) : rows;
  return { items: visible.map((r) => ({ id: r.id, name: r.name, memberCount: Number(r.member_count) })) };
}

export async function createAssociation({ db, actor, name }: { db: Database; actor: Actor; name: string }) {
  assertCan(actor, 'user.manage');
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(associations).where(eq(associations.name, name));
    if (existing) throw new ConflictError('conflict');
    const [a] = await tx.insert(associations).values({ name }).returning();
    await recordAudit(tx, actor, {
      action: 'association.create',
      entityType: 'association',
      entityId: a.id,
      after: a,
    });
    return { id: a.id, name: a.name, memberCount: 0 };
  });
}

export async function listAccessLog({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof accessLogQuery>;
}) {
  assertCan(actor, 'accessLog.read');
  const where = and(
    input.userId ? eq(accessLog.userId, input.userId) : undefined,
    input.subjectId ? eq(accessLog.subjectId, input.subjectId) : undefined,
  );
  const [rows, [{ n }]] = await Promise.all([
    db
      .select({
        id: accessLog.id,
        at: accessLog.at,
        userId: accessLog.userId,
        userName: users.name,
        ip: accessLog.ip,
        action: accessLog.action,
        subjectType: accessLog.subjectType,
        subjectId: accessLog.subjectId,
        recordCount: accessLog.recordCount,
        reason: accessLog.reason,
      })
      .from(accessLog)
      .leftJoin(users, eq(users.id, accessLog.userId))
      .where(where)
      .orderBy(desc(accessLog.id))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: count() }).from(accessLog).where(where),
  ]);
  return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total: Number(n) };
}

/** Active company memberships and associations of a user (for the login response). */
export async function loadMemberships(db: Database, userId: string) {
  const [row] = await sqlRows<{ company_ids: string[] | null; association_ids: string[] | null }>(
    db,
    sql`
    SELECT (SELECT array_agg(company_id::text) FROM company_members WHERE user_id = ${userId} AND status = 'active') AS company_ids,
           (SELECT array_agg(association_id::text) FROM association_members WHERE user_id = ${userId}) AS association_ids`,
  );
  return { companyIds: row?.company_ids ?? [], associationIds: row?.association_ids ?? [] };
}
