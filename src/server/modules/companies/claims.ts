import { and, asc, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Database } from '../../db/client';
import { type Actor, isStaff } from '../../platform/actor';
import { logAccess, recordAudit } from '../../platform/audit';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors';
import { type FileStore, readUpload, saveUpload } from '../../platform/files';
import { assertCan, can } from '../../platform/policy';
import { files, outbox, users } from '../../platform/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { hashToken } from '../diagnosis/invitations';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { diagnosisInvitations } from '../diagnosis/schema';
import type { Claim, claimDecisionBody, claimListQuery, MyClaim } from './contract';
import { companies, companyClaims, companyMembers } from './schema';
import { loadCompany } from './service';

/**
 * Claims of firms already in the registry (issue 9). A BRN is public, so knowing it proves nothing:
 * a claim stays pending — the claimant sees only the firm's name and BRN — until staff (with a note or
 * an uploaded 사업자등록증), the firm's active owner, or an invitation sent to the firm's registered
 * e-mail proves it. Only then does a membership exist (owner when the firm has none, else member).
 * Every step is audited on the company; the claimant is told of a decision by e-mail (outbox).
 */
type ClaimRow = typeof companyClaims.$inferSelect;

/** 사업자등록증 scans: PDF or an image, at most 10 MB. */
export const CLAIM_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** The firm's active owner, if any. */
async function ownerOf(db: Database, companyId: string): Promise<string | null> {
  const [o] = await db
    .select({ userId: companyMembers.userId })
    .from(companyMembers)
    .where(
      and(
        eq(companyMembers.companyId, companyId),
        eq(companyMembers.role, 'owner'),
        eq(companyMembers.status, 'active'),
      ),
    );
  return o?.userId ?? null;
}

const decider = alias(users, 'decider');
const claimant = alias(users, 'claimant');

async function claimViews(db: Database, where: SQL | undefined, order: 'new' | 'old' = 'new') {
  const rows = await db
    .select({
      c: companyClaims,
      companyName: companies.name,
      brn: companies.brn,
      companyRep: companies.representative,
      companyEmail: companies.email,
      companyPhone: companies.phone,
      claimant: { id: claimant.id, name: claimant.name, email: claimant.email, phone: claimant.phone },
      decidedByName: decider.name,
      fileName: files.originalName,
      fileSize: files.size,
      hasOwner: sql<boolean>`EXISTS (SELECT 1 FROM company_members m WHERE m.company_id = ${companyClaims.companyId} AND m.role = 'owner' AND m.status = 'active')`,
    })
    .from(companyClaims)
    .innerJoin(companies, eq(companies.id, companyClaims.companyId))
    .innerJoin(claimant, eq(claimant.id, companyClaims.userId))
    .leftJoin(decider, eq(decider.id, companyClaims.decidedBy))
    .leftJoin(files, eq(files.id, companyClaims.evidenceFileId))
    .where(where)
    .orderBy(
      order === 'new' ? desc(companyClaims.createdAt) : asc(companyClaims.createdAt),
      asc(companyClaims.id),
    )
    .limit(500);
  return rows.map((r) => {
    const mine: MyClaim = {
      id: r.c.id,
      companyId: r.c.companyId,
      companyName: r.companyName,
      brn: r.brn,
      method: r.c.method,
      status: r.c.status,
      note: r.c.note,
      document: r.fileName ? { name: r.fileName, size: Number(r.fileSize) } : null,
      hasOwner: !!r.hasOwner,
      reason: r.c.reason,
      createdAt: r.c.createdAt.toISOString(),
      decidedAt: r.c.decidedAt?.toISOString() ?? null,
    };
    const full: Claim = {
      ...mine,
      claimant: r.claimant,
      company: { representative: r.companyRep, email: r.companyEmail, phone: r.companyPhone },
      decidedByName: r.decidedByName,
    };
    return { mine, full };
  });
}

