import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { KSIC_DIVISIONS } from '../../../shared/ksic';
import { companyNameKey, maskEmail, maskName, maskPhone } from '../../../shared/text';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { logAccess, recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { assertCan, assertCanAny, can, companyScope } from '../../platform/policy';
import type {
  Company,
  CompanyCreateBody,
  CompanyListQuery,
  CompanyPatchBody,
  CompanySummary,
} from './contract';
import { associations, companies, companyAssociations, companyMembers } from './schema';

type Row = typeof companies.$inferSelect;
const PERSONAL = ['representative', 'phone', 'email'] as const;

export function mapCompany(r: Row, assoc: { id: string; name: string }[], unmasked: boolean): Company {
  return {
    id: r.id,
    brn: r.brn,
    crn: r.crn,
    name: r.name,
    representative: unmasked ? r.representative : maskName(r.representative),
    foundedOn: r.foundedOn,
    sizeClass: r.sizeClass,
    isMicro: r.isMicro,
    isStartup: r.isStartup,
    ksicCode: r.ksicCode,
    address: r.address,
    district: r.district,
    employees: r.employees,
    revenue: r.revenue,
    homepage: r.homepage,
    phone: unmasked ? r.phone : maskPhone(r.phone),
    email: unmasked ? r.email : maskEmail(r.email),
    tags: r.tags,
    dxInterests: r.dxInterests,
    provenance: r.provenance,
    provenanceSource: r.provenanceSource,
    provenanceDate: r.provenanceDate,
    associations: assoc,
    mergedIntoId: r.mergedIntoId,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    masked: !unmasked,
  };
}

export function mapSummary(r: Row): CompanySummary {
  return {
    id: r.id,
    brn: r.brn,
    name: r.name,
    representative: maskName(r.representative),
    sizeClass: r.sizeClass,
    isMicro: r.isMicro,
    isStartup: r.isStartup,
    ksicCode: r.ksicCode,
    district: r.district,
    employees: r.employees,
    revenue: r.revenue,
    provenance: r.provenance,
    tags: r.tags,
    createdAt: r.createdAt.toISOString(),
  };
}

const csv = (s: string | undefined) =>
  s
    ?.split(',')
    .map((x) => x.trim())
    .filter(Boolean) ?? [];

/**
 * WHERE clause for the registry list and export: scope, filters and name search. Name search is
 * a substring match first (cheap, trigram-indexed); `fuzzy` adds trigram similarity for typos.
 */
export function companyFilter(actor: Actor, q: Omit<CompanyListQuery, 'page' | 'pageSize'>, fuzzy = false) {
  const parts: (SQL | undefined)[] = [isNull(companies.mergedIntoId)];
  const scope = companyScope(actor);
  if ('associationIds' in scope) {
    parts.push(
      scope.associationIds.length
        ? sql`${companies.id} IN (SELECT company_id FROM company_associations WHERE association_id IN (${sql.join(
            scope.associationIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}))`
        : sql`false`,
    );
  } else if ('companyIds' in scope) {
    parts.push(scope.companyIds.length ? inArray(companies.id, scope.companyIds) : sql`false`);
  }
  const districts = csv(q.district);
  if (districts.length) parts.push(inArray(companies.district, districts));
  const sizes = csv(q.sizeClass);
  if (sizes.length)
    parts.push(
      sql`${companies.sizeClass}::text IN (${sql.join(
        sizes.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (q.ksic) {
    if (/^[A-Ua-u]$/.test(q.ksic)) {
      const divisions = KSIC_DIVISIONS.filter((d) => d.section === q.ksic!.toUpperCase()).map((d) => d.code);
      parts.push(
        divisions.length
          ? sql`left(${companies.ksicCode}, 2) IN (${sql.join(
              divisions.map((d) => sql`${d}`),
              sql`, `,
            )})`
          : sql`false`,
      );
    } else parts.push(sql`${companies.ksicCode} LIKE ${`${q.ksic.replace(/\D/g, '')}%`}`);
  }
  if (q.provenance) parts.push(eq(companies.provenance, q.provenance));
  if (q.tag) parts.push(sql`${q.tag} = ANY(${companies.tags})`);
  if (q.isStartup) parts.push(eq(companies.isStartup, q.isStartup === 'true'));
  if (q.associationId)
    parts.push(
      sql`${companies.id} IN (SELECT company_id FROM company_associations WHERE association_id = ${q.associationId}::uuid)`,
    );
  let rank: SQL | undefined;
  if (q.q) {
    const digits = q.q.replace(/[\s-]/g, '');
    if (/^\d{3,10}$/.test(digits)) {
      parts.push(sql`${companies.brn} LIKE ${`${digits}%`}`);
    } else {
      const key = companyNameKey(q.q);
      if (key) {
        // Trigram similarity tolerates typos and spacing; substring match catches short queries.
        const like = sql`${companies.nameKey} LIKE ${`%${key.replace(/[%_\\]/g, '\\$&')}%`}`;
        parts.push(fuzzy ? sql`(${companies.nameKey} % ${key} OR ${like})` : like);
        rank = sql`(${companies.nameKey} = ${key})::int + (${companies.nameKey} LIKE ${`${key}%`})::int + similarity(${companies.nameKey}, ${key})`;
      }
    }
  }
  return { where: and(...parts), rank };
}

function orderBy(q: Pick<CompanyListQuery, 'sort' | 'order'>, rank?: SQL) {
  const dir = q.order === 'desc' ? desc : asc;
  switch (q.sort) {
    case 'name':
      return [dir(companies.name), asc(companies.id)];
    case 'createdAt':
      return [dir(companies.createdAt), asc(companies.id)];
    case 'employees':
      return [
        sql`${companies.employees} ${q.order === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`}`,
        asc(companies.id),
      ];
    case 'revenue':
      return [
        sql`${companies.revenue} ${q.order === 'desc' ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`}`,
        asc(companies.id),
      ];
    default:
      return rank ? [sql`${rank} DESC`, asc(companies.name)] : [desc(companies.createdAt), asc(companies.id)];
  }
}

/** A page of companies plus the total, counted in the same query (window function). */
async function pageOf(db: Database, where: SQL | undefined, order: SQL[], input: CompanyListQuery) {
  const rows = await db
    .select({ c: companies, total: sql<number>`count(*) OVER ()` })
    .from(companies)
    .where(where)
    .orderBy(...order)
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  if (rows.length > 0 || input.page === 1)
    return { rows: rows.map((r) => r.c), total: Number(rows[0]?.total ?? 0) };
  const [{ n }] = await db.select({ n: count() }).from(companies).where(where);
  return { rows: [], total: Number(n) };
}

/** With no substring hit on page 1, typo-tolerant (trigram) matches are tried. */
const FUZZY_BELOW = 1;

export async function listCompanies({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: CompanyListQuery;
}) {
  assertCan(actor, 'company.list');
  const exact = companyFilter(actor, input);
  let result = await pageOf(db, exact.where, orderBy(input, exact.rank), input);
  if (exact.rank && input.page === 1 && result.total < FUZZY_BELOW) {
    const fuzzy = companyFilter(actor, input, true);
    result = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('pg_trgm.similarity_threshold', '0.3', true)`);
      return pageOf(tx, fuzzy.where, orderBy(input, fuzzy.rank), input);
    });
  }
  return {
    items: result.rows.map(mapSummary),
    total: result.total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

export async function companyAssociationsOf(db: Database, companyId: string) {
  return db
    .select({ id: associations.id, name: associations.name })
    .from(companyAssociations)
    .innerJoin(associations, eq(associations.id, companyAssociations.associationId))
    .where(eq(companyAssociations.companyId, companyId))
    .orderBy(associations.name);
}

/** Loads a company and the facts the policy needs about it; 404 when missing. */
export async function loadCompany(db: Database, id: string, lock = false) {
  const q = db.select().from(companies).where(eq(companies.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('company');
  const assoc = await companyAssociationsOf(db, id);
  return { row, assoc, resource: { companyId: id, associationIds: assoc.map((a) => a.id) } };
}

export async function getCompany({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCanAny(actor, 'company.read');
  const { row, assoc, resource } = await loadCompany(db, id);
  assertCan(actor, 'company.read', resource);
  const unmasked = can(actor, 'company.readPersonal', resource);
  if (unmasked && PERSONAL.some((k) => row[k])) {
    await logAccess(db, actor, { action: 'view', subjectType: 'company', subjectId: id });
  }
  return mapCompany(row, assoc, unmasked);
}

function valuesFrom(input: Partial<CompanyCreateBody>) {
  const v: Partial<typeof companies.$inferInsert> = {};
  for (const [k, val] of Object.entries(input)) {
    if (k === 'version' || k === 'brn' || val === undefined) continue;
    (v as Record<string, unknown>)[k] = val;
  }
  if (input.name) v.nameKey = companyNameKey(input.name);
  return v;
}

async function insertCompany(
  tx: Database,
  actor: Actor,
  input: CompanyCreateBody,
  provenance: 'staff' | 'signup',
): Promise<Row> {
  const [dup] = await tx.select({ id: companies.id }).from(companies).where(eq(companies.brn, input.brn));
  if (dup) throw new ConflictError('brn_taken');
  const [row] = await tx
    .insert(companies)
    .values({
      ...valuesFrom(input),
      brn: input.brn,
      name: input.name,
      nameKey: companyNameKey(input.name),
      provenance,
      provenanceSource:
        input.provenanceSource ?? (provenance === 'signup' ? 'self sign-up' : (actor.name ?? null)),
      provenanceDate: sql`(now() AT TIME ZONE 'Asia/Seoul')::date`,
    })
    .onConflictDoNothing({ target: companies.brn })
    .returning();
  if (!row) throw new ConflictError('brn_taken');
  await recordAudit(tx, actor, {
    action: 'company.create',
    entityType: 'company',
    entityId: row.id,
    after: row,
  });
  return row;
}

/** Staff entry of a new company. */
export async function createCompany({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: CompanyCreateBody;
}) {
  assertCan(actor, 'company.create');
  const row = await db.transaction((tx) => insertCompany(tx, actor, input, 'staff'));
  return mapCompany(row, [], true);
}

/** An SME or supplier member registers their firm and becomes its owner. */
export async function registerOwnCompany({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: CompanyCreateBody;
}) {
  assertCan(actor, 'company.register');
  const row = await db.transaction(async (tx) => {
    const r = await insertCompany(tx, actor, input, 'signup');
    await tx.insert(companyMembers).values({ companyId: r.id, userId: actor.userId!, role: 'owner' });
    await recordAudit(tx, actor, {
      action: 'company.member_add',
      entityType: 'company',
      entityId: r.id,
      after: { userId: actor.userId, role: 'owner' },
    });
    return r;
  });
  return mapCompany(row, [], true);
}

/** Claiming a firm already in the registry is a request that must be proven: see claims.ts. */

export async function updateCompany({
  db,
  actor,
  id,
  input,
}: {
  db: Database;
  actor: Actor;
  id: string;
  input: CompanyPatchBody;
}) {
  assertCanAny(actor, 'company.update');
  return db.transaction(async (tx) => {
    const { row: before, assoc, resource } = await loadCompany(tx, id, true);
    assertCan(actor, 'company.update', resource);
    if (before.mergedIntoId) throw new ConflictError('merged_company');
    if (input.version !== undefined && input.version !== before.version)
      throw new ConflictError('stale_version');
    const values = valuesFrom(input);
    const [after] = await tx
      .update(companies)
      .set({ ...values, version: sql`${companies.version} + 1`, updatedAt: sql`now()` })
      .where(eq(companies.id, id))
      .returning();
    const changed = Object.keys(values).filter(
      (k) => JSON.stringify(before[k as keyof Row]) !== JSON.stringify(after[k as keyof Row]),
    );
    await recordAudit(tx, actor, {
      action: 'company.update',
      entityType: 'company',
      entityId: id,
      before: Object.fromEntries(changed.map((k) => [k, before[k as keyof Row]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k as keyof Row]])),
    });
    return mapCompany(after, assoc, can(actor, 'company.readPersonal', resource));
  });
}
