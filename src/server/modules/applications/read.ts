import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { ApplicationStatus } from '../../../shared/enums';
import type { Database } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { logPersonalRead } from '../../platform/audit';
import { assertCan } from '../../platform/policy';
import { files } from '../../platform/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { companies } from '../companies/schema';
import type { Answers, FormSection } from '../programs/form-contract';
import { competitionRatio } from '../programs/lifecycle-contract';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { callForms, calls } from '../programs/schema';
// biome-ignore lint/style/noRestrictedImports: another module's internals; to be replaced by its index (read model / service)
import { loadCall } from '../programs/service';
import { readable } from './access';
import type { Application } from './contract';
import { COUNTED } from './lifecycle';
import { applicationFiles, applications, supplementRequests } from './schema';

type AppRow = typeof applications.$inferSelect;

export async function mapApplication(db: Database, row: AppRow): Promise<Application> {
  const [ctx] = await db
    .select({ call: calls, form: callForms, company: companies })
    .from(calls)
    .innerJoin(callForms, eq(callForms.id, row.formId))
    .innerJoin(companies, eq(companies.id, row.companyId))
    .where(eq(calls.id, row.callId));
  const sections = ctx.form.sections as FormSection[];
  const prefill: Record<string, string | number | null> = {};
  for (const f of sections.flatMap((s) => s.fields)) {
    if (f.type === 'companyField' && f.companyField) {
      const v = ctx.company[f.companyField as keyof typeof ctx.company];
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
    companyName: ctx.company.name,
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
    .select({
      a: applications,
      callTitle: calls.title,
      companyName: companies.name,
      companyBrn: companies.brn,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
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
          ilike(companies.name, `%${input.q}%`),
          ilike(applications.receiptNo, `%${input.q}%`),
          eq(companies.brn, input.q.replace(/-/g, '')),
        )
      : undefined,
  ];
  const where = and(...parts);
  const rows = await db
    .select({
      a: applications,
      callTitle: calls.title,
      companyName: companies.name,
      companyBrn: companies.brn,
    })
    .from(applications)
    .innerJoin(calls, eq(calls.id, applications.callId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(where)
    .orderBy(asc(applications.receiptNo), asc(applications.createdAt))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [{ n }] = await db
    .select({ n: count() })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
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
