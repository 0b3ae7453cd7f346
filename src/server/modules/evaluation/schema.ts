import { sql } from 'drizzle-orm';
import {
  char,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../../platform/schema';
import { applications } from '../applications/schema';
import { calls } from '../programs/schema';
import type {
  AssignmentStatus,
  ConflictKind,
  ConflictStatus,
  Criterion,
  EvaluationStage,
  Recommendation,
  RelationshipKind,
  SheetStatus,
} from './contract';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** points and scores: numeric(6,2) read as numbers */
const points = (name: string) => numeric(name, { precision: 6, scale: 2, mode: 'number' });

/** A declared relationship of a reviewer with a firm, by BRN (제척 grounds). */
export interface DeclaredRelationship {
  brn: string;
  kind: RelationshipKind;
  note?: string;
}

/** 평가위원 profile: one per user with role `reviewer`. */
export const reviewerProfiles = pgTable('reviewer_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  /** fields of expertise (technology-area codes or free words) */
  expertise: text('expertise').array().notNull().default(sql`'{}'::text[]`),
  affiliation: text('affiliation').notNull().default(''),
  /** BRN of the current employer, when a firm (same company → 제척) */
  affiliationBrn: char('affiliation_brn', { length: 10 }),
  relationships: jsonb('relationships').$type<DeclaredRelationship[]>().notNull().default(sql`'[]'::jsonb`),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Evaluation settings of a call: cut-off, bonus cap, tie-break criterion, reviewers per application. */
export const evaluationSettings = pgTable(
  'evaluation_settings',
  {
    callId: uuid('call_id')
      .primaryKey()
      .references(() => calls.id, { onDelete: 'cascade' }),
    cutoff: points('cutoff').notNull().default(70),
    bonusCap: points('bonus_cap').notNull().default(0),
    tieBreakCriterion: text('tie_break_criterion'),
    reviewersPerApplication: integer('reviewers_per_application').notNull().default(5),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('evaluation_settings_ranges', sql`${t.cutoff} >= 0 AND ${t.bonusCap} >= 0`),
    check('evaluation_settings_reviewers', sql`${t.reviewersPerApplication} BETWEEN 1 AND 50`),
  ],
);

/** 평가위원회: one per call and stage. */
export const evaluationPanels = pgTable(
  'evaluation_panels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    stage: text('stage').$type<EvaluationStage>().notNull(),
    name: text('name').notNull(),
    /** relative stage weight (서면 30 / 발표 70) */
    weight: integer('weight').notNull(),
    /** with this many sheets or more, the highest and lowest are dropped */
    trimMin: integer('trim_min').notNull().default(5),
    /** when the reviewers' sheets are due (late reviewers after it) */
    dueAt: ts('due_at'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_panels_call_stage_uq').on(t.callId, t.stage),
    check('evaluation_panels_stage', sql`${t.stage} IN ('document', 'presentation')`),
    check('evaluation_panels_weight', sql`${t.weight} BETWEEN 0 AND 100`),
    check('evaluation_panels_trim', sql`${t.trimMin} >= 3`),
  ],
);

/** 평가표 versions of a panel; a version with sheets is frozen (edits make a new version). */
export const evaluationRubrics = pgTable(
  'evaluation_rubrics',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => evaluationPanels.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    criteria: jsonb('criteria').$type<Criterion[]>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_rubrics_version_uq').on(t.panelId, t.version)],
);

export const panelMembers = pgTable(
  'panel_members',
  {
    panelId: uuid('panel_id')
      .notNull()
      .references(() => evaluationPanels.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.panelId, t.reviewerId] }),
    index('panel_members_reviewer_idx').on(t.reviewerId),
  ],
);

