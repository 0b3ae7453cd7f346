import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { maskEmail } from '../../../shared/text';
import { type Database, sqlRows } from '../../db/client';
import { type Actor, isStaff } from '../../platform/actor';
import { logPersonalRead, recordAudit } from '../../platform/audit';
import { RateLimitedError, ValidationError } from '../../platform/errors';
import { assertCan, assertCanAny } from '../../platform/policy';
import { outbox } from '../../platform/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { companies } from '../companies/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { loadCompany } from '../companies/service';
import type { InvitationCreateBody, InvitationStatus } from './contract';
import { diagnosisInvitations } from './schema';

/**
 * Invitations to take the diagnosis: partners invite their association's member firms, staff any firm
 * or an email address. A link (random token, only its hash stored) and an outbox email; tracked
 * sent → started → submitted. Partners see their own invitations and aggregates, never answers.
 */
type Row = typeof diagnosisInvitations.$inferSelect;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const invitationLink = (token: string) => `/diagnosis/start?invite=${encodeURIComponent(token)}`;

const statusOf = (r: Pick<Row, 'startedAt' | 'submittedAt'>): InvitationStatus =>
  r.submittedAt ? 'submitted' : r.startedAt ? 'started' : 'sent';

function mapInvitation(r: Row, companyName: string | null, partner: boolean) {
  return {
    id: r.id,
    companyId: r.companyId,
    companyName,
    email: partner ? maskEmail(r.email) : r.email,
    associationId: r.associationId,
    status: statusOf(r),
    sentAt: r.sentAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    submittedAt: r.submittedAt?.toISOString() ?? null,
  };
}

/**
 * Partners invite only their association's member firms, only at the firm's registered email, and at most
 * `dailyCap` invitations per association per day (Asia/Seoul). The cap is counted in SQL under a lock on the
 * association's row, so several app instances together cannot exceed it.
 */
export async function createInvitations({
  db,
  actor,
  input,
  origin,
  dailyCap,
}: {
  db: Database;
  actor: Actor;
  input: InvitationCreateBody;
  /** the site's origin for the link in the email: config.publicUrl, never the request's Host header */
  origin: string;
  /** invitations one association may send per day (config PARTNER_INVITES_PER_DAY) */
  dailyCap: number;
}) {
  assertCanAny(actor, 'diagnosis.invite');
  const targets: {
    companyId: string | null;
    companyName: string | null;
    email: string | null;
    associationId: string | null;
    inviter: string;
  }[] = [];
  for (const t of input.targets) {
    if (!t.companyId) {
      assertCan(actor, 'diagnosis.invite');
      targets.push({
        companyId: null,
        companyName: null,
        email: t.email!,
        associationId: null,
        inviter: '서울산업진흥원',
      });
      continue;
    }
    const { row, assoc, resource } = await loadCompany(db, t.companyId);
    assertCan(actor, 'diagnosis.invite', resource);
    const mine = isStaff(actor) ? undefined : assoc.find((a) => actor.associationIds.includes(a.id));
    if (!isStaff(actor)) {
      const path = `targets.${targets.length}.email`;
      if (!row.email) throw new ValidationError('invitation_no_email', [{ path, message: 'required' }]);
      if (t.email && t.email.toLowerCase() !== row.email.toLowerCase())
        throw new ValidationError('invitation_email_registered', [{ path, message: 'invalid_value' }]);
    }
    targets.push({
      companyId: row.id,
      companyName: row.name,
      email: isStaff(actor) ? (t.email ?? row.email ?? null) : row.email,
      associationId: mine?.id ?? null,
      inviter: mine?.name ?? '서울산업진흥원',
    });
  }
  const created = await db.transaction(async (tx) => {
    if (!isStaff(actor)) {
      const perAssociation = new Map<string, number>();
      for (const t of targets)
        if (t.associationId)
          perAssociation.set(t.associationId, (perAssociation.get(t.associationId) ?? 0) + 1);
      for (const [associationId, n] of [...perAssociation].sort(([a], [b]) => a.localeCompare(b))) {
        // The association's row lock serialises its partners' invitations across instances.
        await tx.execute(sql`SELECT 1 FROM associations WHERE id = ${associationId}::uuid FOR UPDATE`);
        const [{ sent }] = await sqlRows<{ sent: number }>(
          tx,
          sql`SELECT count(*)::int AS sent FROM diagnosis_invitations
              WHERE association_id = ${associationId}::uuid
                AND sent_at >= (date_trunc('day', now() AT TIME ZONE 'Asia/Seoul') AT TIME ZONE 'Asia/Seoul')`,
        );
        if (sent + n > dailyCap) throw new RateLimitedError('invitation_daily_cap', { cap: dailyCap, sent });
      }
    }
    const out = [];
    for (const t of targets) {
      const token = randomBytes(24).toString('base64url');
      const [row] = await tx
        .insert(diagnosisInvitations)
        .values({
          tokenHash: hashToken(token),
          companyId: t.companyId,
          email: t.email,
          associationId: t.associationId,
          message: input.message ?? null,
          invitedBy: actor.userId,
        })
        .returning();
      if (t.email) {
        const to = t.companyName ? `${t.companyName} 담당자님` : '대표님';
        await tx.insert(outbox).values({
          to: t.email,
          subject: `[잇다] DX 수준진단 참여 안내${t.companyName ? ` — ${t.companyName}` : ''}`,
          body: [
            `${to}, 안녕하세요.`,
            `${t.inviter}에서 잇다(서울 중소기업 디지털 전환 지원 플랫폼)의 DX 수준진단 참여를 요청했습니다.`,
            ...(input.message ? ['', input.message] : []),
            '',
            '6개 영역 30개 문항, 15분 정도면 마칠 수 있고 답은 자동 저장됩니다.',
            '결과(종합 점수·단계, 같은 규모·업종 기업과의 비교, 맞춤 지원사업 추천)는 귀사만 볼 수 있으며,',
            '요청한 기관에는 참여 여부만 공유됩니다.',
            '',
            `진단 시작: ${origin}${invitationLink(token)}`,
          ].join('\n'),
        });
      }
      out.push({ ...mapInvitation(row, t.companyName, false), link: invitationLink(token) });
    }
    await recordAudit(tx, actor, {
      action: 'diagnosis.invite',
      entityType: 'diagnosis_invitation',
      after: {
        count: out.length,
        ids: out.map((o) => o.id),
        companyIds: out.map((o) => o.companyId).filter(Boolean),
        emails: out.filter((o) => o.email).length,
      },
    });
    return out;
  });
  return { items: created };
}

