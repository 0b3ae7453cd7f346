import { type SQL, sql } from 'drizzle-orm';
import { type Database, type DbHandle, sqlRows } from '../../db/client';
import type { Actor } from '../../platform/actor';
import type { ImportRow } from './import-validate';

/**
 * The set-based half of the import: dry-run counts, COPY into the staging table, and the merge into
 * `companies` (update changed firms, insert new ones, link the association, audit every change) —
 * a handful of statements whatever the number of rows.
 */

/** Registry columns an import may fill; a non-null file value overwrites (`name` always does). */
const NULLABLE = [
  'crn',
  'representative',
  'founded_on',
  'size_class',
  'ksic_code',
  'address',
  'district',
  'employees',
  'revenue',
  'homepage',
  'phone',
  'email',
] as const;
export type BoolColumn = 'is_micro' | 'is_startup';

const STAGE_COLUMNS = [
  'job_id',
  'row_no',
  'brn',
  'crn',
  'name',
  'name_key',
  'representative',
  'founded_on',
  'size_class',
  'is_micro',
  'is_startup',
  'ksic_code',
  'address',
  'district',
  'employees',
  'revenue',
  'homepage',
  'phone',
  'email',
  'tags',
];

/** Column list of the rows sent as JSON for a dry run (same names as the staging table, plus target_brn). */
const RECORD_DEF = sql.raw(
  `row_no int, brn char(10), target_brn char(10), crn char(13), name text, name_key text, representative text,
   founded_on date, size_class size_class, is_micro boolean, is_startup boolean, ksic_code text, address text,
   district text, employees int, revenue bigint, homepage text, phone text, email text, tags text[]`,
);

/** Whether file row `s` would change company `c` (booleans only when their column was mapped). */
function changed(s: string, c: string, bools: BoolColumn[]): SQL {
  const parts = [
    `${s}.name IS DISTINCT FROM ${c}.name`,
    ...NULLABLE.map((k) => `(${s}.${k} IS NOT NULL AND ${s}.${k} IS DISTINCT FROM ${c}.${k})`),
    ...bools.map((k) => `${s}.${k} IS DISTINCT FROM ${c}.${k}`),
    `(${s}.tags IS NOT NULL AND NOT (${s}.tags <@ ${c}.tags))`,
  ];
  return sql.raw(`(${parts.join(' OR ')})`);
}

/** SET list merging file row `s` into company `c`: non-null values overwrite, tags are unioned. */
function mergeSet(s: string, c: string, bools: BoolColumn[]): SQL {
  const parts = [
    `name = ${s}.name`,
    `name_key = ${s}.name_key`,
    ...NULLABLE.map((k) => `${k} = COALESCE(${s}.${k}, ${c}.${k})`),
    ...bools.map((k) => `${k} = ${s}.${k}`),
    `tags = CASE WHEN ${s}.tags IS NULL THEN ${c}.tags ELSE ${c}.tags || ARRAY(
       SELECT t FROM unnest(${s}.tags) WITH ORDINALITY AS u(t, i) WHERE NOT (t = ANY (${c}.tags)) ORDER BY i) END`,
    `version = ${c}.version + 1`,
    `updated_at = now()`,
  ];
  return sql.raw(parts.join(',\n      '));
}

/** A company row as camelCase JSON for the audit log (the keys services write with recordAudit). */
function companyJson(a: string): SQL {
  const keys: [string, string][] = [
    ['brn', 'brn'],
    ['crn', 'crn'],
    ['name', 'name'],
    ['representative', 'representative'],
    ['foundedOn', 'founded_on'],
    ['sizeClass', 'size_class'],
    ['isMicro', 'is_micro'],
    ['isStartup', 'is_startup'],
    ['ksicCode', 'ksic_code'],
    ['address', 'address'],
    ['district', 'district'],
    ['employees', 'employees'],
    ['revenue', 'revenue'],
    ['homepage', 'homepage'],
    ['phone', 'phone'],
    ['email', 'email'],
    ['tags', 'tags'],
    ['provenance', 'provenance'],
    ['provenanceSource', 'provenance_source'],
    ['provenanceDate', 'provenance_date'],
  ];
  return sql.raw(`jsonb_build_object(${keys.map(([k, col]) => `'${k}', ${a}.${col}`).join(', ')})`);
}

