import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError } from '../../platform/errors';
import { assertCan } from '../../platform/policy';
import type { Instrument, InstrumentContent, InstrumentCreateBody } from './contract';
import { DEFAULT_INSTRUMENT, DEFAULT_RULES } from './default-instrument';
import { diagnosisInstruments, diagnosisRules } from './schema';

/**
 * 진단 도구 versions. A draft is edited freely (with an optimistic revision); publishing freezes it:
 * edits of a published version are 409s (and a database trigger refuses them). New diagnoses use
 * the highest published version; a diagnosis keeps the version it was started with.
 */
type Row = typeof diagnosisInstruments.$inferSelect;

/** Published versions never change, so their content is cached by id (safe across app instances). */
const publishedCache = new Map<string, { version: number; content: InstrumentContent }>();

export function mapInstrument(r: Row, currentId?: string): Instrument {
  const content = r.content;
  return {
    id: r.id,
    version: r.version,
    status: r.status,
    title: content.title,
    dimensions: content.dimensions.length,
    questions: content.dimensions.reduce((s, d) => s + d.questions.length, 0),
    revision: r.revision,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    publishedAt: r.publishedAt?.toISOString() ?? null,
    current: r.id === currentId,
    content,
  };
}

/** The version new diagnoses use: the highest published one. */
export async function currentInstrumentRow(db: Database): Promise<Row | undefined> {
  const [row] = await db
    .select()
    .from(diagnosisInstruments)
    .where(eq(diagnosisInstruments.status, 'published'))
    .orderBy(desc(diagnosisInstruments.version))
    .limit(1);
  return row;
}

/** Content of an instrument version (cached once published). */
export async function instrumentContentOf(
  db: Database,
  id: string,
): Promise<{ version: number; content: InstrumentContent }> {
  const cached = publishedCache.get(id);
  if (cached) return cached;
  const [row] = await db
    .select({
      version: diagnosisInstruments.version,
      status: diagnosisInstruments.status,
      content: diagnosisInstruments.content,
    })
    .from(diagnosisInstruments)
    .where(eq(diagnosisInstruments.id, id));
  if (!row) throw new NotFoundError('instrument');
  const out = { version: row.version, content: row.content };
  if (row.status === 'published') publishedCache.set(id, out);
  return out;
}

/** Public: the current instrument, so the public site can show the questions. */
export async function getCurrentInstrument({ db }: { db: Database }): Promise<Instrument> {
  const row = await currentInstrumentRow(db);
  if (!row) throw new NotFoundError('instrument');
  return mapInstrument(row, row.id);
}

export async function listInstruments({ db, actor }: { db: Database; actor: Actor }) {
  assertCan(actor, 'diagnosis.manage');
  const rows = await db.select().from(diagnosisInstruments).orderBy(desc(diagnosisInstruments.version));
  const currentId = rows.find((r) => r.status === 'published')?.id;
  return {
    items: rows.map((r) => {
      const { content: _c, ...summary } = mapInstrument(r, currentId);
      return summary;
    }),
  };
}

async function loadRow(db: Database, id: string, lock = false) {
  const q = db.select().from(diagnosisInstruments).where(eq(diagnosisInstruments.id, id));
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new NotFoundError('instrument');
  return row;
}

async function withCurrent(db: Database, row: Row) {
  const cur = await currentInstrumentRow(db);
  return mapInstrument(row, cur?.id);
}

export async function getInstrument({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'diagnosis.manage');
  return withCurrent(db, await loadRow(db, id));
}

/**
 * Drafts the next version: from the latest version (or the built-in default, or given content). When a
 * draft exists already it is returned instead (`created: false`): there is one draft at a time.
 */
export async function createInstrumentDraft({
  db,
  actor,
  input,
}: {
  db: Database;
  actor: Actor;
  input: InstrumentCreateBody;
}): Promise<{ created: boolean; instrument: Instrument }> {
  assertCan(actor, 'diagnosis.manage');
  const result = await db.transaction(async (tx) => {
    // Serialise drafting so two staff members cannot take the same version number.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7215101)`);
    const [draft] = await tx
      .select()
      .from(diagnosisInstruments)
      .where(eq(diagnosisInstruments.status, 'draft'));
    if (draft) return { created: false, row: draft };
    const [latest] = await tx
      .select()
      .from(diagnosisInstruments)
      .orderBy(desc(diagnosisInstruments.version))
      .limit(1);
    const content =
      'content' in input
        ? input.content
        : input.from === 'default' || !latest
          ? DEFAULT_INSTRUMENT
          : latest.content;
    const [row] = await tx
      .insert(diagnosisInstruments)
      .values({ version: (latest?.version ?? 0) + 1, content, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'instrument.create',
      entityType: 'instrument',
      entityId: row.id,
      after: { version: row.version, from: 'content' in input ? 'content' : input.from, content },
    });
    return { created: true, row };
  });
  return { created: result.created, instrument: await withCurrent(db, result.row) };
}

