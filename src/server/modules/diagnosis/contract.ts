import { z } from 'zod';
import { SIZE_CLASSES } from '../../../shared/enums';
import { emailSchema, pagingQuery } from '../../../shared/validators';
import {
  answerValue,
  diagnosisAnswers,
  instrumentContent,
  keySchema as key,
  langText,
  wording,
} from './instrument-contract';

export * from './instrument-contract';

/**
 * DX diagnosis (진단): versioned instruments (진단 도구), diagnoses, peer benchmark, recommendations,
 * invitations and analytics. Shared with the web app: imports only zod and src/shared.
 */

export const DIAGNOSIS_STATUSES = ['draft', 'submitted'] as const;
export type DiagnosisStatus = (typeof DIAGNOSIS_STATUSES)[number];
export const INSTRUMENT_STATUSES = ['draft', 'published'] as const;
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];
/** Which peer group a benchmark used: same size class and KSIC section, same size class, or all firms. */
export const PEER_GROUPS = ['sizeSection', 'size', 'all'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];
/** Fewer peers than this in a group: fall back to the next wider group. */
export const PEER_MIN = 30;
/** Aggregates over fewer firms than this are not shown to viewers outside the agency. */
export const SMALL_GROUP = 5;
export const INVITATION_STATUSES = ['sent', 'started', 'submitted'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const CONDITION_OPS = ['lt', 'lte', 'gt', 'gte'] as const;

// Instruments ----------------------------------------------------------------------------------------------

export const instrumentSummary = z.object({
  id: z.uuid(),
  version: z.number(),
  status: z.enum(INSTRUMENT_STATUSES),
  title: langText,
  dimensions: z.number(),
  questions: z.number(),
  /** optimistic-concurrency counter of a draft's edits */
  revision: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  /** whether this is the version new diagnoses use */
  current: z.boolean(),
});
export const instrumentSchema = instrumentSummary.extend({ content: instrumentContent });
export type Instrument = z.infer<typeof instrumentSchema>;
export const instrumentListResponse = z.object({ items: z.array(instrumentSummary) });

export const instrumentCreateBody = z.union([
  z.strictObject({
    /** draft the next version from the latest version (default) or from the built-in default instrument */
    from: z.enum(['latest', 'default']).default('latest'),
  }),
  z.strictObject({ content: instrumentContent }),
]);
export type InstrumentCreateBody = z.infer<typeof instrumentCreateBody>;
export const instrumentUpdateBody = z.strictObject({
  content: instrumentContent,
  revision: z.number().int().min(1),
});

// Diagnoses ------------------------------------------------------------------------------------------------

export const diagnosisStartBody = z.strictObject({
  /** the token of the invitation link that brought the firm here (tracks the invitation) */
  invitationToken: z.string().trim().min(16).max(100).optional(),
});
export const answersBody = z.strictObject({
  /** merged into the saved answers; `null` clears an answer (autosave sends what changed) */
  answers: z.record(key, answerValue.nullable()),
});

export const finding = z.object({ dimension: z.string(), text: langText });

export const dimensionResult = z.object({
  key: z.string(),
  title: langText,
  weight: z.number(),
  /** 0–100, one decimal; null when no question of the dimension was answered */
  score: z.number().nullable(),
  peerMedian: z.number().nullable(),
  /** percentile rank among peers, 0–100 */
  percentile: z.number().nullable(),
  /** score in the previous submitted diagnosis, and the change since */
  previous: z.number().nullable(),
  delta: z.number().nullable(),
});

export const peerSummary = z.object({
  group: z.enum(PEER_GROUPS),
  /** number of peer firms (latest submitted diagnosis of each, the firm itself excluded) */
  n: z.number(),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  ksicSection: z.string().nullable(),
  overallMedian: z.number().nullable(),
  overallPercentile: z.number().nullable(),
  /** e.g. "같은 규모·업종(소기업·C 제조업) 기업 214곳과 비교했습니다." */
  description: langText,
});
export type PeerSummary = z.infer<typeof peerSummary>;

export const stageInfo = z.object({ stage: z.number(), min: z.number(), label: langText });

export const diagnosisResult = z.object({
  overall: z.number(),
  stage: z.number(),
  stageLabel: langText,
  stages: z.array(stageInfo),
  dimensions: z.array(dimensionResult),
  peer: peerSummary,
  strengths: z.array(finding),
  gaps: z.array(finding),
  previous: z
    .object({
      id: z.uuid(),
      label: z.string(),
      submittedAt: z.string(),
      overall: z.number(),
      stage: z.number(),
      delta: z.number(),
    })
    .nullable(),
});
export type DiagnosisResult = z.infer<typeof diagnosisResult>;

export const diagnosisSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  instrumentId: z.uuid(),
  instrumentVersion: z.number(),
  status: z.enum(DIAGNOSIS_STATUSES),
  /** position in the company's timeline of submitted diagnoses: 0 = T0, 1 = T1, …; null for a draft */
  seq: z.number().nullable(),
  label: z.string().nullable(),
  answers: diagnosisAnswers,
  progress: z.object({
    answered: z.number(),
    total: z.number(),
    required: z.number(),
    requiredAnswered: z.number(),
  }),
  /** required questions still unanswered (keys) */
  missing: z.array(z.string()),
  startedAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  instrument: instrumentContent,
  result: diagnosisResult.nullable(),
});
export type Diagnosis = z.infer<typeof diagnosisSchema>;

