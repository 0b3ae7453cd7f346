import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/enums';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { logPersonalRead } from '../../platform/audit';
import { assertCan } from '../../platform/policy';
import { files } from '../../platform/schema';
import { companyRecord, companyRefsSql } from '../companies';
import { callRefsSql, loadCall, loadCallForm } from '../programs';
import type { Answers, FormSection } from '../programs/form-contract';
import { competitionRatio } from '../programs/lifecycle-contract';
import { readable } from './access';
import type { Application } from './contract';
import { COUNTED } from './lifecycle-contract';
import { applicationFiles, applications, supplementRequests } from './schema';

type AppRow = typeof applications.$inferSelect;

/** The calls and companies other modules publish, joined to applications by their aliases `ca` and `co`. */
const callsJoin = sql`(${callRefsSql}) ca`;
const companiesJoin = sql`(${companyRefsSql}) co`;
const listed = {
  a: applications,
  callTitle: sql<string>`ca.title`,
  companyName: sql<string>`co.name`,
  companyBrn: sql<string>`co.brn`,
};

export async function mapApplication(db: Database, row: AppRow): Promise<Application> {
  const ctx = await loadCallForm(db, row.formId);
  const company = await companyRecord(db, row.companyId);
  const sections = ctx.form.sections as FormSection[];
  const prefill: Record<string, string | number | null> = {};
  for (const f of sections.flatMap((s) => s.fields)) {
    if (f.type === 'companyField' && f.companyField) {
      const v = company[f.companyField as keyof typeof company];
      prefill[f.key] = typeof v === 'string' || typeof v === 'number' ? v : null;
    }
  }
  const fileRows = await db
    .select({
      fieldKey: applicationFiles.fieldKey,
      fileId: files.id,
      name: files.originalName,
      size: files.size,
      mime: files.mime,
    })
    .from(applicationFiles)
    .innerJoin(files, eq(files.id, applicationFiles.fileId))
    .where(eq(applicationFiles.applicationId, row.id))
    .orderBy(asc(applicationFiles.createdAt));
  const sup = await db
    .select()
    .from(supplementRequests)
    .where(eq(supplementRequests.applicationId, row.id))
    .orderBy(desc(supplementRequests.createdAt));
  return {
    id: row.id,
    callId: row.callId,
    callTitle: ctx.call.title,
    companyId: row.companyId,
    companyName: company.name,
    formId: row.formId,
    formVersion: ctx.form.version,
    status: row.status,
    statusReason: row.statusReason,
    answers: row.answers as Answers,
    prefill,
    files: fileRows,
    supplements: sup.map((s) => ({
      id: s.id,
      message: s.message,
      dueAt: s.dueAt.toISOString(),
      createdAt: s.createdAt.toISOString(),
      resolvedAt: s.resolvedAt?.toISOString() ?? null,
    })),
    receiptNo: row.receiptNo,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    closesAt: ctx.call.closesAt.toISOString(),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getApplication({ db, actor, id }: { db: Database; actor: Actor; id: string }) {
  const row = await readable(db, actor, id);
  const application = await mapApplication(db, row);
  // staff reading a firm's application (contact person, phone, documents): 개인정보 접속기록
  await logPersonalRead(db, actor, {
    subjectType: 'application',
    subjectId: id,
    ownCompanyId: row.companyId,
    fields: ['answers', 'prefill', 'files'],
  });
  return application;
}

export async function myApplications({ db, actor }: { db: Database; actor: Actor }) {
  assertCan(actor, 'self.read');
  if (actor.companyIds.length === 0) return { items: [] };
  const rows = await db
    .select(listed)
    .from(applications)
    .innerJoin(callsJoin, sql`ca.id = ${applications.callId}`)
    .innerJoin(companiesJoin, sql`co.id = ${applications.companyId}`)
    .where(inArray(applications.companyId, actor.companyIds))
    .orderBy(desc(applications.updatedAt));
  return { items: rows.map((r) => summary(r.a, r.callTitle, r.companyName, r.companyBrn)) };
}

function summary(a: AppRow, callTitle: string, companyName: string, companyBrn: string) {
  return {
    id: a.id,
    callId: a.callId,
    callTitle,
    companyId: a.companyId,
    companyName,
    companyBrn,
    status: a.status,
    receiptNo: a.receiptNo,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Staff list of a call's applications with counts per status and the competition ratio. */
export async function listCallApplications({
  db,
  actor,
  callId,
  input,
}: {
  db: Database;
  actor: Actor;
  callId: string;
  input: { status?: ApplicationStatus; q?: string; page: number; pageSize: number };
}) {
  assertCan(actor, 'application.manage');
  const { c } = await loadCall(db, actor, callId);
  const parts: (SQL | undefined)[] = [
    eq(applications.callId, callId),
    input.status ? eq(applications.status, input.status) : sql`${applications.status} <> 'draft'`,
    input.q
      ? or(
          sql`co.name ILIKE ${`%${input.q}%`}`,
          ilike(applications.receiptNo, `%${input.q}%`),
          sql`co.brn = ${input.q.replace(/-/g, '')}`,
        )
      : undefined,
  ];
  const where = and(...parts);
  const rows = await db
    .select(listed)
    .from(applications)
    .innerJoin(callsJoin, sql`ca.id = ${applications.callId}`)
    .innerJoin(companiesJoin, sql`co.id = ${applications.companyId}`)
    .where(where)
    .orderBy(asc(applications.receiptNo), asc(applications.createdAt))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [{ n }] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(companiesJoin, sql`co.id = ${applications.companyId}`)
    .where(where);
  const byStatus = await db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(eq(applications.callId, callId))
    .groupBy(applications.status);
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, Number(r.n)]));
  const live = COUNTED.reduce((s, k) => s + (counts[k] ?? 0), 0);
  return {
    items: rows.map((r) => summary(r.a, r.callTitle, r.companyName, r.companyBrn)),
    total: Number(n),
    page: input.page,
    pageSize: input.pageSize,
    counts,
    capacity: c.capacity,
    competitionRatio: competitionRatio(live, c.capacity),
  };
}
