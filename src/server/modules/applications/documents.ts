import { PassThrough } from 'node:stream';
import archiver from 'archiver';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { logAccess, recordAudit } from '../../platform/audit';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors';
import { type FileStore, openUpload, readUpload, saveUpload } from '../../platform/files';
import { assertCan, assertCanAny } from '../../platform/policy';
import { files } from '../../platform/schema';
import { writeXlsx } from '../../platform/tabular';
import { companyRefsSql } from '../companies';
import { currentForm, loadCall, loadCallForm } from '../programs';
import type { FormSection } from '../programs/form-contract';
import { callAccepts } from '../programs/lifecycle-contract';
import { COUNTED, EDITABLE, editAction } from './lifecycle-contract';
import { applicationFiles, applications } from './schema';

/** The companies read model (companies' index), joined as `co`. */
const companiesJoin = sql`(${companyRefsSql}) co`;

const EXT = /\.([a-z0-9]{2,5})$/i;

/** Which keys take files: file fields of the form and the call's required documents, with their limits. */
async function documentSlots(db: Database, app: typeof applications.$inferSelect) {
  const ctx = await loadCallForm(db, app.formId);
  const slots = new Map<string, { accept?: string[]; maxSizeMb?: number }>();
  for (const f of (ctx.form.sections as FormSection[]).flatMap((s) => s.fields))
    if (f.type === 'file') slots.set(f.key, { accept: f.accept, maxSizeMb: f.maxSizeMb });
  for (const d of ctx.call.requiredDocuments as { key: string }[])
    if (!slots.has(d.key)) slots.set(d.key, {});
  return { slots, call: ctx.call, window: ctx.window };
}

/** Attaches an uploaded document to an editable application (type sniffed, stored outside the web root). */
export async function attachDocument({
  db,
  store,
  actor,
  id,
  fieldKey,
  filename,
  buffer,
}: {
  db: Database;
  store: FileStore;
  actor: Actor;
  id: string;
  fieldKey: string;
  filename: string;
  buffer: Buffer;
}) {
  assertCanAny(actor, 'application.apply');
  const [app] = await db.select().from(applications).where(eq(applications.id, id));
  if (!app) throw new NotFoundError('application');
  assertCan(actor, 'application.apply', { companyId: app.companyId });
  if (!EDITABLE.includes(app.status)) throw new ConflictError('application_locked', { status: app.status });
  const { slots, window } = await documentSlots(db, app);
  if (!callAccepts(editAction(app.status, 'editDocuments'), window))
    throw new ConflictError('deadline_passed');
  const slot = slots.get(fieldKey);
  if (!slot) throw new ValidationError('validation_failed', [{ path: 'fieldKey', message: 'unknown_field' }]);
  const ext = filename.match(EXT)?.[1]?.toLowerCase();
  if (slot.accept?.length && (!ext || !slot.accept.includes(ext)))
    throw new ValidationError('file_extension', [{ path: 'file', message: 'invalid_value' }], {
      accept: slot.accept.join(', '),
    });
  const stored = await saveUpload(db, store, {
    buffer,
    filename,
    ownerId: actor.userId,
    purpose: 'application',
    maxBytes: (slot.maxSizeMb ?? 20) * 1024 * 1024,
  });
  await db.transaction(async (tx) => {
    await tx.insert(applicationFiles).values({ applicationId: id, fieldKey, fileId: stored.id });
    await recordAudit(tx, actor, {
      action: 'application.file_add',
      entityType: 'application',
      entityId: id,
      after: {
        fieldKey,
        fileId: stored.id,
        name: stored.originalName,
        size: stored.size,
        sha256: stored.sha256,
      },
    });
  });
  return { fieldKey, fileId: stored.id, name: stored.originalName, size: stored.size, mime: stored.mime };
}

export async function removeDocument({
  db,
  actor,
  id,
  fileId,
}: {
  db: Database;
  actor: Actor;
  id: string;
  fileId: string;
}) {
  assertCanAny(actor, 'application.apply');
  await db.transaction(async (tx) => {
    const [app] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
    if (!app) throw new NotFoundError('application');
    assertCan(actor, 'application.apply', { companyId: app.companyId });
    if (!EDITABLE.includes(app.status)) throw new ConflictError('application_locked', { status: app.status });
    const { window } = await loadCallForm(tx, app.formId);
    if (!callAccepts(editAction(app.status, 'editDocuments'), window))
      throw new ConflictError('deadline_passed');
    const gone = await tx
      .delete(applicationFiles)
      .where(and(eq(applicationFiles.applicationId, id), eq(applicationFiles.fileId, fileId)))
      .returning();
    if (!gone.length) throw new NotFoundError('file');
    await recordAudit(tx, actor, {
      action: 'application.file_remove',
      entityType: 'application',
      entityId: id,
      before: gone[0],
    });
  });
  return { ok: true as const };
}