const jsonRow = (r: ImportRow) => ({
  row_no: r.rowNo,
  brn: r.brn,
  target_brn: r.targetBrn,
  crn: r.crn,
  name: r.name,
  name_key: r.nameKey,
  representative: r.representative,
  founded_on: r.foundedOn,
  size_class: r.sizeClass,
  is_micro: r.isMicro,
  is_startup: r.isStartup,
  ksic_code: r.ksicCode,
  address: r.address,
  district: r.district,
  employees: r.employees,
  revenue: r.revenue,
  homepage: r.homepage,
  phone: r.phone,
  email: r.email,
  tags: r.tags,
});

/** A row naming a firm outside the importing partner's association: a link request, not a change. */
export interface LinkRequestRow {
  row: number;
  brn: string;
  /** the firm's name as the file wrote it (the registry's data stays hidden from the partner) */
  name: string;
}
export const LINK_REQUESTS_LISTED = 1_000;

/** Whether company `c` is linked to association `assoc` (an SQL uuid expression). */
const linkedTo = (c: string, assoc: SQL) =>
  sql`EXISTS (SELECT 1 FROM company_associations ca WHERE ca.company_id = ${sql.raw(c)}.id AND ca.association_id = ${assoc})`;

/**
 * Dry run: how many of `rows` would create, update or leave a company unchanged. Reads only. With a
 * `scope` (a partner's association), rows naming an existing firm outside it are link requests instead.
 */
export async function countOutcomes(
  db: Database,
  rows: ImportRow[],
  bools: BoolColumn[],
  scope: string | null = null,
): Promise<{
  created: number;
  updated: number;
  unchanged: number;
  linkRequested: number;
  linkRequests: LinkRequestRow[];
}> {
  if (rows.length === 0) return { created: 0, updated: 0, unchanged: 0, linkRequested: 0, linkRequests: [] };
  const assoc = sql`${scope}::uuid`;
  const [r] = await sqlRows<{
    created: number;
    updated: number;
    link_requested: number;
    requests: LinkRequestRow[] | null;
  }>(
    db,
    sql`WITH j AS (
          SELECT s.row_no, s.target_brn, s.name, c.id AS cid,
            (c.id IS NOT NULL AND ${assoc} IS NOT NULL AND NOT ${linkedTo('c', assoc)}) AS outside,
            (c.id IS NOT NULL AND ${changed('s', 'c', bools)}) AS ch
          FROM json_to_recordset(${JSON.stringify(rows.map(jsonRow))}::json) AS s(${RECORD_DEF})
          LEFT JOIN companies c ON c.brn = s.target_brn)
        SELECT count(*) FILTER (WHERE cid IS NULL)::int AS created,
               count(*) FILTER (WHERE ch AND NOT outside)::int AS updated,
               count(*) FILTER (WHERE outside)::int AS link_requested,
               (SELECT json_agg(json_build_object('row', x.row_no, 'brn', x.target_brn, 'name', x.name) ORDER BY x.row_no)
                FROM (SELECT * FROM j WHERE outside ORDER BY row_no LIMIT ${LINK_REQUESTS_LISTED}) x) AS requests
        FROM j`,
  );
  return {
    created: r.created,
    updated: r.updated,
    unchanged: rows.length - r.created - r.updated - r.link_requested,
    linkRequested: r.link_requested,
    linkRequests: r.requests ?? [],
  };
}

