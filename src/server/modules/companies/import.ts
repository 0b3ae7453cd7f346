import { createHash, randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Config } from '../../config';
import type { Database, DbHandle } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { isStaff } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import {
  AppError,
  BadRequestError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../../platform/errors';
import { type FileStore, readUpload, saveUpload } from '../../platform/files';
import type { JobRunner } from '../../platform/jobs';
import type { Lang } from '../../platform/messages';
import { assertCan } from '../../platform/policy';
import { readTable, type Table } from '../../platform/tabular';
import type { ImportMapping, ImportReport, ImportResponse, ImportUpload } from './import-contract';
import { checkMapping, suggestMapping } from './import-map';
import {
  type BoolColumn,
  countOutcomes,
  dropStaged,
  LINK_REQUESTS_LISTED,
  mergedTargets,
  mergeStaged,
  stageRows,
} from './import-sql';
import { applyRedirects, renderIssues, validateTable } from './import-validate';
import { associations } from './schema';

/**
 * Bulk import of association member lists (회원사 명단): upload → mapping → dry run → commit.
 * Small files run within the request; bigger ones as a background job (`company.import`).
 */
export const INLINE_MAX_ROWS = 5_000;
export const IMPORT_JOB = 'company.import';
const DRY_RUN_CHUNK = 10_000;

/**
 * Commit refused because rows have errors (and skipInvalid is off): a 422 `{ error, report }` (the report
 * rendered by the error handler from `data`), and the report is the job's result in the background.
 */
export class ImportRejectedError extends ValidationError {
  constructor(readonly report: ImportReport) {
    super('import_has_errors', undefined, { count: report.invalid }, { report });
  }
  get result() {
    return this.report;
  }
}

interface Upload {
  buffer: Buffer;
  filename: string;
}

async function parseTable(buffer: Buffer, filename: string): Promise<Table> {
  try {
    return await readTable(buffer, filename);
  } catch (e) {
    if (e instanceof Error && e.message === 'file_type') throw new AppError(415, 'file_type');
    throw e;
  }
}

/** The association a list belongs to: partners their own (403 for another), staff any or none. */
export async function resolveAssociation(
  db: Database,
  actor: Actor,
  requested?: string,
): Promise<{ id: string; name: string } | null> {
  let id = requested;
  if (actor.role === 'partner') {
    if (requested && !actor.associationIds.includes(requested)) throw new ForbiddenError();
    if (!requested) {
      if (actor.associationIds.length === 0) throw new ForbiddenError();
      if (actor.associationIds.length > 1)
        throw new ValidationError('association_required', [
          { path: 'query.associationId', message: 'required' },
        ]);
      id = actor.associationIds[0];
    }
  } else if (!isStaff(actor)) throw new ForbiddenError();
  if (!id) return null;
  const [a] = await db
    .select({ id: associations.id, name: associations.name })
    .from(associations)
    .where(eq(associations.id, id));
  if (!a) throw new NotFoundError('association');
  return a;
}

export interface ImportTimings {
  validateMs: number;
  checkMs: number;
  stageMs: number;
  commitMs: number;
  /** parts of commitMs: the update, insert and association-link statements */
  updateMs?: number;
  insertMs?: number;
  linkMs?: number;
}

export interface RunImportInput {
  handle: DbHandle;
  actor: Actor;
  table: Table & { rowNumbers?: number[] };
  mapping: ImportMapping;
  association: { id: string; name: string } | null;
  dryRun: boolean;
  skipInvalid: boolean;
  lang: Lang;
  /** staging key; a job's id in the background */
  jobId?: string;
  /** rows are staged under this key (default `jobId`): a job's attempt, so an instance that lost the job cannot touch the next attempt's rows */
  stagingKey?: string;
  /** the stored upload, named in the summary audit entry */
  fileId?: string | null;
  /** progress in units of 2 × rows: validation is the first half, checking or committing the second */
  onProgress?: (done: number) => Promise<void>;
  /** called inside the commit's transaction with the report (a job marks itself done there) */
  onCommit?: (tx: Database, report: ImportReport) => Promise<void>;
  today?: Date;
}

/**
 * The import itself, on a parsed table: validate every row, then either count outcomes (dry run, or a
 * refused commit) or stage the valid rows with COPY and merge them into the registry in one transaction.
 * Callers check permission and the association first (importCompanies, the job, the benchmark).
 */
export async function runImport(
  input: RunImportInput,
): Promise<{ report: ImportReport; timings: ImportTimings }> {
  const { handle, actor, table, mapping, association, dryRun, skipInvalid, lang } = input;
  const db = handle.db;
  const n = table.rows.length;
  const progress = input.onProgress ?? (async () => {});
  const timings: ImportTimings = { validateMs: 0, checkMs: 0, stageMs: 0, commitMs: 0 };
  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return ms;
  };

  // "Today" in Asia/Seoul (founding dates after it are refused; the provenance date) by the database's clock.
  const today = input.today
    ? input.today.toLocaleDateString('sv-SE', { timeZone: 'Asia/Seoul' })
    : (
        await handle.query<{ today: string }>(
          "SELECT to_char((now() AT TIME ZONE 'Asia/Seoul')::date, 'YYYY-MM-DD') AS today",
        )
      )[0].today;
  const v = await validateTable(table, mapping, { today, onProgress: progress });
  applyRedirects(v, await mergedTargets(db, new Set(v.valid.map((r) => r.brn))));
  timings.validateMs = lap();
  await progress(n);

  const bools: BoolColumn[] = [];
  if (mapping.isMicro) bools.push('is_micro');
  if (mapping.isStartup) bools.push('is_startup');
  const { errors, truncated } = renderIssues(v.issues, mapping, table.headers, lang);
  const base = {
    dryRun,
    total: v.total,
    valid: v.valid.length,
    invalid: v.invalidRows.size,
    errors,
    errorsTruncated: truncated,
    format: table.format,
    encoding: table.encoding ?? null,
  };
  const share = (done: number, of: number) => n + Math.floor((n * done) / Math.max(1, of));

  // A partner changes only its own members: firms outside its association become link requests.
  const scope = actor.role === 'partner' ? (association?.id ?? null) : null;
  if (dryRun || (v.invalidRows.size > 0 && !skipInvalid)) {
    const counts = {
      created: 0,
      updated: 0,
      unchanged: 0,
      linkRequested: 0,
      linkRequests: [] as ImportReport['linkRequests'],
    };
    for (let i = 0; i < v.valid.length; i += DRY_RUN_CHUNK) {
      const chunk = v.valid.slice(i, i + DRY_RUN_CHUNK);
      const c = await countOutcomes(db, chunk, bools, scope);
      counts.created += c.created;
      counts.updated += c.updated;
      counts.unchanged += c.unchanged;
      counts.linkRequested += c.linkRequested;
      counts.linkRequests.push(...c.linkRequests.slice(0, LINK_REQUESTS_LISTED - counts.linkRequests.length));
      await progress(share(i + chunk.length, v.valid.length));
    }
    timings.checkMs = lap();
    const report: ImportReport = { ...base, committed: false, ...counts };
    if (!dryRun) throw new ImportRejectedError(report);
    return { report, timings };
  }

  const jobId = input.jobId ?? randomUUID();
  const stagingKey = input.stagingKey ?? jobId;
  try {
    await stageRows(handle, stagingKey, v.valid, (staged) => progress(share(staged / 2, v.valid.length)));
    timings.stageMs = lap();
    const result = await db.transaction(async (tx) => {
      const r = await mergeStaged(tx, {
        jobId: stagingKey,
        actor,
        bools,
        redirects: new Map(v.valid.filter((x) => x.targetBrn !== x.brn).map((x) => [x.brn, x.targetBrn])),
        associationId: association?.id ?? null,
        provenance: association ? 'association' : 'staff',
        provenanceSource: association?.name ?? actor.name ?? null,
        today,
        scopeAssociationId: scope,
        fileId: input.fileId ?? null,
      });
      await recordAudit(tx, actor, {
        action: 'company.import',
        entityType: 'company_import',
        entityId: input.fileId ?? jobId,
        after: {
          fileId: input.fileId ?? null,
          jobId: input.jobId ?? null,
          associationId: association?.id ?? null,
          associationName: association?.name ?? null,
          mapping,
          total: v.total,
          valid: v.valid.length,
          invalid: v.invalidRows.size,
          created: r.created,
          updated: r.updated,
          unchanged: v.valid.length - r.created - r.updated - r.linkRequested,
          linked: r.linked,
          linkRequested: r.linkRequested,
        },
      });
      const report: ImportReport = {
        ...base,
        committed: true,
        created: r.created,
        updated: r.updated,
        unchanged: v.valid.length - r.created - r.updated - r.linkRequested,
        linkRequested: r.linkRequested,
        linkRequests: [],
      };
      await input.onCommit?.(tx, report);
      return { ...r, report };
    });
    timings.commitMs = lap();
    timings.updateMs = result.ms.update;
    timings.insertMs = result.ms.insert;
    timings.linkMs = result.ms.link;
    await progress(2 * n);
    return { report: result.report, timings };
  } catch (e) {
    await dropStaged(db, stagingKey).catch(() => {});
    throw e;
  }
}