/** Downloads one document of an application the caller may read (staff downloads are logged). */
export async function downloadDocument({
  db,
  store,
  actor,
  id,
  fileId,
}: {
  db: Database;
  store: FileStore;
  actor: Actor;
  id: string;
  fileId: string;
}) {
  assertCanAny(actor, 'application.read');
  const [app] = await db.select().from(applications).where(eq(applications.id, id));
  if (!app) throw new NotFoundError('application');
  assertCan(actor, 'application.read', { companyId: app.companyId });
  const [link] = await db
    .select()
    .from(applicationFiles)
    .where(and(eq(applicationFiles.applicationId, id), eq(applicationFiles.fileId, fileId)));
  if (!link) throw new NotFoundError('file');
  const { file, body } = await openUpload(db, store, fileId);
  await logAccess(db, actor, { action: 'download', subjectType: 'application', subjectId: id });
  return { file, body };
}

/** All documents of a call's submitted applications as one ZIP: <receiptNo>_<company>/<field>_<name>. */
export async function callDocumentsZip({
  db,
  store,
  actor,
  callId,
}: {
  db: Database;
  store: FileStore;
  actor: Actor;
  callId: string;
}) {
  assertCan(actor, 'application.manage');
  const { c } = await loadCall(db, actor, callId);
  const rows = await db
    .select({
      a: applications,
      companyName: sql<string>`co.name`,
      file: files,
      fieldKey: applicationFiles.fieldKey,
    })
    .from(applicationFiles)
    .innerJoin(applications, eq(applications.id, applicationFiles.applicationId))
    .innerJoin(companiesJoin, sql`co.id = ${applications.companyId}`)
    .innerJoin(files, eq(files.id, applicationFiles.fileId))
    .where(and(eq(applications.callId, callId), inArray(applications.status, COUNTED)))
    .orderBy(asc(applications.receiptNo));
  await logAccess(db, actor, {
    action: 'download',
    subjectType: 'call_documents',
    subjectId: callId,
    count: rows.length,
    reason: 'bulk download',
  });
  const zip = archiver('zip', { zlib: { level: 6 } });
  const out = new PassThrough();
  zip.pipe(out);
  (async () => {
    for (const r of rows) {
      const safe = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');
      try {
        const { buffer } = await readUpload(db, store, r.file.id);
        zip.append(buffer, {
          name: `${safe(r.a.receiptNo ?? r.a.id)}_${safe(r.companyName)}/${r.fieldKey}_${safe(r.file.originalName)}`,
        });
      } catch {
        zip.append(`missing file ${r.file.id}`, {
          name: `${safe(r.a.receiptNo ?? r.a.id)}_MISSING_${r.file.id}.txt`,
        });
      }
    }
    await zip.finalize();
  })().catch((e) => out.destroy(e));
  return { stream: out, filename: `${c.year}-${c.id.slice(0, 8)}-documents.zip` };
}

const STATUS_KO: Record<string, string> = {
  draft: '작성중',
  submitted: '접수',
  withdrawn: '철회',
  supplement_requested: '보완요청',
  incomplete: '서류미비',
  ineligible: '자격미달',
  selected: '선정',
  waitlisted: '예비선정',
  rejected: '탈락',
};

/** The call's applications as XLSX: receipt, company, status, time and every answer column. */
export async function callApplicationsXlsx({
  db,
  actor,
  callId,
}: {
  db: Database;
  actor: Actor;
  callId: string;
}) {
  assertCan(actor, 'application.manage');
  const { c } = await loadCall(db, actor, callId);
  const form = await currentForm(db, callId, 'first');
  const fields = (form.sections as FormSection[])
    .flatMap((s) => s.fields)
    .filter((f) => f.type !== 'file' && f.type !== 'companyField');
  const rows = await db
    .select({
      a: applications,
      name: sql<string>`co.name`,
      brn: sql<string>`co.brn`,
      district: sql<string | null>`co.district`,
    })
    .from(applications)
    .innerJoin(companiesJoin, sql`co.id = ${applications.companyId}`)
    .where(and(eq(applications.callId, callId)))
    .orderBy(asc(applications.receiptNo));
  const kst = (d: Date | null) =>
    d ? new Date(d.getTime() + 9 * 3600_000).toISOString().replace('T', ' ').slice(0, 16) : '';
  const headers = [
    '접수번호',
    '기업명',
    '사업자등록번호',
    '자치구',
    '상태',
    '접수시각(KST)',
    ...fields.map((f) => f.label.ko),
  ];
  const data = rows
    .filter((r) => r.a.status !== 'draft')
    .map((r) => {
      const ans = r.a.answers as Record<string, unknown>;
      return [
        r.a.receiptNo,
        r.name,
        `${r.brn.slice(0, 3)}-${r.brn.slice(3, 5)}-${r.brn.slice(5)}`,
        r.district,
        STATUS_KO[r.a.status] ?? r.a.status,
        kst(r.a.submittedAt),
        ...fields.map((f) => {
          const v = ans[f.key];
          return Array.isArray(v) ? v.join(', ') : (v as string | number | null | undefined);
        }),
      ];
    });
  await logAccess(db, actor, {
    action: 'export',
    subjectType: 'call_applications',
    subjectId: callId,
    count: data.length,
  });
  return {
    body: await writeXlsx('신청 현황', headers, data),
    filename: `${c.year}-applications-${c.id.slice(0, 8)}.xlsx`,
  };
}
