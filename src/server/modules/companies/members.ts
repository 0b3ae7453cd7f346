import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { entityHistory, logPersonalRead } from '../../platform/audit';
import { NotFoundError } from '../../platform/errors';
import { assertCan, assertCanAny } from '../../platform/policy';
import { users } from '../../platform/schema';
import { decideClaim, pendingClaimOf } from './claims';
import { companies, companyMembers } from './schema';
import { companyAssociationsOf, loadCompany, mapCompany } from './service';

/** The caller's own companies ("my company"), unmasked. */
export async function myCompanies({ db, actor }: { db: Database; actor: Actor }) {
  assertCan(actor, 'self.read');
  const rows = await db
    .select({ c: companies, role: companyMembers.role, status: companyMembers.status })
    .from(companyMembers)
    .innerJoin(companies, eq(companies.id, companyMembers.companyId))
    // Only active memberships: a claim that is not yet proven shows nothing beyond what the public sees.
    .where(and(eq(companyMembers.userId, actor.userId!), eq(companyMembers.status, 'active')))
    .orderBy(asc(companies.name));
  const items = [];
  for (const r of rows) {
    const active = r.status === 'active';
    items.push({
      membership: { role: r.role, status: r.status },
      company: mapCompany(r.c, await companyAssociationsOf(db, r.c.id), active),
    });
  }
  return { items };
}

export async function listMembers({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCanAny(actor, 'company.members');
  const { resource } = await loadCompany(db, id);
  assertCan(actor, 'company.members', resource);
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: companyMembers.role,
      status: companyMembers.status,
      createdAt: companyMembers.createdAt,
    })
    .from(companyMembers)
    .innerJoin(users, eq(users.id, companyMembers.userId))
    .where(eq(companyMembers.companyId, id))
    .orderBy(asc(companyMembers.createdAt));
  await logPersonalRead(db, actor, {
    subjectType: 'company_members',
    subjectId: id,
    ownCompanyId: id,
    fields: ['name', 'email'],
    count: rows.length,
  });
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
}

/** The owner (or staff) approves a colleague's pending claim of the company (older route; see claims.ts). */
export async function approveMember({
  db,
  actor,
  id,
  userId,
}: {
  db: Database;
  actor: Actor;
  id: string;
  userId: string;
}) {
  assertCanAny(actor, 'company.update');
  const { resource } = await loadCompany(db, id);
  assertCan(actor, 'company.update', resource);
  const claimId = await pendingClaimOf(db, id, userId);
  if (!claimId) throw new NotFoundError('member');
  await decideClaim({ db, actor, id: claimId, input: { decision: 'approve' } });
  return { ok: true as const };
}

export async function companyHistory({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCanAny(actor, 'company.history');
  const { resource } = await loadCompany(db, id);
  assertCan(actor, 'company.history', resource);
  const items = await entityHistory(db, 'company', id);
  await logPersonalRead(db, actor, {
    subjectType: 'company_history',
    subjectId: id,
    ownCompanyId: id,
    fields: ['actorName', 'before', 'after'],
    count: items.length,
  });
  return { items };
}