export const timelineItem = z.object({
  id: z.uuid(),
  seq: z.number().nullable(),
  label: z.string().nullable(),
  status: z.enum(DIAGNOSIS_STATUSES),
  instrumentVersion: z.number(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  overall: z.number().nullable(),
  stage: z.number().nullable(),
  dimensionScores: z.record(z.string(), z.number().nullable()),
});
export const timelineResponse = z.object({
  companyId: z.uuid(),
  companyName: z.string(),
  items: z.array(timelineItem),
});

// Recommendations ------------------------------------------------------------------------------------------

export const ruleCondition = z.discriminatedUnion('on', [
  z.object({ on: z.literal('stage'), op: z.enum(CONDITION_OPS), value: z.number().int().min(1).max(10) }),
  z.object({ on: z.literal('overall'), op: z.enum(CONDITION_OPS), value: z.number().min(0).max(100) }),
  z.object({
    on: z.literal('dimension'),
    dimension: key,
    op: z.enum(CONDITION_OPS),
    value: z.number().min(0).max(100),
  }),
]);
export type RuleCondition = z.infer<typeof ruleCondition>;

const ruleFields = {
  /** program code, e.g. DLC, DXC, AIX */
  programCode: z.string().regex(/^[A-Z0-9]{2,10}$/, 'key_format'),
  /** all conditions must hold */
  conditions: z.array(ruleCondition).min(1).max(10),
  reason: wording(500),
  priority: z.number().int().min(0).max(1000).default(100),
  active: z.boolean().default(true),
};
export const ruleCreateBody = z.strictObject(ruleFields);
export type RuleCreateBody = z.infer<typeof ruleCreateBody>;
export const rulePatchBody = z
  .strictObject({
    programCode: ruleFields.programCode.optional(),
    conditions: ruleFields.conditions.optional(),
    reason: wording(500).optional(),
    priority: z.number().int().min(0).max(1000).optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'empty_patch' });
export type RulePatchBody = z.infer<typeof rulePatchBody>;
export const ruleSchema = z.object({
  id: z.uuid(),
  programCode: z.string(),
  conditions: z.array(ruleCondition),
  reason: langText,
  priority: z.number(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Rule = z.infer<typeof ruleSchema>;
export const ruleListResponse = z.object({ items: z.array(ruleSchema) });

export const recommendationSchema = z.object({
  programCode: z.string(),
  programName: langText,
  /** why, one per matching rule */
  reasons: z.array(z.object({ ruleId: z.uuid(), text: langText })),
  /** calls of the program open now for which the firm is eligible */
  calls: z.array(z.object({ id: z.uuid(), title: z.string(), closesAt: z.string() })),
});
export type Recommendation = z.infer<typeof recommendationSchema>;
export const recommendationResponse = z.object({
  diagnosisId: z.uuid(),
  items: z.array(recommendationSchema),
});

// Invitations ----------------------------------------------------------------------------------------------

export const invitationCreateBody = z.strictObject({
  /** a registered firm (partners: their association's members only), an email address, or both */
  targets: z
    .array(
      z
        .strictObject({ companyId: z.uuid().optional(), email: emailSchema.optional() })
        .refine((t) => t.companyId || t.email, { message: 'invitation_target' }),
    )
    .min(1)
    .max(500),
  message: z.string().trim().max(1000).optional(),
});
export type InvitationCreateBody = z.infer<typeof invitationCreateBody>;

export const invitationSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  /** masked for partners */
  email: z.string().nullable(),
  associationId: z.uuid().nullable(),
  status: z.enum(INVITATION_STATUSES),
  sentAt: z.string(),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
});
export const invitationCreated = invitationSchema.extend({
  /** the invitation link (path); shown once, at creation */
  link: z.string(),
});
export const invitationCreateResponse = z.object({ items: z.array(invitationCreated) });
export const invitationListQuery = pagingQuery.extend({ status: z.enum(INVITATION_STATUSES).optional() });
export const invitationListResponse = z.object({
  items: z.array(invitationSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** aggregates over all of the caller's invitations */
  totals: z.object({ sent: z.number(), started: z.number(), submitted: z.number() }),
});

// Analytics ------------------------------------------------------------------------------------------------

export const analyticsQuery = z.object({
  sizeClass: z.enum(SIZE_CLASSES).optional(),
  ksicSection: z
    .string()
    .regex(/^[A-U]$/)
    .optional(),
  district: z.string().max(20).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;

const groupRow = z.object({
  key: z.string().nullable(),
  n: z.number(),
  mean: z.number().nullable(),
  /** firms per stage: index 0 = stage 1 */
  stages: z.array(z.number()),
  /** for viewers, groups of fewer than SMALL_GROUP firms show no mean or stages (a firm could be recognised) */
  suppressed: z.boolean(),
});
export const analyticsResponse = z.object({
  generatedAt: z.string(),
  totals: z.object({
    /** firms with a submitted diagnosis (their latest one counts) */
    firms: z.number(),
    diagnoses: z.number(),
    drafts: z.number(),
    meanOverall: z.number().nullable(),
    medianOverall: z.number().nullable(),
  }),
  /** empty for viewers when fewer than SMALL_GROUP firms match (single firms' scores would show) */
  histogram: z.array(z.object({ from: z.number(), to: z.number(), n: z.number() })),
  stages: z.array(stageInfo),
  bySize: z.array(groupRow),
  bySection: z.array(groupRow),
  byDistrict: z.array(groupRow),
  dimensions: z.array(
    z.object({ key: z.string(), title: langText, mean: z.number().nullable(), n: z.number() }),
  ),
  movement: z.object({
    /** firms with at least two submitted diagnoses: T0 (first) → T1 (second) */
    firms: z.number(),
    meanT0: z.number().nullable(),
    meanT1: z.number().nullable(),
    meanDelta: z.number().nullable(),
    dimensions: z.array(
      z.object({
        key: z.string(),
        title: langText,
        t0: z.number().nullable(),
        t1: z.number().nullable(),
        delta: z.number().nullable(),
      }),
    ),
    transitions: z.array(z.object({ from: z.number(), to: z.number(), n: z.number() })),
  }),
});
export type Analytics = z.infer<typeof analyticsResponse>;

export const reportQuery = z.object({ lang: z.enum(['ko', 'en']).optional() });

// Before/after (supported firms) -----------------------------------------------------------------------------

export const beforeAfterQuery = pagingQuery.extend({
  /** only firms selected in this program (code, e.g. DXC); default: firms selected in any program */
  programCode: z
    .string()
    .regex(/^[A-Z0-9]{2,10}$/)
    .optional(),
  /** firm name contains */
  q: z.string().trim().max(100).optional(),
  format: z.enum(['json', 'xlsx']).default('json'),
});
export type BeforeAfterQuery = z.infer<typeof beforeAfterQuery>;
const pointInTime = z.object({
  id: z.uuid(),
  label: z.string(),
  submittedAt: z.string(),
  overall: z.number(),
  stage: z.number(),
});
export const beforeAfterItem = z.object({
  companyId: z.uuid(),
  companyName: z.string(),
  /** programs the firm was selected in (codes), with the year */
  supports: z.array(z.object({ programCode: z.string(), year: z.number() })),
  /** first submitted diagnosis (T0) and the latest one after it; after is null when not yet re-assessed */
  before: pointInTime,
  after: pointInTime.nullable(),
  delta: z.number().nullable(),
  dimensionDeltas: z.record(z.string(), z.number().nullable()),
});
export const beforeAfterResponse = z.object({
  items: z.array(beforeAfterItem),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** over all matching firms, not just this page */
  summary: z.object({
    firms: z.number(),
    reassessed: z.number(),
    meanBefore: z.number().nullable(),
    meanAfter: z.number().nullable(),
    meanDelta: z.number().nullable(),
  }),
});
export type BeforeAfter = z.infer<typeof beforeAfterResponse>;