/** panel × application × reviewer; `assigned` counts, the others keep the reason why not. */
export const evaluationAssignments = pgTable(
  'evaluation_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => evaluationPanels.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    status: text('status').$type<AssignmentStatus>().notNull().default('assigned'),
    /** `manual` or `auto` */
    source: text('source').notNull().default('manual'),
    reason: text('reason'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_assignments_uq').on(t.panelId, t.applicationId, t.reviewerId),
    index('evaluation_assignments_reviewer_idx').on(t.reviewerId, t.status),
    index('evaluation_assignments_application_idx').on(t.applicationId),
    check(
      'evaluation_assignments_status',
      sql`${t.status} IN ('assigned', 'recused', 'excluded', 'removed')`,
    ),
    check('evaluation_assignments_source', sql`${t.source} IN ('manual', 'auto')`),
    check(
      'evaluation_assignments_reason',
      sql`${t.status} = 'assigned' OR coalesce(btrim(${t.reason}), '') <> ''`,
    ),
  ],
);

/** 제척 / 회피 / 기피 log: every conflict of interest with its reason and, for 기피, the staff decision. */
export const evaluationConflicts = pgTable(
  'evaluation_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    panelId: uuid('panel_id')
      .notNull()
      .references(() => evaluationPanels.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<ConflictKind>().notNull(),
    status: text('status').$type<ConflictStatus>().notNull(),
    reason: text('reason').notNull(),
    raisedBy: uuid('raised_by'),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    index('evaluation_conflicts_panel_idx').on(t.panelId, t.applicationId),
    check('evaluation_conflicts_kind', sql`${t.kind} IN ('exclusion', 'recusal', 'objection')`),
    check('evaluation_conflicts_status', sql`${t.status} IN ('recorded', 'pending', 'upheld', 'dismissed')`),
    check('evaluation_conflicts_reason', sql`btrim(${t.reason}) <> ''`),
  ],
);

/** Impartiality and confidentiality pledge texts (청렴·비밀유지 서약서), versioned. */
export const pledgeTexts = pgTable('pledge_texts', {
  version: integer('version').primaryKey(),
  bodyKo: text('body_ko').notNull(),
  bodyEn: text('body_en').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A reviewer's signature of the pledge for one call, before the first score. */
export const pledgeSignatures = pgTable(
  'pledge_signatures',
  {
    reviewerId: uuid('reviewer_id')
      .notNull()
      .references(() => users.id),
    callId: uuid('call_id')
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    pledgeVersion: integer('pledge_version')
      .notNull()
      .references(() => pledgeTexts.version),
    signedName: text('signed_name').notNull(),
    ip: text('ip'),
    signedAt: ts('signed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.callId] })],
);

/** 평가표 작성: one sheet per assignment. A submitted sheet is immutable until staff reopen it. */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => evaluationAssignments.id, { onDelete: 'cascade' }),
    rubricId: uuid('rubric_id')
      .notNull()
      .references(() => evaluationRubrics.id),
    /** points per criterion code; a missing code is unanswered (never 0) */
    points: jsonb('points').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    comment: text('comment').notNull().default(''),
    recommendation: text('recommendation').$type<Recommendation>(),
    status: text('status').$type<SheetStatus>().notNull().default('draft'),
    total: points('total'),
    submittedAt: ts('submitted_at'),
    reopenedAt: ts('reopened_at'),
    reopenReason: text('reopen_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('score_sheets_assignment_uq').on(t.assignmentId),
    index('score_sheets_rubric_idx').on(t.rubricId),
    check('score_sheets_status', sql`${t.status} IN ('draft', 'submitted')`),
    check(
      'score_sheets_recommendation',
      sql`${t.recommendation} IS NULL OR ${t.recommendation} IN ('suitable', 'supplement', 'unsuitable')`,
    ),
    check(
      'score_sheets_submitted',
      sql`${t.status} = 'draft' OR (${t.submittedAt} IS NOT NULL AND ${t.total} IS NOT NULL AND ${t.recommendation} IS NOT NULL)`,
    ),
  ],
);

/** 가점 of an application, set by staff with a reason (capped by the call's settings when aggregated). */
export const evaluationBonuses = pgTable(
  'evaluation_bonuses',
  {
    applicationId: uuid('application_id')
      .primaryKey()
      .references(() => applications.id, { onDelete: 'cascade' }),
    points: points('points').notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('evaluation_bonuses_points', sql`${t.points} >= 0`)],
);
