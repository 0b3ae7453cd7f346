import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
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
import { CALL_STATUSES, PROGRAM_MODULES } from '../../../shared/enums';

export const programModuleEnum = pgEnum('program_module', PROGRAM_MODULES);
export const callStatusEnum = pgEnum('call_status', CALL_STATUSES);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 사업 = a standing support program (13 of them in 2021), grouped by module. */
export const programs = pgTable('programs', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** short code used in receipt numbers, e.g. AIX, DXC */
  code: text('code').notNull().unique(),
  module: programModuleEnum('module').notNull(),
  nameKo: text('name_ko').notNull(),
  nameEn: text('name_en').notNull(),
  summaryKo: text('summary_ko').notNull().default(''),
  summaryEn: text('summary_en').notNull().default(''),
  target: text('target').notNull().default(''),
  owner: text('owner').notNull().default(''),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const programBudgets = pgTable(
  'program_budgets',
  {
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.programId, t.year] }),
    check('program_budget_nonneg', sql`${t.amount} >= 0`),
  ],
);

/** 공고 = a yearly call for applications under a program. */
export const calls = pgTable(
  'calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programId: uuid('program_id')
      .notNull()
      .references(() => programs.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** body in Markdown (rendered safely by the web app) */
    body: text('body').notNull().default(''),
    status: callStatusEnum('status').notNull().default('draft'),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    evaluationAt: ts('evaluation_at'),
    announceAt: ts('announce_at'),
    /** number of firms to select */
    capacity: integer('capacity').notNull(),
    /** optional cap on submitted applications (null = unlimited) */
    maxApplications: integer('max_applications'),
    perFirmCap: bigint('per_firm_cap', { mode: 'number' }),
    totalBudget: bigint('total_budget', { mode: 'number' }),
    eligibility: jsonb('eligibility')
      .$type<import('./eligibility-contract').EligibilityRule[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    requiredDocuments: jsonb('required_documents')
      .$type<import('./contract').Call['requiredDocuments']>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** last receipt serial issued (접수번호), incremented under the row lock at submit */
    receiptSeq: integer('receipt_seq').notNull().default(0),
    submittedCount: integer('submitted_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('calls_program_idx').on(t.programId, t.year),
    index('calls_status_idx').on(t.status, t.closesAt),
    check('calls_schedule', sql`${t.closesAt} > ${t.opensAt}`),
    check('calls_capacity', sql`${t.capacity} > 0`),
    check('calls_max_apps', sql`${t.maxApplications} IS NULL OR ${t.submittedCount} <= ${t.maxApplications}`),
  ],
);

/** 신청서 양식 versions: a version with applications is frozen; edits publish a new version. */
export const callForms = pgTable(
  'call_forms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    sections: jsonb('sections').$type<import('./form-contract').FormSection[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('call_forms_version_uq').on(t.callId, t.version)],
);