/** Replaces a draft's content; 409 for a published version or a stale revision. */
export async function updateInstrumentDraft({
  db,
  actor,
  id,
  input,
}: {
  db: Database;
  actor: Actor;
  id: string;
  input: { content: InstrumentContent; revision: number };
}) {
  assertCan(actor, 'diagnosis.manage');
  const row = await db.transaction(async (tx) => {
    const before = await loadRow(tx, id, true);
    if (before.status !== 'draft') throw new ConflictError('instrument_published');
    if (before.revision !== input.revision) throw new ConflictError('stale_version');
    const [after] = await tx
      .update(diagnosisInstruments)
      .set({
        content: input.content,
        revision: sql`${diagnosisInstruments.revision} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(diagnosisInstruments.id, id), eq(diagnosisInstruments.status, 'draft')))
      .returning();
    await recordAudit(tx, actor, {
      action: 'instrument.update',
      entityType: 'instrument',
      entityId: id,
      before: { revision: before.revision, content: before.content },
      after: { revision: after.revision, content: input.content },
    });
    return after;
  });
  return withCurrent(db, row);
}

/** Publishes a draft: from now on it is immutable and new diagnoses use it. */
export async function publishInstrument({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'diagnosis.manage');
  const row = await db.transaction(async (tx) => {
    const before = await loadRow(tx, id, true);
    if (before.status !== 'draft') throw new ConflictError('instrument_published');
    const [after] = await tx
      .update(diagnosisInstruments)
      .set({ status: 'published', publishedAt: sql`now()`, publishedBy: actor.userId, updatedAt: sql`now()` })
      .where(and(eq(diagnosisInstruments.id, id), eq(diagnosisInstruments.status, 'draft')))
      .returning();
    await recordAudit(tx, actor, {
      action: 'instrument.publish',
      entityType: 'instrument',
      entityId: id,
      before: { status: before.status },
      after: { status: after.status, version: after.version },
    });
    return after;
  });
  return withCurrent(db, row);
}

/** Discards a draft; published versions stay forever (409). */
export async function deleteInstrumentDraft({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  assertCan(actor, 'diagnosis.manage');
  await db.transaction(async (tx) => {
    const before = await loadRow(tx, id, true);
    if (before.status !== 'draft') throw new ConflictError('instrument_published');
    await tx.delete(diagnosisInstruments).where(eq(diagnosisInstruments.id, id));
    await recordAudit(tx, actor, {
      action: 'instrument.delete',
      entityType: 'instrument',
      entityId: id,
      before: { version: before.version, content: before.content },
    });
  });
  return { ok: true as const };
}

/**
 * Installs the default instrument (published, version 1) and the default recommendation rules when
 * none exist yet. Idempotent; used by the demo world and by installs that want the defaults.
 */
export async function installDefaults(db: Database, actor: Actor, publishedOn?: Date) {
  // The demo world passes its own date; otherwise the database's clock.
  const publishedAt = publishedOn ?? sql`now()`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(7215101)`);
    const [{ n }] = await tx.select({ n: count() }).from(diagnosisInstruments);
    let instrumentId: string | undefined;
    if (Number(n) === 0) {
      const [row] = await tx
        .insert(diagnosisInstruments)
        .values({
          version: 1,
          status: 'published',
          content: DEFAULT_INSTRUMENT,
          createdBy: actor.userId,
          createdAt: publishedAt,
          updatedAt: publishedAt,
          publishedAt,
          publishedBy: actor.userId,
        })
        .returning();
      instrumentId = row.id;
      await recordAudit(tx, actor, {
        action: 'instrument.install_default',
        entityType: 'instrument',
        entityId: row.id,
        after: { version: 1, status: 'published' },
      });
    }
    const [{ r }] = await tx.select({ r: count() }).from(diagnosisRules);
    if (Number(r) === 0) {
      const rows = await tx
        .insert(diagnosisRules)
        .values(
          DEFAULT_RULES.map((d) => ({
            programCode: d.programCode,
            conditions: d.conditions,
            reasonKo: d.reason.ko,
            reasonEn: d.reason.en,
            priority: d.priority,
            active: d.active,
            createdBy: actor.userId,
          })),
        )
        .returning({ id: diagnosisRules.id });
      await recordAudit(tx, actor, {
        action: 'rule.install_default',
        entityType: 'diagnosis_rule',
        after: { ids: rows.map((x) => x.id) },
      });
    }
    return { instrumentId };
  });
}

/** Every version, oldest first (analytics uses the titles of dimensions across versions). */
export async function allInstrumentContents(db: Database) {
  const rows = await db
    .select({
      id: diagnosisInstruments.id,
      version: diagnosisInstruments.version,
      content: diagnosisInstruments.content,
    })
    .from(diagnosisInstruments)
    .where(eq(diagnosisInstruments.status, 'published'))
    .orderBy(asc(diagnosisInstruments.version));
  return rows.map((r) => ({ ...r, content: r.content }));
}