/** SMEs whose BRN was merged into another company: their BRN → the surviving company's BRN. */
export async function mergedTargets(db: Database, brns: Set<string>): Promise<Map<string, string>> {
  const merged = await sqlRows<{ id: string; brn: string; merged_into_id: string }>(
    db,
    sql`SELECT id, brn, merged_into_id FROM companies WHERE merged_into_id IS NOT NULL`,
  );
  const out = new Map<string, string>();
  const relevant = merged.filter((m) => brns.has(m.brn));
  if (relevant.length === 0) return out;
  const next = new Map(merged.map((m) => [m.id, m.merged_into_id]));
  const finalId = (id: string) => {
    let cur = id;
    for (let i = 0; i < 50 && next.has(cur); i++) cur = next.get(cur)!;
    return cur;
  };
  const targets = new Map(relevant.map((m) => [m.brn, finalId(m.merged_into_id)]));
  const survivors = await sqlRows<{ id: string; brn: string }>(
    db,
    sql`SELECT id, brn FROM companies WHERE id IN (${sql.join(
      [...new Set(targets.values())].map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  const brnOf = new Map(survivors.map((s) => [s.id, s.brn]));
  for (const [brn, id] of targets) if (brnOf.has(id)) out.set(brn, brnOf.get(id)!);
  return out;
}

// COPY --------------------------------------------------------------------------------------------------

const q = (v: string | null) => (v === null ? '' : `"${v.replace(/"/g, '""')}"`);
const pgArray = (xs: string[]) =>
  `{${xs.map((x) => `"${x.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;

function stageLine(jobId: string, r: ImportRow): string {
  return [
    jobId,
    r.rowNo,
    r.brn,
    r.crn ?? '',
    q(r.name),
    q(r.nameKey),
    q(r.representative),
    r.foundedOn ?? '',
    r.sizeClass ?? '',
    r.isMicro,
    r.isStartup,
    q(r.ksicCode),
    q(r.address),
    q(r.district),
    r.employees ?? '',
    r.revenue ?? '',
    q(r.homepage),
    q(r.phone),
    q(r.email),
    r.tags === null ? '' : q(pgArray(r.tags)),
  ].join(',');
}

export const STAGE_CHUNK = 50_000;

/** COPYs the valid rows into company_import_rows under `jobId`, in chunks; reports rows staged. */
export async function stageRows(
  handle: DbHandle,
  jobId: string,
  rows: ImportRow[],
  onChunk?: (staged: number) => Promise<void>,
): Promise<void> {
  await handle.db.execute(sql`DELETE FROM company_import_rows WHERE job_id = ${jobId}::uuid`);
  for (let i = 0; i < rows.length; i += STAGE_CHUNK) {
    const end = Math.min(rows.length, i + STAGE_CHUNK);
    const lines: string[] = new Array(end - i);
    for (let j = i; j < end; j++) lines[j - i] = stageLine(jobId, rows[j]);
    await handle.copyCsv('company_import_rows', STAGE_COLUMNS, `${lines.join('\n')}\n`);
    await onChunk?.(end);
  }
  // Fresh statistics, so the merge joins 1M staged rows by hash rather than by guesswork.
  if (rows.length > 10_000) await handle.db.execute(sql`ANALYZE company_import_rows`);
}

export async function dropStaged(db: Database, jobId: string) {
  await db.execute(sql`DELETE FROM company_import_rows WHERE job_id = ${jobId}::uuid`);
}

/** Serialises imports with each other (two big overlapping imports would otherwise lock rows in turn). */
const IMPORT_LOCK = 72_430_001;

export interface MergeResult {
  created: number;
  updated: number;
  linked: number;
  /** rows that became link requests (partner imports) */
  linkRequested: number;
  /** milliseconds per statement (benchmarks) */
  ms: { update: number; insert: number; link: number };
}

/**
 * Merges the staged rows of `jobId` into the registry inside transaction `tx`: updates firms whose data
 * changes (locking them first so the audited "before" is exact), inserts new firms, links them all to the
 * association, writes one audit row per created/updated firm, and removes the staged rows.
 */
