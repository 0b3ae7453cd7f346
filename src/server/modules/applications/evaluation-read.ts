import { and, asc, eq, inArray } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/enums';
import type { Database } from '../../db/client';
import { files } from '../../platform/schema';
import { applicationFiles, applications } from './schema';

/**
 * Read models for the evaluation module (published through index.ts): which applications of a call
 * are evaluated, and one application read-only for its reviewers. No permission checks here: the
 * evaluation service checks the assignment first.
 */

/** Applications that go to evaluation: submitted, and those already decided. */
export const EVALUATED_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'selected',
  'waitlisted',
  'rejected',
];

export interface EvaluatedApplication {
  id: string;
  callId: string;
  companyId: string;
  status: ApplicationStatus;
  receiptNo: string | null;
  submittedAt: Date | null;
}

const ref = {
  id: applications.id,
  callId: applications.callId,
  companyId: applications.companyId,
  status: applications.status,
  receiptNo: applications.receiptNo,
  submittedAt: applications.submittedAt,
};

/** The evaluated applications of a call, by receipt number. */
export async function evaluatedApplications(db: Database, callId: string): Promise<EvaluatedApplication[]> {
  return db
    .select(ref)
    .from(applications)
    .where(and(eq(applications.callId, callId), inArray(applications.status, [...EVALUATED_STATUSES])))
    .orderBy(asc(applications.receiptNo), asc(applications.id));
}

/** One application's identity and status, or null. */
export async function applicationRef(db: Database, id: string): Promise<EvaluatedApplication | null> {
  const [row] = await db.select(ref).from(applications).where(eq(applications.id, id));
  return row ?? null;
}

/** Several applications' identity and status by id. */
export async function applicationRefs(
  db: Database,
  ids: readonly string[],
): Promise<Map<string, EvaluatedApplication>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(ref)
    .from(applications)
    .where(inArray(applications.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Answers and the list of documents (no contents) of one application, for its reviewers. */
export async function applicationForReview(db: Database, id: string) {
  const [row] = await db
    .select({ ...ref, answers: applications.answers })
    .from(applications)
    .where(eq(applications.id, id));
  if (!row) return null;
  const docs = await db
    .select({
      fieldKey: applicationFiles.fieldKey,
      fileId: files.id,
      name: files.originalName,
      size: files.size,
      mime: files.mime,
    })
    .from(applicationFiles)
    .innerJoin(files, eq(files.id, applicationFiles.fileId))
    .where(eq(applicationFiles.applicationId, id))
    .orderBy(asc(applicationFiles.createdAt), asc(applicationFiles.fieldKey), asc(files.id));
  return { ...row, answers: row.answers as Record<string, unknown>, files: docs };
}

/** Whether a file is one of the application's documents (before a reviewer downloads it). */
export async function isApplicationDocument(
  db: Database,
  applicationId: string,
  fileId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ fileId: applicationFiles.fileId })
    .from(applicationFiles)
    .where(and(eq(applicationFiles.applicationId, applicationId), eq(applicationFiles.fileId, fileId)))
    .limit(1);
  return !!row;
}
