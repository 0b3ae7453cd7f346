import { z } from 'zod';
import { brnSchema, nameSchema } from '../../../shared/validators';

/** 서면평가 / 발표평가 */
export const EVALUATION_STAGES = ['document', 'presentation'] as const;
export type EvaluationStage = (typeof EVALUATION_STAGES)[number];
/** 적합 / 보완 / 부적합 — separate from the score */
export const RECOMMENDATIONS = ['suitable', 'supplement', 'unsuitable'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];
export const SHEET_STATUSES = ['draft', 'submitted'] as const;
export type SheetStatus = (typeof SHEET_STATUSES)[number];
/** `assigned` counts; recused (회피), excluded (제척, upheld 기피) and removed keep their reason */
export const ASSIGNMENT_STATUSES = ['assigned', 'recused', 'excluded', 'removed'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
/** 제척 (coiExclusion), 회피 (coiRecusal), 기피 (coiObjection) */
export const CONFLICT_KINDS = ['exclusion', 'recusal', 'objection'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
/** exclusions and recusals are `recorded`; objections go pending → upheld / dismissed */
export const CONFLICT_STATUSES = ['recorded', 'pending', 'upheld', 'dismissed'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];
/** a reviewer's declared relationship with a firm (제척 grounds) */
export const RELATIONSHIP_KINDS = ['employee', 'advisor', 'shareholder', 'formerEmployer'] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

const text = (max: number) => nameSchema(max);
const reason = text(1000).min(1, 'required');
const score = z.number().min(0).max(1000);

// ---------- reviewer pool ----------
export const relationshipSchema = z.object({
  brn: brnSchema,
  kind: z.enum(RELATIONSHIP_KINDS),
  note: text(200).optional(),
});
export const reviewerProfileBody = z.object({
  expertise: z.array(text(60).min(1)).max(20).default([]),
  affiliation: text(200).default(''),
  affiliationBrn: brnSchema.nullable().optional(),
  relationships: z.array(relationshipSchema).max(100).default([]),
});
export type ReviewerProfileBody = z.infer<typeof reviewerProfileBody>;
export const reviewer = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  expertise: z.array(z.string()),
  affiliation: z.string(),
  affiliationBrn: z.string().nullable(),
  relationships: z.array(
    z.object({ brn: z.string(), kind: z.enum(RELATIONSHIP_KINDS), note: z.string().optional() }),
  ),
  /** active assignments over all calls */
  load: z.number(),
});
export type Reviewer = z.infer<typeof reviewer>;
export const reviewerList = z.object({ items: z.array(reviewer) });

// ---------- settings, panels, rubrics ----------
export const evaluationSettingsBody = z.object({
  cutoff: score.max(100).default(70),
  bonusCap: score.max(100).default(0),
  tieBreakCriterion: z.string().trim().min(1).max(40).nullable().default(null),
  reviewersPerApplication: z.number().int().min(1).max(50).default(5),
});
export const evaluationSettings = z.object({
  cutoff: z.number(),
  bonusCap: z.number(),
  tieBreakCriterion: z.string().nullable(),
  reviewersPerApplication: z.number(),
});
export type EvaluationSettings = z.infer<typeof evaluationSettings>;

export const criterionSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, 'code_format'),
  label: z.object({ ko: text(200).min(1), en: text(200).default('') }),
  maxPoints: z.number().positive().max(1000),
  guidance: z.object({ ko: text(2000).default(''), en: text(2000).default('') }).default({ ko: '', en: '' }),
});
export type Criterion = z.infer<typeof criterionSchema>;
export const rubricBody = z.object({
  criteria: z
    .array(criterionSchema)
    .min(1)
    .max(30)
    .refine((cs) => new Set(cs.map((c) => c.code)).size === cs.length, 'duplicate_code'),
});
export const rubric = z.object({
  id: z.uuid(),
  version: z.number(),
  criteria: z.array(criterionSchema),
  maxTotal: z.number(),
  /** a rubric with sheets is frozen; editing makes a new version */
  frozen: z.boolean(),
});
export type Rubric = z.infer<typeof rubric>;

