import { createHash, randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { CONSENT_TEXTS, CONSENT_VERSION } from '../../../shared/consents';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/auth/password';
import { deleteUserSessions } from '../../platform/auth/sessions';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors';
import { tokenLink } from '../../platform/mail';
import { assertCan } from '../../platform/policy';
import { consents, outbox, passwordResetTokens, sessions, users } from '../../platform/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { associationMembers, companyMembers } from '../companies/schema';
import type {
  AccountDto,
  accountPatchBody,
  passwordChangeBody,
  passwordResetConfirmBody,
} from './self-contract';

/**
 * Self-service: password reset by e-mail link, password change, profile, marketing consent,
 * 회원탈퇴. Every change is audited; a new password ends the person's other sessions.
 */
export const RESET_TOKEN_MINUTES = 30;
/** reset mails per account per hour; further requests get the same answer and send nothing */
export const RESET_MAILS_PER_HOUR = 3;

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const passwordResetLink = (origin: string, token: string) =>
  tokenLink(origin, '/password-reset', token);

type Meta = { ip: string };

function assertPassword(password: string, email: string, path = 'password') {
  const problem = passwordProblem(password, email);
  if (problem) throw new ValidationError('validation_failed', [{ path, message: problem }]);
}

const anonymous = (userId: string, role: Actor['role'], meta: Meta, requestId: string): Actor => ({
  userId,
  role,
  companyIds: [],
  associationIds: [],
  ip: meta.ip,
  requestId,
});

/**
 * Starts a password reset. The answer never says whether the address has an account: unknown,
 * disabled, left (탈퇴) and demo accounts, and accounts past the hourly mail limit, get no mail.
 */
export async function requestPasswordReset({
  db,
  email,
  origin,
  meta,
  requestId,
}: {
  db: Database;
  email: string;
  origin: string;
  meta: Meta;
  requestId: string;
}): Promise<void> {
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!user?.active || user.deletedAt || user.isDemo) {
    // About the same database work as for a real account, so timing does not tell accounts apart.
    await db.transaction(async (tx) => {
      await tx
        .select({ n: count() })
        .from(passwordResetTokens)
        .where(sql`${passwordResetTokens.tokenHash} = ${sha256(email)}`);
    });
    return;
  }
  await db.transaction(async (tx) => {
    // Serialise requests for one account so the hourly limit holds under concurrency.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for('update');
    const [{ n }] = await tx
      .select({ n: count() })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userId, user.id),
          gt(passwordResetTokens.createdAt, sql`now() - interval '1 hour'`),
        ),
      );
    if (Number(n) >= RESET_MAILS_PER_HOUR) return;
    const token = randomBytes(32).toString('base64url');
    const [row] = await tx
      .insert(passwordResetTokens)
      .values({
        userId: user.id,
        tokenHash: sha256(token),
        ip: meta.ip,
        expiresAt: sql`now() + make_interval(mins => ${RESET_TOKEN_MINUTES})`,
      })
      .returning({ id: passwordResetTokens.id });
    await tx.insert(outbox).values({
      to: user.email,
      subject: '[잇다] 비밀번호 재설정 안내 / Password reset',
      sensitive: true,
      body: [
        `${user.name}님, 안녕하세요.`,
        '잇다 계정의 비밀번호 재설정을 요청하셨습니다. 아래 주소에서 새 비밀번호를 정해 주세요.',
        `이 링크는 ${RESET_TOKEN_MINUTES}분 동안 한 번만 쓸 수 있습니다.`,
        '',
        passwordResetLink(origin, token),
        '',
        '요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. 비밀번호는 바뀌지 않습니다.',
        '',
        `Someone asked to reset the password of your itda account. The link above works once, for ${RESET_TOKEN_MINUTES} minutes.`,
        'If it was not you, ignore this mail; your password stays the same.',
      ].join('\n'),
    });
    await recordAudit(tx, anonymous(user.id, 'public', meta, requestId), {
      action: 'user.password_reset_request',
      entityType: 'user',
      entityId: user.id,
      after: { tokenId: row.id },
    });
  });
}

