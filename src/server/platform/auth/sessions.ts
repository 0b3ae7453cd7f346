import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/enums';
import { STAFF_ROLES } from '../../../shared/enums';
import type { Database } from '../../db/client';
// biome-ignore lint/style/noRestrictedImports: platform never imports modules; to be injected
import { associationMembers, companyMembers } from '../../modules/companies/schema';
import { sessions, users } from '../schema';

export const SESSION_COOKIE = 'itda_sid';
export const CSRF_COOKIE = 'itda_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** Staff: idle 30 min, absolute 12 h. Others: idle 2 h, absolute 7 days. */
export function sessionLimits(role: Role) {
  return STAFF_ROLES.includes(role)
    ? { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 }
    : { idleMs: 2 * 3600_000, absoluteMs: 7 * 24 * 3600_000 };
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function createSession(
  db: Database,
  user: { id: string; role: Role },
  meta: { ip: string; userAgent?: string },
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const { absoluteMs } = sessionLimits(user.role);
  // The database's clock: the expiry is now() + the absolute limit, read back with the insert.
  const [{ expiresAt }] = await db
    .insert(sessions)
    .values({
      id: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt: sql`now() + make_interval(secs => ${absoluteMs / 1000})`,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300),
    })
    .returning({ expiresAt: sessions.expiresAt });
  return { token, csrfToken, expiresAt };
}

export interface SessionUser {
  sessionId: string;
  csrfToken: string;
  userId: string;
  role: Role;
  name: string;
  email: string;
  companyIds: string[];
  associationIds: string[];
}

/** Resolves a cookie token; deletes and returns undefined when idle or absolute limits passed. */
export async function resolveSession(
  db: Database,
  token: string,
): Promise<SessionUser | 'expired' | undefined> {
  const id = sha256(token);
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      // Ages measured by the database's clock, in the same query (no extra round trip).
      expired: sql<boolean>`${sessions.expiresAt} <= now()`,
      idleMs: sql<number>`(extract(epoch from now() - ${sessions.lastSeenAt}) * 1000)::float8`.mapWith(
        Number,
      ),
      userId: users.id,
      role: users.role,
      name: users.name,
      email: users.email,
      active: users.active,
      companyIds: sql<
        string[]
      >`coalesce((select array_agg(${companyMembers.companyId}::text) from ${companyMembers} where ${companyMembers.userId} = ${users.id} and ${companyMembers.status} = 'active'), '{}')`,
      associationIds: sql<
        string[]
      >`coalesce((select array_agg(${associationMembers.associationId}::text) from ${associationMembers} where ${associationMembers.userId} = ${users.id}), '{}')`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return undefined;
  const { idleMs } = sessionLimits(row.role);
  if (!row.active || row.expired || row.idleMs >= idleMs) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return 'expired';
  }
  // Touch at most once a minute to keep writes low.
  if (row.idleMs > 60_000) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  }
  return {
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
    userId: row.userId,
    role: row.role,
    name: row.name,
    email: row.email,
    companyIds: parseArray(row.companyIds),
    associationIds: parseArray(row.associationIds),
  };
}

/** node-postgres returns text[] as arrays; PGlite too, but be tolerant of '{a,b}' strings. */
function parseArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string')
    return v
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean);
  return [];
}

export async function deleteSession(db: Database, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Database, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Database) {
  await db
    .delete(sessions)
    .where(
      or(lt(sessions.expiresAt, sql`now()`), and(lt(sessions.lastSeenAt, sql`now() - interval '1 day'`))),
    );
}