/** Makes the claimant a member (owner when the firm has no active owner) and closes the claim. */
async function approveLocked(
  tx: Database,
  actor: Actor,
  claim: ClaimRow,
  company: { id: string; name: string },
  by: 'staff' | 'owner' | 'invitation',
) {
  const owner = await ownerOf(tx, claim.companyId);
  const role = owner ? ('member' as const) : ('owner' as const);
  await tx
    .insert(companyMembers)
    .values({ companyId: claim.companyId, userId: claim.userId, role, status: 'active' })
    .onConflictDoUpdate({
      target: [companyMembers.companyId, companyMembers.userId],
      set: { status: 'active' },
    });
  const [done] = await tx
    .update(companyClaims)
    .set({
      status: 'approved',
      decidedBy: by === 'invitation' ? null : (actor.userId ?? null),
      decidedAt: sql`now()`,
    })
    .where(and(eq(companyClaims.id, claim.id), eq(companyClaims.status, 'pending')))
    .returning();
  if (!done) throw new ConflictError('claim_decided');
  await recordAudit(tx, actor, {
    action: 'company.claim_approve',
    entityType: 'company',
    entityId: claim.companyId,
    after: { claimId: claim.id, userId: claim.userId, role, method: claim.method, by },
  });
  await tellClaimant(tx, claim.userId, company.name, 'approved');
  return { role };
}

async function tellClaimant(
  tx: Database,
  userId: string,
  companyName: string,
  status: 'approved' | 'rejected',
  reason?: string,
) {
  const [u] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) return;
  const body =
    status === 'approved'
      ? [
          `${u.name}님, 안녕하세요.`,
          `${companyName} 기업 연결 요청이 승인되었습니다.`,
          '이제 잇다의 ‘내 기업’에서 기업 정보를 보고, 진단을 받고, 지원사업에 신청할 수 있습니다.',
        ]
      : [
          `${u.name}님, 안녕하세요.`,
          `${companyName} 기업 연결 요청이 반려되었습니다.`,
          ...(reason ? ['', `사유: ${reason}`] : []),
          '',
          '사업자등록증을 올려 ‘내 기업’에서 다시 요청할 수 있습니다.',
        ];
  await tx.insert(outbox).values({
    to: u.email,
    subject: `[잇다] 기업 연결 요청 ${status === 'approved' ? '승인' : '반려'} — ${companyName}`,
    body: body.join('\n'),
  });
}

/**
 * Asks to join a firm already in the registry, by its BRN. Pending until proven — except with the token
 * of an invitation that was sent to the firm's registered e-mail, which proves it at once.
 */
export async function claimCompany({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: { brn: string; note?: string; invitationToken?: string };
}): Promise<MyClaim> {
  assertCan(actor, 'company.register');
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(companies)
      .where(and(eq(companies.brn, input.brn), isNull(companies.mergedIntoId)))
      .for('update');
    if (!row) throw new NotFoundError('company');
    const [mine] = await tx
      .select()
      .from(companyMembers)
      .where(
        and(
          eq(companyMembers.companyId, row.id),
          eq(companyMembers.userId, actor.userId!),
          eq(companyMembers.status, 'active'),
        ),
      );
    if (mine) throw new ConflictError('already_member');
    const [open] = await tx
      .select({ id: companyClaims.id })
      .from(companyClaims)
      .where(
        and(
          eq(companyClaims.companyId, row.id),
          eq(companyClaims.userId, actor.userId!),
          eq(companyClaims.status, 'pending'),
        ),
      );
    if (open) throw new ConflictError('claim_pending');
    let invitationId: string | null = null;
    if (input.invitationToken) {
      // Only an invitation to this firm, sent to the e-mail the registry holds for it, proves anything.
      const [inv] = row.email
        ? await tx
            .select({ id: diagnosisInvitations.id })
            .from(diagnosisInvitations)
            .where(
              and(
                eq(diagnosisInvitations.tokenHash, hashToken(input.invitationToken)),
                eq(diagnosisInvitations.companyId, row.id),
                sql`lower(${diagnosisInvitations.email}) = lower(${row.email})`,
              ),
            )
        : [];
      const [used] = inv
        ? await tx
            .select({ id: companyClaims.id })
            .from(companyClaims)
            .where(and(eq(companyClaims.invitationId, inv.id), eq(companyClaims.status, 'approved')))
        : [];
      if (!inv || used)
        throw new ValidationError('validation_failed', [
          { path: 'invitationToken', message: 'invitation_invalid' },
        ]);
      invitationId = inv.id;
    }
    const owner = await ownerOf(tx, row.id);
    const method = invitationId ? 'invitation' : owner ? 'owner' : 'staff_review';
    const [claim] = await tx
      .insert(companyClaims)
      .values({
        companyId: row.id,
        userId: actor.userId!,
        method,
        invitationId,
        note: input.note || null,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'company.claim_request',
      entityType: 'company',
      entityId: row.id,
      after: { claimId: claim.id, userId: actor.userId, method },
    });
    if (invitationId) await approveLocked(tx, actor, claim, row, 'invitation');
    return claim.id;
  });
  const [v] = await claimViews(db, eq(companyClaims.id, id));
  return v.mine;
}