/** The caller's invitations (staff: all; partners: their associations') with aggregate counts. */
export async function listInvitations({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: { status?: InvitationStatus; page: number; pageSize: number };
}) {
  assertCan(actor, 'diagnosis.invitations');
  const partner = !isStaff(actor);
  const scope: SQL | undefined = partner
    ? actor.associationIds.length
      ? inArray(diagnosisInvitations.associationId, actor.associationIds)
      : sql`false`
    : undefined;
  const byStatus =
    input.status === 'submitted'
      ? isNotNull(diagnosisInvitations.submittedAt)
      : input.status === 'started'
        ? and(isNotNull(diagnosisInvitations.startedAt), isNull(diagnosisInvitations.submittedAt))
        : input.status === 'sent'
          ? isNull(diagnosisInvitations.startedAt)
          : undefined;
  const where = and(scope, byStatus);
  const rows = await db
    .select({ i: diagnosisInvitations, companyName: companies.name })
    .from(diagnosisInvitations)
    .leftJoin(companies, sql`${companies.id} = ${diagnosisInvitations.companyId}`)
    .where(where)
    .orderBy(desc(diagnosisInvitations.sentAt), desc(diagnosisInvitations.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [{ total }] = await db.select({ total: count() }).from(diagnosisInvitations).where(where);
  const [totals] = await db
    .select({
      sent: count(),
      started: count(diagnosisInvitations.startedAt),
      submitted: count(diagnosisInvitations.submittedAt),
    })
    .from(diagnosisInvitations)
    .where(scope);
  // staff see the addresses unmasked (partners masked): 개인정보 접속기록
  if (!partner)
    await logPersonalRead(db, actor, {
      subjectType: 'diagnosis_invitation',
      fields: ['email'],
      count: rows.filter((r) => r.i.email).length,
    });
  return {
    items: rows.map((r) => mapInvitation(r.i, r.companyName, partner)),
    total: Number(total),
    page: input.page,
    pageSize: input.pageSize,
    totals: {
      sent: Number(totals.sent),
      started: Number(totals.started),
      submitted: Number(totals.submitted),
    },
  };
}

/** A diagnosis started: the invitation of the link (if any) and the company's open invitations. */
export async function trackInvitationStart(
  tx: Database,
  p: { companyId: string; diagnosisId: string; token?: string },
) {
  if (p.token)
    await tx.execute(sql`
      UPDATE diagnosis_invitations SET company_id = coalesce(company_id, ${p.companyId}),
        diagnosis_id = ${p.diagnosisId}, started_at = coalesce(started_at, now())
      WHERE token_hash = ${hashToken(p.token)} AND (company_id IS NULL OR company_id = ${p.companyId})
        AND submitted_at IS NULL`);
  await tx.execute(sql`
    UPDATE diagnosis_invitations SET diagnosis_id = ${p.diagnosisId}, started_at = now()
    WHERE company_id = ${p.companyId} AND started_at IS NULL`);
}

/** A diagnosis submitted: every open invitation of the company (or of that diagnosis) is done. */
export async function trackInvitationSubmit(tx: Database, p: { companyId: string; diagnosisId: string }) {
  await tx.execute(sql`
    UPDATE diagnosis_invitations SET submitted_at = now(), diagnosis_id = coalesce(diagnosis_id, ${p.diagnosisId}),
      started_at = coalesce(started_at, now())
    WHERE (company_id = ${p.companyId} OR diagnosis_id = ${p.diagnosisId}) AND submitted_at IS NULL`);
}
