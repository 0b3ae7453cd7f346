import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { ValidationError } from '../../platform/errors';
import { files } from '../../platform/schema';
import type { CallAttachment } from './contract';

/** Purpose of call attachments in the files table (see platform/files.ts). */
export const CALL_FILE_PURPOSE = 'call';

/** The attachments of a call, in the order of its attachmentIds (missing rows are left out). */
export async function callAttachments(db: Database, ids: string[]): Promise<CallAttachment[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: files.id, name: files.originalName, size: files.size, mime: files.mime })
    .from(files)
    .where(and(inArray(files.id, ids), eq(files.purpose, CALL_FILE_PURPOSE)));
  return ids.flatMap((id) => rows.filter((r) => r.id === id));
}

/** 422 on `attachmentIds` unless every id is an uploaded call attachment (no duplicates). */
export async function assertCallFiles(db: Database, ids: string[] | undefined): Promise<void> {
  if (!ids?.length) return;
  const unique = new Set(ids);
  const found = await callAttachments(db, [...unique]);
  if (unique.size !== ids.length || found.length !== unique.size)
    throw new ValidationError('validation_failed', [{ path: 'attachmentIds', message: 'invalid_value' }]);
}