/** The caller's claims, newest first: only the firm's name and BRN until a claim is approved. */
export async function myClaims({ db, actor }: { db: Database; actor: Actor }) {
  assertCan(actor, 'self.read');
  const rows = await claimViews(db, eq(companyClaims.userId, actor.userId!));
  return { items: rows.map((r) => r.mine) };
}

async function ownPendingClaim(db: Database, actor: Actor, id: string) {
  const [c] = await db
    .select()
    .from(companyClaims)
    .where(and(eq(companyClaims.id, id), eq(companyClaims.userId, actor.userId!)));
  if (!c) throw new NotFoundError('claim');
  if (c.status !== 'pending') throw new ConflictError('claim_decided');
  return c;
}

/** The claimant withdraws a pending claim. */
export async function withdrawClaim({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'self.read');
  return db.transaction(async (tx) => {
    const c = await ownPendingClaim(tx, actor, id);
    const [done] = await tx
      .update(companyClaims)
      .set({ status: 'withdrawn', decidedBy: actor.userId, decidedAt: sql`now()` })
      .where(and(eq(companyClaims.id, id), eq(companyClaims.status, 'pending')))
      .returning();
    if (!done) throw new ConflictError('claim_decided');
    await recordAudit(tx, actor, {
      action: 'company.claim_withdraw',
      entityType: 'company',
      entityId: c.companyId,
      after: { claimId: id, userId: actor.userId },
    });
    return { ok: true as const };
  });
}

/** The claimant attaches a 사업자등록증 (PDF or image, by content) to a pending claim for staff to check. */
export async function attachClaimDocument({
  db,
  store,
  actor,
  id,
  buffer,
  filename,
}: {
  db: Database;
  store: FileStore;
  actor: Actor;
  id: string;
  buffer: Buffer;
  filename: string;
}): Promise<MyClaim> {
  assertCan(actor, 'company.register');
  await ownPendingClaim(db, actor, id);
  const file = await saveUpload(db, store, {
    buffer,
    filename,
    ownerId: actor.userId,
    purpose: 'claim',
    maxBytes: CLAIM_DOCUMENT_MAX_BYTES,
  });
  await db.transaction(async (tx) => {
    const [c] = await tx
      .update(companyClaims)
      .set({ evidenceFileId: file.id, method: 'document' })
      .where(
        and(
          eq(companyClaims.id, id),
          eq(companyClaims.userId, actor.userId!),
          eq(companyClaims.status, 'pending'),
        ),
      )
      .returning();
    if (!c) throw new ConflictError('claim_decided');
    await recordAudit(tx, actor, {
      action: 'company.claim_document',
      entityType: 'company',
      entityId: c.companyId,
      after: { claimId: id, fileId: file.id, name: file.originalName, size: file.size },
    });
  });
  const [v] = await claimViews(db, eq(companyClaims.id, id));
  return v.mine;
}

/**
 * Claims to decide: staff see every firm's, an SME or supplier owner those of the firms they own.
 * Pending ones oldest first (a queue); decided ones newest first.
 */
export async function listClaims({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: z.infer<typeof claimListQuery>;
}) {
  if (!can(actor, 'claim.review')) assertCan(actor, 'company.register');
  const parts: (SQL | undefined)[] = [
    input.status ? eq(companyClaims.status, input.status) : undefined,
    input.companyId ? eq(companyClaims.companyId, input.companyId) : undefined,
  ];
  if (!isStaff(actor))
    parts.push(
      inArray(
        companyClaims.companyId,
        db
          .select({ id: companyMembers.companyId })
          .from(companyMembers)
          .where(
            and(
              eq(companyMembers.userId, actor.userId!),
              eq(companyMembers.role, 'owner'),
              eq(companyMembers.status, 'active'),
            ),
          ),
      ),
    );
  const rows = await claimViews(db, and(...parts), input.status === 'pending' ? 'old' : 'new');
  if (rows.length)
    await logAccess(db, actor, { action: 'view', subjectType: 'company_claim', count: rows.length });
  return { items: rows.map((r) => r.full) };
}