/** Sets a new password with a reset link: single use (the token is consumed in SQL), all sessions end. */
export async function confirmPasswordReset({
  db,
  input,
  meta,
  requestId,
}: {
  db: Database;
  input: z.infer<typeof passwordResetConfirmBody>;
  meta: Meta;
  requestId: string;
}) {
  const hash = sha256(input.token);
  const [found] = await db
    .select({ userId: users.id, email: users.email, role: users.role })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, sql`now()`),
        eq(users.active, true),
        isNull(users.deletedAt),
      ),
    );
  if (!found) throw new BadRequestError('reset_token_invalid');
  assertPassword(input.password, found.email);
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hash),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, sql`now()`),
        ),
      )
      .returning({ id: passwordResetTokens.id });
    if (!used) throw new BadRequestError('reset_token_invalid');
    // Other links of the account stop working too.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResetTokens.userId, found.userId), isNull(passwordResetTokens.usedAt)));
    await tx
      .update(users)
      .set({ passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` })
      .where(eq(users.id, found.userId));
    await deleteUserSessions(tx, found.userId);
    await tx.insert(outbox).values(passwordChangedMail(found.email));
    await recordAudit(tx, anonymous(found.userId, found.role, meta, requestId), {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: found.userId,
      after: { tokenId: used.id, sessionsEnded: 'all' },
    });
  });
}

const passwordChangedMail = (to: string) => ({
  to,
  subject: '[잇다] 비밀번호가 변경되었습니다 / Your password was changed',
  body: [
    '잇다 계정의 비밀번호가 변경되었고, 다른 기기의 로그인은 모두 끝났습니다.',
    '직접 바꾸지 않으셨다면 로그인 화면의 ‘비밀번호 찾기’로 비밀번호를 다시 정하고 운영기관에 알려 주세요.',
    '',
    'The password of your itda account was changed and your other sign-ins were ended.',
    'If it was not you, reset it with “Forgot password” on the sign-in page and tell the agency.',
  ].join('\n'),
});

async function loadSelf(db: Database, actor: Actor) {
  assertCan(actor, 'self.read');
  const [u] = await db.select().from(users).where(eq(users.id, actor.userId!));
  if (!u || u.deletedAt) throw new NotFoundError('user');
  return u;
}

/** The signed-in person's own account: profile, consent history, firms. */
export async function getAccount({ db, actor }: { db: Database; actor: Actor }): Promise<AccountDto> {
  const u = await loadSelf(db, actor);
  const rows = await db
    .select()
    .from(consents)
    .where(eq(consents.userId, u.id))
    .orderBy(desc(consents.at), desc(consents.id));
  const marketing = rows.find((r) => r.kind === 'marketing');
  const firms = await sqlRows<{
    id: string;
    name: string;
    role: string;
    status: string;
    next_owner: boolean;
  }>(
    db,
    sql`
    SELECT c.id, c.name, cm.role::text AS role, cm.status::text AS status,
      (cm.role = 'owner' AND EXISTS (SELECT 1 FROM company_members o
         WHERE o.company_id = cm.company_id AND o.user_id <> cm.user_id AND o.status = 'active')) AS next_owner
    FROM company_members cm JOIN companies c ON c.id = cm.company_id
    WHERE cm.user_id = ${u.id} ORDER BY c.name`,
  );
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    phone: u.phone,
    role: u.role,
    isDemo: u.isDemo,
    createdAt: u.createdAt.toISOString(),
    marketing: { granted: marketing?.granted ?? false, at: marketing?.at.toISOString() ?? null },
    consents: rows.map((r) => ({
      kind: r.kind,
      version: r.version,
      granted: r.granted,
      at: r.at.toISOString(),
      withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    })),
    companies: firms.map((f) => ({
      id: f.id,
      name: f.name,
      role: f.role,
      status: f.status,
      nextOwner: !!f.next_owner,
    })),
  };
}

export async function patchAccount({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof accountPatchBody>;
}) {
  assertCan(actor, 'self.update');
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.userId!)).for('update');
    if (!before || before.deletedAt) throw new NotFoundError('user');
    const [after] = await tx
      .update(users)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.phone !== undefined ? { phone: input.phone } : {}),
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, before.id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'user.profile_update',
      entityType: 'user',
      entityId: before.id,
      before: { name: before.name, phone: before.phone },
      after: { name: after.name, phone: after.phone },
    });
  });
  return getAccount({ db, actor });
}

/** Changes the password (current one required); the person's other sessions end, this one stays. */
export async function changePassword({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof passwordChangeBody>;
}) {
  assertCan(actor, 'self.update');
  const u = await loadSelf(db, actor);
  if (u.isDemo) throw new ForbiddenError('demo_account');
  if (!(await verifyPassword(u.passwordHash, input.currentPassword)))
    throw new ValidationError('validation_failed', [{ path: 'currentPassword', message: 'password_wrong' }]);
  assertPassword(input.newPassword, u.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(users.id, u.id));
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, u.id), actor.sessionId ? ne(sessions.id, actor.sessionId) : undefined));
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResetTokens.userId, u.id), isNull(passwordResetTokens.usedAt)));
    await tx.insert(outbox).values(passwordChangedMail(u.email));
    await recordAudit(tx, actor, {
      action: 'user.password_change',
      entityType: 'user',
      entityId: u.id,
      after: { otherSessionsEnded: true },
    });
  });
}

/** Grants or withdraws the optional marketing consent: a new consent record (the history stays). */
export async function setMarketingConsent({
  db,
  actor,
  granted,
}: {
  db: Database;
  actor: Actor;
  granted: boolean;
}) {
  assertCan(actor, 'self.update');
  await db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, actor.userId!)).for('update');
    if (!u || u.deletedAt) throw new NotFoundError('user');
    await recordMarketing(tx, actor, u.id, granted);
  });
  return getAccount({ db, actor });
}

async function recordMarketing(tx: Database, actor: Actor, userId: string, granted: boolean) {
  const [current] = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.kind, 'marketing')))
    .orderBy(desc(consents.at), desc(consents.id))
    .limit(1);
  if ((current?.granted ?? false) === granted) return false;
  if (!granted)
    await tx
      .update(consents)
      .set({ withdrawnAt: sql`now()` })
      .where(
        and(
          eq(consents.userId, userId),
          eq(consents.kind, 'marketing'),
          eq(consents.granted, true),
          isNull(consents.withdrawnAt),
        ),
      );
  const text = CONSENT_TEXTS.marketing.ko;
  await tx.insert(consents).values({
    userId,
    kind: 'marketing',
    version: CONSENT_VERSION,
    purpose: text.purpose,
    items: text.items,
    retention: text.retention,
    granted,
    ip: actor.ip,
  });
  await recordAudit(tx, actor, {
    action: granted ? 'consent.grant' : 'consent.withdraw',
    entityType: 'user',
    entityId: userId,
    after: { kind: 'marketing', granted },
  });
  return true;
}

/**
 * 회원탈퇴: the password confirms it. The user row is anonymised at once (name, e-mail and phone
 * replaced, password unusable, cannot sign in), sessions and reset links end, unsent mail to the
 * address is deleted, marketing consent is withdrawn, company and association memberships end.
 * A firm's owner may leave: the earliest other active member becomes owner; without one the firm
 * stays in the registry without owner (the next member who claims it becomes owner).
 * Kept: records made for firms (applications, diagnoses), consent records, the audit and access logs.
 */
export async function deleteAccount({
  db,
  actor,
  password,
}: {
  db: Database;
  actor: Actor;
  password: string;
}) {
  assertCan(actor, 'self.update');
  const u = await loadSelf(db, actor);
  if (u.isDemo) throw new ForbiddenError('demo_account');
  if (!(await verifyPassword(u.passwordHash, password)))
    throw new ValidationError('validation_failed', [{ path: 'password', message: 'password_wrong' }]);
  await db.transaction(async (tx) => {
    const [me] = await tx.select().from(users).where(eq(users.id, u.id)).for('update');
    if (!me || me.deletedAt) throw new NotFoundError('user');
    if (me.role === 'admin') {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.active, true)));
      if (Number(n) <= 1) throw new ConflictError('last_admin');
    }
    await recordMarketing(tx, actor, me.id, false);
    const memberships = await tx
      .select({ companyId: companyMembers.companyId, role: companyMembers.role })
      .from(companyMembers)
      .where(eq(companyMembers.userId, me.id))
      .for('update');
    const owned = memberships.filter((m) => m.role === 'owner');
    const handedOver: { companyId: string; to: string }[] = [];
    await tx.delete(companyMembers).where(eq(companyMembers.userId, me.id));
    for (const { companyId } of owned) {
      const [next] = await tx
        .select({ userId: companyMembers.userId })
        .from(companyMembers)
        .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.status, 'active')))
        .orderBy(asc(companyMembers.createdAt), asc(companyMembers.userId))
        .limit(1);
      if (!next) continue;
      await tx
        .update(companyMembers)
        .set({ role: 'owner' })
        .where(and(eq(companyMembers.companyId, companyId), eq(companyMembers.userId, next.userId)));
      handedOver.push({ companyId, to: next.userId });
    }
    await tx.delete(associationMembers).where(eq(associationMembers.userId, me.id));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, me.id));
    await tx
      .delete(outbox)
      .where(and(sql`lower(${outbox.to}) = ${me.email.toLowerCase()}`, ne(outbox.status, 'sent')));
    await deleteUserSessions(tx, me.id);
    await tx
      .update(users)
      .set({
        email: `deleted-${me.id}@deleted.invalid`,
        name: '탈퇴한 회원',
        phone: null,
        passwordHash: '!deleted',
        active: false,
        failedLogins: 0,
        lockedUntil: null,
        deletedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(eq(users.id, me.id));
    await recordAudit(tx, actor, {
      action: 'user.delete_self',
      entityType: 'user',
      entityId: me.id,
      after: {
        anonymised: true,
        companiesLeft: memberships.map((m) => m.companyId),
        ownershipHandedOver: handedOver,
      },
    });
  });
}