export const panelCreateBody = z.object({
  stage: z.enum(EVALUATION_STAGES),
  name: text(200).min(1),
  weight: z.number().int().min(0).max(100),
  trimMin: z.number().int().min(3).max(50).default(5),
  dueAt: z.iso.datetime({ offset: true }).nullable().default(null),
  memberIds: z.array(z.uuid()).max(200).default([]),
  criteria: rubricBody.shape.criteria,
});
export const panelPatchBody = z.object({
  name: text(200).min(1).optional(),
  weight: z.number().int().min(0).max(100).optional(),
  trimMin: z.number().int().min(3).max(50).optional(),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  memberIds: z.array(z.uuid()).max(200).optional(),
});
export const panel = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  stage: z.enum(EVALUATION_STAGES),
  name: z.string(),
  weight: z.number(),
  trimMin: z.number(),
  dueAt: z.string().nullable(),
  memberIds: z.array(z.uuid()),
  rubric: rubric,
});
export type Panel = z.infer<typeof panel>;

// ---------- assignments and conflicts ----------
export const manualAssignBody = z.object({ applicationId: z.uuid(), reviewerId: z.uuid() });
export const autoAssignBody = z.object({
  /** reviewers per application (default: the call's setting) */
  perApplication: z.number().int().min(1).max(50).optional(),
});
export const assignment = z.object({
  id: z.uuid(),
  panelId: z.uuid(),
  applicationId: z.uuid(),
  reviewerId: z.uuid(),
  status: z.enum(ASSIGNMENT_STATUSES),
  source: z.enum(['manual', 'auto']),
  reason: z.string().nullable(),
});
export type Assignment = z.infer<typeof assignment>;
export const conflict = z.object({
  id: z.uuid(),
  panelId: z.uuid(),
  applicationId: z.uuid(),
  reviewerId: z.uuid(),
  kind: z.enum(CONFLICT_KINDS),
  status: z.enum(CONFLICT_STATUSES),
  reason: z.string(),
  decisionReason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Conflict = z.infer<typeof conflict>;
export const autoAssignResult = z.object({
  assigned: z.array(assignment),
  excluded: z.array(conflict),
  /** applications that still have fewer reviewers than wanted */
  short: z.array(z.object({ applicationId: z.uuid(), assigned: z.number(), wanted: z.number() })),
});
export const panelAssignments = z.object({
  items: z.array(
    assignment.extend({
      reviewerName: z.string(),
      sheetStatus: z.enum(SHEET_STATUSES).nullable(),
      total: z.number().nullable(),
      recommendation: z.enum(RECOMMENDATIONS).nullable(),
      submittedAt: z.string().nullable(),
    }),
  ),
});
export const conflictList = z.object({ items: z.array(conflict) });
export const reasonBody = z.object({ reason });
export const objectionDecisionBody = z.object({ decision: z.enum(['upheld', 'dismissed']), reason });
export const objectionBody = z.object({ reviewerId: z.uuid(), panelId: z.uuid(), reason });

export const overview = z.object({
  settings: evaluationSettings,
  panels: z.array(panel),
  applications: z.number(),
  /** per panel, applications with fewer active reviewers than wanted */
  lackingReviewers: z.array(z.object({ panelId: z.uuid(), applicationId: z.uuid(), assigned: z.number() })),
  /** reviewers with unsubmitted sheets after the panel's due time */
  lateReviewers: z.array(
    z.object({ panelId: z.uuid(), reviewerId: z.uuid(), name: z.string(), open: z.number() }),
  ),
  pendingObjections: z.array(conflict),
});

// ---------- reviewer side ----------
export const pledge = z.object({ version: z.number(), body: z.object({ ko: z.string(), en: z.string() }) });
export const pledgeSignBody = z.object({
  version: z.number().int().positive(),
  signedName: text(100).min(1),
});
export const pledgeSignature = z.object({ callId: z.uuid(), version: z.number(), signedAt: z.string() });

export const sheetBody = z.object({
  /** points per criterion code; leave a criterion out when not yet scored */
  points: z.record(z.string(), score).default({}),
  comments: z.record(z.string(), text(4000)).default({}),
  comment: text(4000).default(''),
  recommendation: z.enum(RECOMMENDATIONS).nullable().default(null),
  /** optimistic lock (the sheet's version) */
  version: z.number().int().positive().optional(),
});
export const sheet = z.object({
  id: z.uuid(),
  assignmentId: z.uuid(),
  rubricVersion: z.number(),
  points: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  comment: z.string(),
  recommendation: z.enum(RECOMMENDATIONS).nullable(),
  status: z.enum(SHEET_STATUSES),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});
export type Sheet = z.infer<typeof sheet>;

export const myAssignment = z.object({
  id: z.uuid(),
  panelId: z.uuid(),
  panelName: z.string(),
  stage: z.enum(EVALUATION_STAGES),
  callId: z.uuid(),
  callTitle: z.string(),
  applicationId: z.uuid(),
  receiptNo: z.string().nullable(),
  companyName: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  sheetStatus: z.enum(SHEET_STATUSES).nullable(),
  dueAt: z.string().nullable(),
  pledgeSigned: z.boolean(),
});
export const myAssignmentList = z.object({ items: z.array(myAssignment) });

export const reviewApplication = z.object({
  id: z.uuid(),
  receiptNo: z.string().nullable(),
  callTitle: z.string(),
  companyName: z.string(),
  submittedAt: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  files: z.array(
    z.object({
      fieldKey: z.string(),
      fileId: z.uuid(),
      name: z.string(),
      size: z.number(),
      mime: z.string(),
    }),
  ),
});
export const assignmentFileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
export const assignmentDetail = z.object({
  assignment: myAssignment,
  application: reviewApplication,
  rubric: rubric,
  sheet: sheet.nullable(),
});

// ---------- applicant side ----------
export const applicantPanelView = z.object({
  items: z.array(
    z.object({
      panelId: z.uuid(),
      stage: z.enum(EVALUATION_STAGES),
      reviewerId: z.uuid(),
      name: z.string(),
      affiliation: z.string(),
    }),
  ),
});
export const bonusBody = z.object({ points: score.max(100), reason });
export const bonus = z.object({ applicationId: z.uuid(), points: z.number(), reason: z.string() });

// ---------- results ----------
/** Figures to two decimals; `rank` null for an application not yet scored in every stage. */
export const evaluationResults = z.object({
  items: z.array(
    z.object({
      applicationId: z.uuid(),
      rank: z.number().nullable(),
      stages: z.array(
        z.object({
          panelId: z.uuid(),
          rawTotals: z.array(z.number()),
          dropped: z.object({ high: z.number().nullable(), low: z.number().nullable() }),
          mean: z.number().nullable(),
        }),
      ),
      bonus: z.number(),
      final: z.number().nullable(),
      passed: z.boolean(),
    }),
  ),
});
export type EvaluationResults = z.infer<typeof evaluationResults>;

// ---------- selection ----------
export const decisionsBody = z.object({
  /** how many to select (선정 목표); default: the call's capacity */
  selectionTarget: z.number().int().min(0).max(10_000).optional(),
  /** how many to waitlist after them (예비선정), in rank order */
  waitlist: z.number().int().min(0).max(10_000).default(0),
  /** staff's own words per application, added to the reason */
  reasons: z.record(z.uuid(), text(1000)).default({}),
});
export const decisionsResult = z.object({
  items: z.array(
    z.object({
      applicationId: z.uuid(),
      rank: z.number(),
      final: z.number(),
      status: z.enum(['selected', 'waitlisted', 'rejected']),
      reason: z.string(),
    }),
  ),
});
export type DecisionsResult = z.infer<typeof decisionsResult>;