export async function mergeStaged(
  tx: Database,
  p: {
    jobId: string;
    actor: Actor;
    bools: BoolColumn[];
    /** BRNs merged into another firm → the survivor's BRN */
    redirects: Map<string, string>;
    associationId: string | null;
    provenance: 'association' | 'staff';
    provenanceSource: string | null;
    today: string;
    /**
     * A partner's import: rows naming an existing firm not linked to this association become link
     * requests (the firm is neither changed nor linked); null for staff, who may update any firm.
     */
    scopeAssociationId?: string | null;
    /** the uploaded file, recorded on link requests */
    fileId?: string | null;
  },
): Promise<MergeResult> {
  const { jobId, actor, bools } = p;
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return ms;
  };
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${IMPORT_LOCK})`);
  // Big set-based statements: hash joins in memory, and no JIT (compiling them took seconds, running them less).
  await tx.execute(sql`SELECT set_config('work_mem', '64MB', true), set_config('jit', 'off', true)`);
  const redirects = JSON.stringify([...p.redirects].map(([brn, target_brn]) => ({ brn, target_brn })));
  const src = sql`
    red AS (SELECT * FROM json_to_recordset(${redirects}::json) AS r(brn char(10), target_brn char(10))),
    src AS (
      SELECT s.*, COALESCE(red.target_brn, s.brn) AS target_brn
      FROM company_import_rows s LEFT JOIN red ON red.brn = s.brn
      WHERE s.job_id = ${jobId}::uuid)`;
  const who = sql`${actor.userId ?? null}::uuid, ${actor.role}, ${actor.ip}, ${actor.requestId}`;

  // A partner's rows naming an existing firm outside its association: filed as link requests (one pending
  // request per firm and association), audited, and taken out of the staged rows so nothing below touches
  // those firms.
  let linkRequested = 0;
  const scope = p.scopeAssociationId ?? null;
  if (scope) {
    const assoc = sql`${scope}::uuid`;
    const [lr] = await sqlRows<{ n: number }>(
      tx,
      sql`WITH ${src},
      outside AS (
        SELECT DISTINCT ON (c.id) c.id AS company_id, s.row_no, s.brn, s.name
        FROM src s JOIN companies c ON c.brn = s.target_brn
        WHERE NOT ${linkedTo('c', assoc)}
        ORDER BY c.id, s.row_no),
      req AS (
        INSERT INTO company_link_requests (company_id, association_id, requested_by, file_id, row_no, name_in_file)
        SELECT o.company_id, ${assoc}, ${actor.userId ?? null}::uuid, ${p.fileId ?? null}::uuid, o.row_no, o.name
        FROM outside o
        ON CONFLICT (company_id, association_id) WHERE status = 'pending' DO NOTHING
        RETURNING id, company_id, row_no),
      aud AS (
        INSERT INTO audit_log (actor_id, actor_role, ip, request_id, action, entity_type, entity_id, before, after)
        SELECT ${who}, 'company.linkRequest', 'company_link_request', r.id::text, NULL,
          jsonb_build_object('companyId', r.company_id, 'associationId', ${assoc}, 'fileId', ${p.fileId ?? null}::uuid, 'row', r.row_no)
        FROM req r),
      gone AS (
        DELETE FROM company_import_rows d USING src s JOIN companies c ON c.brn = s.target_brn
        WHERE d.job_id = ${jobId}::uuid AND d.row_no = s.row_no AND NOT ${linkedTo('c', assoc)}
        RETURNING 1)
      SELECT count(*)::int AS n FROM gone`,
    );
    linkRequested = lr.n;
  }

  const [upd] = await sqlRows<{ n: number }>(
    tx,
    sql`WITH ${src},
    old AS (
      SELECT c.*, s.row_no AS import_row_no FROM companies c JOIN src s ON c.brn = s.target_brn
      WHERE c.merged_into_id IS NULL AND ${changed('s', 'c', bools)}
      FOR UPDATE OF c),
    upd AS (
      UPDATE companies c SET ${mergeSet('s', 'c', bools)}
      FROM old o JOIN src s ON s.row_no = o.import_row_no
      WHERE c.id = o.id
      RETURNING c.*),
    diff AS (
      SELECT u.id, ${companyJson('o')} AS b, ${companyJson('u')} AS a FROM upd u JOIN old o ON o.id = u.id),
    aud AS (
      INSERT INTO audit_log (actor_id, actor_role, ip, request_id, action, entity_type, entity_id, before, after)
      SELECT ${who}, 'company.update', 'company', d.id::text,
        (SELECT jsonb_object_agg(k, d.b -> k) FROM jsonb_object_keys(d.b) AS k WHERE (d.b -> k) IS DISTINCT FROM (d.a -> k)),
        (SELECT jsonb_object_agg(k, d.a -> k) FROM jsonb_object_keys(d.a) AS k WHERE (d.b -> k) IS DISTINCT FROM (d.a -> k))
      FROM diff d)
    SELECT count(*)::int AS n FROM upd`,
  );
  const updateMs = lap();

  const [ins] = await sqlRows<{ created: number; updated: number; linked: number }>(
    tx,
    sql`WITH ins AS (
      INSERT INTO companies AS c (brn, crn, name, name_key, representative, founded_on, size_class, is_micro,
        is_startup, ksic_code, address, district, employees, revenue, homepage, phone, email, tags,
        provenance, provenance_source, provenance_date)
      SELECT s.brn, s.crn, s.name, s.name_key, s.representative, s.founded_on, s.size_class, s.is_micro,
        s.is_startup, s.ksic_code, s.address, s.district, s.employees, s.revenue, s.homepage, s.phone, s.email,
        COALESCE(s.tags, '{}'::text[]), ${p.provenance}::provenance, ${p.provenanceSource}, ${p.today}::date
      FROM company_import_rows s
      WHERE s.job_id = ${jobId}::uuid AND NOT EXISTS (SELECT 1 FROM companies e WHERE e.brn = s.brn)
      ON CONFLICT (brn) DO UPDATE SET ${mergeSet('excluded', 'c', bools)}
        WHERE ${changed('excluded', 'c', bools)}${scope ? sql` AND ${linkedTo('c', sql`${scope}::uuid`)}` : sql``}
      RETURNING c.*, (c.xmax = 0) AS inserted),
    aud AS (
      INSERT INTO audit_log (actor_id, actor_role, ip, request_id, action, entity_type, entity_id, before, after)
      SELECT ${who}, CASE WHEN i.inserted THEN 'company.create' ELSE 'company.update' END, 'company', i.id::text,
        NULL, jsonb_strip_nulls(${companyJson('i')})
      FROM ins i)${
        scope
          ? sql`,
    lnk AS (
      INSERT INTO company_associations (company_id, association_id)
      SELECT i.id, ${scope}::uuid FROM ins i WHERE i.inserted ON CONFLICT DO NOTHING RETURNING 1)`
          : sql``
      }
    SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated,
      ${scope ? sql`(SELECT count(*) FROM lnk)::int` : sql`0`} AS linked
    FROM ins`,
  );
  const insertMs = lap();

  // A partner's import links the firms it created (above); the others it touched are linked already.
  let linked = ins.linked;
  if (p.associationId && !scope) {
    const [l] = await sqlRows<{ n: number }>(
      tx,
      sql`WITH ${src},
      l AS (
        INSERT INTO company_associations (company_id, association_id)
        SELECT DISTINCT c.id, ${p.associationId}::uuid FROM src s JOIN companies c ON c.brn = s.target_brn
        WHERE c.merged_into_id IS NULL
        ON CONFLICT DO NOTHING RETURNING 1)
      SELECT count(*)::int AS n FROM l`,
    );
    linked = l.n;
  }
  await dropStaged(tx, jobId);
  return {
    created: ins.created,
    updated: upd.n + ins.updated,
    linked,
    linkRequested,
    ms: { update: updateMs, insert: insertMs, link: lap() },
  };
}
