import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies, sizeClassEnum } from '../companies/schema';
import { DIAGNOSIS_STATUSES, INSTRUMENT_STATUSES } from './contract';

export const instrumentStatusEnum = pgEnum('instrument_status', INSTRUMENT_STATUSES);
export const diagnosisStatusEnum = pgEnum('diagnosis_status', DIAGNOSIS_STATUSES);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 진단 도구 = a versioned instrument: dimensions (with weights) → questions, and the stage thresholds.
 * A published version is immutable (the service answers 409; a trigger refuses UPDATE and DELETE).
 */
export const diagnosisInstruments = pgTable(
  'diagnosis_instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    status: instrumentStatusEnum('status').notNull().default('draft'),
    content: jsonb('content').$type<import('./instrument-contract').InstrumentContent>().notNull(),
    /** edits of a draft (optimistic concurrency) */
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    publishedAt: ts('published_at'),
    publishedBy: uuid('published_by'),
  },
  (t) => [
    uniqueIndex('diagnosis_instruments_version_uq').on(t.version),
    /** at most one draft at a time */
    uniqueIndex('diagnosis_instruments_one_draft_uq').on(t.status).where(sql`${t.status} = 'draft'`),
  ],
);

/**
 * 진단 = one maturity self-assessment of a company. At submit the scores and the peer-group facts
 * (size class, KSIC section, district) are stored on the row, so peer benchmarks and analytics are
 * plain SQL over this table (and its peer histograms); `is_latest` marks each firm's latest submitted
 * diagnosis.
 */
export const diagnoses = pgTable(
  'diagnoses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => diagnosisInstruments.id),
    status: diagnosisStatusEnum('status').notNull().default('draft'),
    answers: jsonb('answers')
      .$type<import('./instrument-contract').DiagnosisAnswers>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    /** 0 = T0 (first submitted diagnosis of the firm), 1 = T1, … */
    seq: integer('seq'),
    isLatest: boolean('is_latest').notNull().default(false),
    overall: doublePrecision('overall'),
    stage: smallint('stage'),
    /** { dimensionKey: score 0–100 (one decimal) | null } */
    dimensionScores: jsonb('dimension_scores').$type<Record<string, number | null>>(),
    sizeClass: sizeClassEnum('size_class'),
    ksicSection: char('ksic_section', { length: 1 }),
    district: text('district'),
    startedBy: uuid('started_by'),
    submittedBy: uuid('submitted_by'),
    startedAt: ts('started_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
  },
  (t) => [
    index('diagnoses_company_idx').on(t.companyId, t.startedAt),
    /** one draft per company: starting again resumes it */
    uniqueIndex('diagnoses_one_draft_uq').on(t.companyId).where(sql`${t.status} = 'draft'`),
    uniqueIndex('diagnoses_one_latest_uq').on(t.companyId).where(sql`${t.isLatest}`),
    uniqueIndex('diagnoses_seq_uq').on(t.companyId, t.seq).where(sql`${t.status} = 'submitted'`),
    index('diagnoses_submitted_idx').on(t.companyId, t.submittedAt).where(sql`${t.status} = 'submitted'`),
  ],
);

/** Recommendation rules are data: conditions on stage/overall/dimension scores → a program, with a reason. */
export const diagnosisRules = pgTable('diagnosis_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  programCode: text('program_code').notNull(),
  conditions: jsonb('conditions').$type<import('./contract').RuleCondition[]>().notNull(),
  reasonKo: text('reason_ko').notNull(),
  reasonEn: text('reason_en').notNull().default(''),
  priority: integer('priority').notNull().default(100),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Invitations to take the diagnosis, by link (random token; only its SHA-256 is stored) and email.
 * Tracked: sent → started (the firm started a diagnosis) → submitted.
 */
export const diagnosisInvitations = pgTable(
  'diagnosis_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull(),
    companyId: uuid('company_id').references(() => companies.id),
    email: text('email'),
    /** the partner's association that invited (null for staff invitations) */
    associationId: uuid('association_id'),
    message: text('message'),
    invitedBy: uuid('invited_by'),
    sentAt: ts('sent_at').notNull().defaultNow(),
    diagnosisId: uuid('diagnosis_id'),
    startedAt: ts('started_at'),
    submittedAt: ts('submitted_at'),
  },
  (t) => [
    uniqueIndex('diagnosis_invitations_token_uq').on(t.tokenHash),
    index('diagnosis_invitations_company_idx').on(t.companyId),
    index('diagnosis_invitations_assoc_idx').on(t.associationId, t.sentAt),
  ],
);

/**
 * Peer histograms: how many firms' latest diagnoses have each score (in tenths) per metric ('_overall' or a
 * dimension key) and peer group: (size class, KSIC section), (size class, '*') and ('*', '*'). Kept in step
 * by the submit transaction and rebuildable from `diagnoses`, so a percentile or a median reads at most
 * 1,001 rows per metric however many diagnoses there are.
 */
export const diagnosisPeerCounts = pgTable(
  'diagnosis_peer_counts',
  {
    sizeClass: text('size_class').notNull(),
    ksicSection: text('ksic_section').notNull(),
    metric: text('metric').notNull(),
    scoreTenths: smallint('score_tenths').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sizeClass, t.ksicSection, t.metric, t.scoreTenths] })],
);