/** Loads a claim and its firm's owner for the decision rule; staff, or the firm's active owner. */
async function claimForDecider(db: Database, actor: Actor, id: string) {
  if (!can(actor, 'claim.review')) assertCan(actor, 'company.register');
  const [c] = await db.select().from(companyClaims).where(eq(companyClaims.id, id));
  if (!c) throw new NotFoundError('claim');
  const ownerId = await ownerOf(db, c.companyId);
  assertCan(actor, 'claim.decide', { companyId: c.companyId, ownerId });
  return c;
}

/** Staff or the firm's active owner approve or reject a pending claim (a rejection needs a reason). */
export async function decideClaim({
  db,
  actor,
  id,
  input,
}: {
  db: Database;
  actor: Actor;
  id: string;
  input: z.infer<typeof claimDecisionBody>;
}): Promise<Claim> {
  const first = await claimForDecider(db, actor, id);
  if (input.decision === 'reject' && !input.reason)
    throw new ValidationError('validation_failed', [{ path: 'reason', message: 'required' }]);
  await db.transaction(async (tx) => {
    // Company first, then the claim: the same order as a new claim, so the two never deadlock.
    const { row } = await loadCompany(tx, first.companyId, true);
    const [c] = await tx.select().from(companyClaims).where(eq(companyClaims.id, id)).for('update');
    // The owner may have changed while we waited for the lock.
    assertCan(actor, 'claim.decide', { companyId: c.companyId, ownerId: await ownerOf(tx, c.companyId) });
    if (c.status !== 'pending') throw new ConflictError('claim_decided');
    // a record merged into another is gone: the claimant asks for the surviving one
    if (input.decision === 'approve' && row.mergedIntoId) throw new ConflictError('merged_company');
    const by = isStaff(actor) ? 'staff' : 'owner';
    if (input.decision === 'approve') {
      await approveLocked(tx, actor, c, row, by);
      return;
    }
    await tx
      .update(companyClaims)
      .set({ status: 'rejected', decidedBy: actor.userId, decidedAt: sql`now()`, reason: input.reason })
      .where(eq(companyClaims.id, id));
    await recordAudit(tx, actor, {
      action: 'company.claim_reject',
      entityType: 'company',
      entityId: c.companyId,
      after: { claimId: id, userId: c.userId, reason: input.reason, by },
    });
    await tellClaimant(tx, c.userId, row.name, 'rejected', input.reason);
  });
  const [v] = await claimViews(db, eq(companyClaims.id, id));
  return v.full;
}

/** The evidence of a claim: the claimant, staff or the firm's active owner; logged as a download. */
export async function claimDocument({
  db,
  store,
  actor,
  id,
}: {
  db: Database;
  store: FileStore;
  actor: Actor;
  id: string;
}) {
  assertCan(actor, 'self.read');
  const [c] = await db.select().from(companyClaims).where(eq(companyClaims.id, id));
  if (!c) throw new NotFoundError('claim');
  if (c.userId !== actor.userId) {
    const ownerId = await ownerOf(db, c.companyId);
    if (!can(actor, 'claim.decide', { companyId: c.companyId, ownerId })) throw new ForbiddenError();
  }
  if (!c.evidenceFileId) throw new NotFoundError('file');
  const { file, buffer } = await readUpload(db, store, c.evidenceFileId);
  await logAccess(db, actor, { action: 'download', subjectType: 'company_claim', subjectId: id });
  return { file, buffer };
}

/** The pending claim of one person for one firm (the older "approve member" route decides it). */
export async function pendingClaimOf(db: Database, companyId: string, userId: string) {
  const [c] = await db
    .select({ id: companyClaims.id })
    .from(companyClaims)
    .where(
      and(
        eq(companyClaims.companyId, companyId),
        eq(companyClaims.userId, userId),
        eq(companyClaims.status, 'pending'),
      ),
    );
  return c?.id;
}
