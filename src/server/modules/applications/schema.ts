import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { APPLICATION_STATUSES } from '../../../shared/enums';
import { companies } from '../companies/schema';
import { callForms, calls } from '../programs/schema';

export const applicationStatusEnum = pgEnum('application_status', APPLICATION_STATUSES);
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 신청서: one per company per call (unique), moved through the states in applications/lifecycle.ts. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    formId: uuid('form_id')
      .notNull()
      .references(() => callForms.id),
    status: applicationStatusEnum('status').notNull().default('draft'),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    /** 접수번호, e.g. 2021-AIX-0007; kept across withdraw and re-submit */
    receiptNo: text('receipt_no'),
    submittedAt: ts('submitted_at'),
    withdrawnAt: ts('withdrawn_at'),
    statusReason: text('status_reason'),
    idempotencyKey: text('idempotency_key'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('applications_one_per_company_uq').on(t.callId, t.companyId),
    uniqueIndex('applications_receipt_uq').on(t.receiptNo),
    index('applications_call_status_idx').on(t.callId, t.status),
    index('applications_company_idx').on(t.companyId),
  ],
);

/** Uploaded documents of an application, by form field or required-document key. */
export const applicationFiles = pgTable(
  'application_files',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    fieldKey: text('field_key').notNull(),
    fileId: uuid('file_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.fieldKey, t.fileId] })],
);

/** 보완요청: staff ask for missing documents by a date. */
export const supplementRequests = pgTable('supplement_requests', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => applications.id, { onDelete: 'cascade' }),
  message: text('message').notNull(),
  dueAt: ts('due_at').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  resolvedAt: ts('resolved_at'),
});

/**
 * 접수번호 counters, one per program and year (`2021-AIX-0007`), so several calls of one program in one
 * year never issue the same number. Created on first use from the highest number already issued.
 */
export const receiptCounters = pgTable(
  'receipt_counters',
  {
    programCode: text('program_code').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.programCode, t.year] })],
);
