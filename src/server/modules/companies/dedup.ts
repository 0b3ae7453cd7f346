import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { type Database, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, ValidationError } from '../../platform/errors';
import type { CompanyMergeHook } from '../../platform/module';
import { assertCan } from '../../platform/policy';
import { consents } from '../../platform/schema';
import { companies, companyAssociations, companyMembers, companyMerges } from './schema';
import { loadCompany } from './service';

/** Address key: spaces and punctuation removed, so "서울 구로구 디지털로 300" = "서울구로구디지털로300". */
const addressKey = (col: unknown) =>
  sql`regexp_replace(lower(coalesce(${col}, '')), '[[:space:][:punct:]]', '', 'g')`;

/** Possible duplicates of one company: similar names, flagged strongly when at the same address. */
export async function findDuplicates({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'company.merge');
  const { row } = await loadCompany(db, id);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', '0.45', true)`);
    const rows = await tx
      .select({
        id: companies.id,
        name: companies.name,
        brn: companies.brn,
        address: companies.address,
        similarity: sql<number>`similarity(${companies.nameKey}, ${row.nameKey})`,
        sameAddress: sql<boolean>`${addressKey(companies.address)} = ${addressKey(row.address)} AND ${row.address ?? ''} <> ''`,
      })
      .from(companies)
      .where(
        and(ne(companies.id, id), isNull(companies.mergedIntoId), sql`${companies.nameKey} % ${row.nameKey}`),
      )
      .orderBy(sql`similarity(${companies.nameKey}, ${row.nameKey}) DESC`)
      .limit(10);
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        brn: r.brn,
        address: r.address,
        similarity: Math.round(Number(r.similarity) * 100) / 100,
        reason: r.sameAddress ? ('same_address_similar_name' as const) : ('similar_name' as const),
      })),
    };
  });
}

/** Registry-wide near-duplicates: same address, similar names (different BRNs). */
export async function duplicatePairs({
  db,
  actor,
  limit = 100,
}: {
  db: Database;
  actor: Actor;
  limit?: number;
}) {
  assertCan(actor, 'company.merge');
  const rows = await sqlRows<{
    a_id: string;
    a_name: string;
    a_brn: string;
    b_id: string;
    b_name: string;
    b_brn: string;
    address: string | null;
    sim: number;
  }>(
    db,
    sql`
    WITH c AS (
      SELECT id, name, brn, address, name_key, ${addressKey(sql.raw('address'))} AS akey
      FROM companies WHERE merged_into_id IS NULL AND coalesce(address, '') <> '')
    SELECT a.id AS a_id, a.name AS a_name, a.brn AS a_brn, b.id AS b_id, b.name AS b_name, b.brn AS b_brn,
           a.address, similarity(a.name_key, b.name_key) AS sim
    FROM c a JOIN c b ON a.akey = b.akey AND a.id < b.id
    WHERE similarity(a.name_key, b.name_key) >= 0.45
    ORDER BY sim DESC LIMIT ${limit}`,
  );
  return {
    items: rows.map((x) => ({
      a: { id: x.a_id, name: x.a_name, brn: x.a_brn },
      b: { id: x.b_id, name: x.b_name, brn: x.b_brn },
      address: x.address,
      similarity: Math.round(Number(x.sim) * 100) / 100,
    })),
  };
}

const FILLABLE = [
  'crn',
  'representative',
  'foundedOn',
  'sizeClass',
  'ksicCode',
  'address',
  'district',
  'employees',
  'revenue',
  'homepage',
  'phone',
  'email',
] as const;

/** Merges `fromId` into `id`: members, associations, consents and references move; one audit entry. */
export async function mergeCompanies({
  db,
  actor,
  id,
  fromId,
  reason,
  hooks,
}: {
  db: Database;
  actor: Actor;
  id: string;
  fromId: string;
  reason: string;
  /** what other modules move to the surviving record (installModules().companyMergeHooks) */
  hooks: readonly CompanyMergeHook[];
}) {
  assertCan(actor, 'company.merge');
  if (id === fromId) throw new ValidationError('merge_same', [{ path: 'fromId', message: 'invalid_value' }]);
  return db.transaction(async (tx) => {
    // Lock both rows in a fixed order so two crossing merges cannot deadlock.
    const [first, second] = [id, fromId].sort();
    const a = await loadCompany(tx, first, true);
    const b = await loadCompany(tx, second, true);
    const into = a.row.id === id ? a : b;
    const from = a.row.id === id ? b : a;
    if (into.row.mergedIntoId || from.row.mergedIntoId) throw new ConflictError('merged_company');

    const fill: Record<string, unknown> = {};
    for (const k of FILLABLE) if (into.row[k] === null && from.row[k] !== null) fill[k] = from.row[k];
    const tags = [...new Set([...into.row.tags, ...from.row.tags])];
    const dxInterests = [...new Set([...into.row.dxInterests, ...from.row.dxInterests])];
    const [after] = await tx
      .update(companies)
      .set({
        ...fill,
        tags,
        dxInterests,
        isStartup: into.row.isStartup || from.row.isStartup,
        isMicro: into.row.isMicro || from.row.isMicro,
        version: sql`${companies.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(companies.id, id))
      .returning();

    // Members: the absorbed firm's owner becomes a member when the surviving firm has an owner.
    const hasOwner = await tx
      .select()
      .from(companyMembers)
      .where(and(eq(companyMembers.companyId, id), eq(companyMembers.role, 'owner')));
    await tx.execute(sql`
      INSERT INTO company_members (company_id, user_id, role, status, created_at)
      SELECT ${id}::uuid, user_id,
             CASE WHEN role = 'owner' AND ${hasOwner.length > 0} THEN 'member'::member_role ELSE role END,
             status, created_at
      FROM company_members WHERE company_id = ${fromId}::uuid
      ON CONFLICT (company_id, user_id) DO NOTHING`);
    await tx.delete(companyMembers).where(eq(companyMembers.companyId, fromId));
    await tx.execute(sql`
      INSERT INTO company_associations (company_id, association_id, added_at)
      SELECT ${id}::uuid, association_id, added_at FROM company_associations WHERE company_id = ${fromId}::uuid
      ON CONFLICT DO NOTHING`);
    await tx.delete(companyAssociations).where(eq(companyAssociations.companyId, fromId));
    await tx.update(consents).set({ companyId: id }).where(eq(consents.companyId, fromId));
    for (const hook of hooks) await hook(tx, fromId, id);

    await tx
      .update(companies)
      .set({ mergedIntoId: id, version: sql`${companies.version} + 1`, updatedAt: sql`now()` })
      .where(eq(companies.id, fromId));
    await tx.insert(companyMerges).values({ fromId, intoId: id, snapshot: from.row, mergedBy: actor.userId });
    await recordAudit(tx, actor, {
      action: 'company.merge',
      entityType: 'company',
      entityId: id,
      before: { into: into.row, from: from.row },
      after: { ...after, reason, mergedFrom: fromId },
    });
    await recordAudit(tx, actor, {
      action: 'company.merged_into',
      entityType: 'company',
      entityId: fromId,
      before: from.row,
      after: { mergedIntoId: id, reason },
    });
    return { id, fromId, name: after.name };
  });
}
