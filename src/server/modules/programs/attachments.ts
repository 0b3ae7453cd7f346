import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { recordAudit } from '../../platform/audit';
import { NotFoundError } from '../../platform/errors';
import { deleteStoredFiles, type FileStore, openUpload, saveUpload } from '../../platform/files';
import type { MaintenanceTask } from '../../platform/maintenance';
import { assertCan } from '../../platform/policy';
import { files } from '../../platform/schema';
import { CALL_FILE_PURPOSE } from './call-files';
import type { CallAttachment } from './contract';
import { loadCall } from './service';

/** Attachments uploaded in the editor but never saved to a call (or removed from it) go after a day. */
export const purgeOrphanedAttachments: MaintenanceTask = (db, { files: store }) =>
  deleteStoredFiles(
    db,
    store,
    sql`${files.purpose} = ${CALL_FILE_PURPOSE} AND ${files.createdAt} < now() - interval '1 day'
        AND NOT EXISTS (SELECT 1 FROM calls c WHERE ${files.id} = ANY (c.attachment_ids))`,
  );

/** Largest call attachment (the multipart limit of the app may be lower). */
export const CALL_ATTACHMENT_MAX_BYTES = 30 * 1024 * 1024;

/**
 * Staff upload a file for a call (공고 첨부파일: 공고문 HWP/PDF, 신청서 서식 DOCX/XLSX, ZIP). The type is
 * sniffed from the content; the file is linked to a call by listing its id in the call's attachmentIds.
 */
export async function uploadCallAttachment({
  db,
  store,
  actor,
  filename,
  buffer,
}: {
  db: Database;
  store: FileStore;
  actor: Actor;
  filename: string;
  buffer: Buffer;
}): Promise<CallAttachment> {
  assertCan(actor, 'call.manage');
  const stored = await saveUpload(db, store, {
    buffer,
    filename,
    ownerId: actor.userId,
    purpose: CALL_FILE_PURPOSE,
    maxBytes: CALL_ATTACHMENT_MAX_BYTES,
  });
  await recordAudit(db, actor, {
    action: 'call.attachment_upload',
    entityType: 'file',
    entityId: stored.id,
    after: { name: stored.originalName, size: stored.size, mime: stored.mime, sha256: stored.sha256 },
  });
  return { id: stored.id, name: stored.originalName, size: stored.size, mime: stored.mime };
}

/** Anyone who may see the call downloads its attachments (drafts: staff only, 404 for others). */
export async function downloadCallAttachment({
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
  const { c } = await loadCall(db, actor, id);
  if (!c.attachmentIds.includes(fileId)) throw new NotFoundError('file');
  return openUpload(db, store, fileId, { purpose: CALL_FILE_PURPOSE });
}