/** The staging key of a job's attempt: a UUID derived from the job id and the attempt number. */
export function attemptStagingKey(jobId: string, attempt: number): string {
  const h = createHash('sha256').update(`${jobId}:${attempt}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Upload step of the wizard: stores the file and returns headers, a preview and the suggested mapping. */
export async function uploadImportFile({
  db,
  actor,
  store,
  upload,
}: {
  db: Database;
  actor: Actor;
  store: FileStore;
  upload: Upload;
}): Promise<ImportUpload> {
  assertCan(actor, 'company.import');
  // Parsed first: a file that is not a readable table is refused (415) before anything is stored.
  const table = await parseTable(upload.buffer, upload.filename);
  const file = await saveUpload(db, store, { ...upload, ownerId: actor.userId ?? null, purpose: 'import' });
  return {
    fileId: file.id,
    filename: file.originalName,
    format: table.format,
    encoding: table.encoding ?? null,
    headers: table.headers,
    rowCount: table.rows.length,
    sample: table.rows.slice(0, 5),
    suggestedMapping: suggestMapping(table.headers),
  };
}

/** a type, not an interface, so it is a job payload (a JSON object) as it is */
type ImportJobPayload = {
  fileId: string;
  mapping: ImportMapping;
  association: { id: string; name: string } | null;
  dryRun: boolean;
  skipInvalid: boolean;
  lang: Lang;
  actor: Actor;
};

/**
 * POST /companies/import: a new upload or a stored one (`fileId`), mapped (or the suggested mapping),
 * dry run or commit; inline up to 5,000 rows, otherwise queued as a job.
 */
export async function importCompanies({
  handle,
  jobs,
  actor,
  store,
  input,
}: {
  handle: DbHandle;
  jobs: JobRunner;
  actor: Actor;
  store: FileStore;
  input: {
    upload?: Upload;
    fileId?: string;
    mapping?: ImportMapping;
    associationId?: string;
    dryRun: boolean;
    skipInvalid: boolean;
    lang: Lang;
  };
}): Promise<ImportResponse> {
  assertCan(actor, 'company.import');
  const db = handle.db;
  const association = await resolveAssociation(db, actor, input.associationId);
  let fileId: string;
  let table: Table;
  if (input.upload) {
    table = await parseTable(input.upload.buffer, input.upload.filename);
    const file = await saveUpload(db, store, {
      ...input.upload,
      ownerId: actor.userId ?? null,
      purpose: 'import',
    });
    fileId = file.id;
  } else if (input.fileId) {
    const stored = await readUpload(db, store, input.fileId, actor);
    if (stored.file.purpose !== 'import') throw new NotFoundError('file');
    table = await parseTable(stored.buffer, stored.file.originalName);
    fileId = stored.file.id;
  } else throw new BadRequestError('file_required');

  const mapping = checkMapping(table.headers, input.mapping ?? suggestMapping(table.headers));
  const dryRun = input.dryRun;
  if (table.rows.length > INLINE_MAX_ROWS) {
    const payload: ImportJobPayload = {
      fileId,
      mapping,
      association,
      dryRun,
      skipInvalid: input.skipInvalid,
      lang: input.lang,
      actor: { ...actor, sessionId: undefined },
    };
    const jobId = await jobs.enqueue(IMPORT_JOB, payload, actor.userId, 2 * table.rows.length);
    return { status: 'queued', report: null, jobId };
  }
  const { report } = await runImport({
    handle,
    actor,
    table,
    mapping,
    association,
    dryRun,
    skipInvalid: input.skipInvalid,
    lang: input.lang,
    fileId,
  });
  return { status: 'done', report, jobId: null };
}

/**
 * The background half: the job re-reads the stored upload (from the shared file store, so any instance
 * can run it) and reports progress (2 × rows). Restartable: staged rows of an earlier attempt are
 * replaced, and the merge commits together with the job's completion, so an instance taking over a
 * job whose instance died mid-import runs it again in full and never applies it twice.
 */
export function registerCompanyImportJob(runner: JobRunner, handle: DbHandle, config: Pick<Config, 'files'>) {
  runner.register(IMPORT_JOB, async (ctx) => {
    const p = ctx.payload as ImportJobPayload;
    assertCan(p.actor, 'company.import');
    // A takeover: rows staged by earlier attempts (instances that died or lost the job) go first.
    for (let a = 1; a < ctx.attempt; a++) await dropStaged(handle.db, attemptStagingKey(ctx.id, a));
    if (ctx.attempt > 1) await dropStaged(handle.db, ctx.id);
    const { file, buffer } = await readUpload(handle.db, config.files, p.fileId);
    const table = await parseTable(buffer, file.originalName);
    const total = 2 * table.rows.length;
    await ctx.progress(0, total);
    let last = 0;
    const { report } = await runImport({
      handle,
      actor: p.actor,
      table,
      mapping: p.mapping,
      association: p.association,
      dryRun: p.dryRun,
      skipInvalid: p.skipInvalid,
      lang: p.lang,
      jobId: ctx.id,
      stagingKey: attemptStagingKey(ctx.id, ctx.attempt),
      fileId: p.fileId,
      onCommit: (tx, report) => ctx.complete(tx, report),
      onProgress: async (done) => {
        // One progress write per ~1% keeps the jobs table quiet on big files.
        if (done < total && done - last < Math.max(1, Math.floor(total / 100))) return;
        last = done;
        await ctx.progress(done, total);
      },
    });
    await ctx.progress(total, total);
    return report;
  });
}
