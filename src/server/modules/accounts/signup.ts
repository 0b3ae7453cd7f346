import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { CONSENT_TEXTS, CONSENT_VERSION } from '../../../shared/consents';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { hashPassword, passwordProblem } from '../../platform/auth/password';
import { createSession } from '../../platform/auth/sessions';
import { BadRequestError, ValidationError } from '../../platform/errors';
import { tokenLink } from '../../platform/mail';
import { consents, outbox, roleChanges, signupRequests, users } from '../../platform/schema';
import type { SignupBody } from './contract';
import { sha256 } from './self-service';

/**
 * Sign-up by e-mail confirmation. The request answers the same for new and registered addresses:
 * a new address gets a link that creates the account; a registered one gets a notice that it is
 * registered, with the password-reset link. Nothing but the mailbox tells the two apart.
 */
export const SIGNUP_TOKEN_HOURS = 24;
/** sign-up mails per address per hour; further requests get the same answer and send nothing */
export const SIGNUP_MAILS_PER_HOUR = 3;
export const SIGNUP_MAIL_KINDS = ['signup_verify', 'signup_exists'] as const;

export const signupVerifyLink = (origin: string, token: string) => tokenLink(origin, '/signup/verify', token);

type Meta = { ip: string; userAgent?: string };

export async function requestSignup({
  db,
  input,
  origin,
  meta,
}: {
  db: Database;
  input: SignupBody;
  origin: string;
  meta: Meta;
}): Promise<void> {
  const problem = passwordProblem(input.password, input.email);
  if (problem) throw new ValidationError('validation_failed', [{ path: 'password', message: problem }]);
  const email = input.email.toLowerCase();
  // Hashed either way, so registered and new addresses take about the same time.
  const passwordHash = await hashPassword(input.password);
  const token = randomBytes(32).toString('base64url');
  await db.transaction(async (tx) => {
    // One request per address at a time: the hourly limit and the replacement hold under concurrency.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`signup:${email}`}))`);
    const [{ n }] = await tx
      .select({ n: count() })
      .from(outbox)
      .where(
        and(
          sql`lower(${outbox.to}) = ${email}`,
          inArray(outbox.kind, [...SIGNUP_MAIL_KINDS]),
          gt(outbox.createdAt, sql`now() - interval '1 hour'`),
        ),
      );
    const [existing] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (Number(n) >= SIGNUP_MAILS_PER_HOUR) return;
    if (existing) {
      await tx.insert(outbox).values({
        to: email,
        kind: 'signup_exists',
        subject: '[잇다] 이미 가입된 주소입니다 / This address is already registered',
        body: [
          '안녕하세요.',
          '이 주소로 잇다 회원가입을 요청하셨지만, 이 주소는 이미 가입되어 있습니다. 새 계정은 만들지 않았습니다.',
          '비밀번호가 기억나지 않으면 아래 ‘비밀번호 찾기’에서 새로 정할 수 있습니다.',
          '',
          `${origin}/password-reset`,
          '',
          '직접 요청하지 않으셨다면 이 메일을 무시하셔도 됩니다.',
          '',
          'Someone asked to sign up to itda with this address, but it is already registered; no new account was made.',
          'If you forgot your password, set a new one at the link above (비밀번호 찾기).',
          'If it was not you, ignore this mail.',
        ].join('\n'),
      });
      return;
    }
    const values = {
      email,
      tokenHash: sha256(token),
      passwordHash,
      name: input.name,
      phone: input.phone ?? null,
      role: input.role,
      consents: input.consents,
      consentVersion: CONSENT_VERSION,
      next: input.next ?? null,
      ip: meta.ip,
      expiresAt: sql`now() + make_interval(hours => ${SIGNUP_TOKEN_HOURS})`,
    };
    // A later request for the same address replaces the earlier one (its link stops working).
    // (the advisory lock above serialises requests for the address, so delete-then-insert is safe)
    await tx.delete(signupRequests).where(sql`lower(${signupRequests.email}) = ${email}`);
    await tx.insert(signupRequests).values(values);
    await tx.insert(outbox).values({
      to: email,
      kind: 'signup_verify',
      sensitive: false,
      subject: '[잇다] 회원가입을 완료해 주세요 / Confirm your sign-up',
      body: [
        `${input.name}님, 안녕하세요.`,
        '잇다 회원가입을 요청하셨습니다. 아래 주소를 열고 ‘가입 완료’를 누르면 계정이 만들어집니다.',
        `이 링크는 ${SIGNUP_TOKEN_HOURS}시간 동안 한 번만 쓸 수 있습니다.`,
        '',
        signupVerifyLink(origin, token),
        '',
        '요청하지 않으셨다면 이 메일을 무시하셔도 됩니다. 계정은 만들어지지 않습니다.',
        '',
        `Someone asked to sign up to itda with this address. Open the link above and press the button to create the account; it works once, for ${SIGNUP_TOKEN_HOURS} hours.`,
        'If it was not you, ignore this mail; no account is made.',
      ].join('\n'),
    });
  });
}

/** Confirms a sign-up link: creates the user and consent records (audited) and signs in. Single use. */
export async function verifySignup({ db, token, meta }: { db: Database; token: string; meta: Meta }) {
  const { user, next } = await db.transaction(async (tx) => {
    // Consumed in SQL: of two concurrent confirmations only one gets the row.
    const [pending] = await tx
      .delete(signupRequests)
      .where(and(eq(signupRequests.tokenHash, sha256(token)), gt(signupRequests.expiresAt, sql`now()`)))
      .returning();
    if (!pending) throw new BadRequestError('signup_token_invalid');
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${pending.email}`);
    if (existing) throw new BadRequestError('signup_token_invalid');
    const [created] = await tx
      .insert(users)
      .values({
        email: pending.email,
        name: pending.name,
        phone: pending.phone,
        role: pending.role,
        passwordHash: pending.passwordHash,
      })
      .returning();
    const self: Actor = {
      userId: created.id,
      role: created.role,
      companyIds: [],
      associationIds: [],
      ip: meta.ip,
      requestId: 'signup',
    };
    for (const kind of ['terms', 'privacy', 'marketing'] as const) {
      const text = CONSENT_TEXTS[kind].ko;
      await tx.insert(consents).values({
        userId: created.id,
        kind,
        version: pending.consentVersion,
        purpose: text.purpose,
        items: text.items,
        retention: text.retention,
        granted: pending.consents[kind],
        ip: pending.ip ?? meta.ip,
      });
    }
    await tx.insert(roleChanges).values({ userId: created.id, toRole: created.role, reason: 'signup' });
    await recordAudit(tx, self, {
      action: 'user.signup',
      entityType: 'user',
      entityId: created.id,
      after: { email: created.email, role: created.role, consents: pending.consents, confirmedByEmail: true },
    });
    return { user: created, next: pending.next };
  });
  const session = await createSession(db, user, meta);
  return { user, session, next };
}

/** The demo mailbox: the latest sign-up mails to one address (never password-reset or other mail). */
export async function demoMailbox({ db, email }: { db: Database; email: string }) {
  const rows = await db
    .select({ id: outbox.id, subject: outbox.subject, body: outbox.body, createdAt: outbox.createdAt })
    .from(outbox)
    .where(
      and(
        sql`lower(${outbox.to}) = ${email.toLowerCase()}`,
        inArray(outbox.kind, [...SIGNUP_MAIL_KINDS]),
        eq(outbox.sensitive, false),
      ),
    )
    .orderBy(desc(outbox.createdAt))
    .limit(5);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}
