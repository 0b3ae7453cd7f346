import { z } from 'zod';
import { CALL_STATUSES, PROGRAM_MODULES } from '../../../shared/enums';
import { moneySchema, pagingQuery } from '../../../shared/validators';
import { eligibilityRule } from './eligibility-contract';
import { formSections } from './form-contract';

/** Programs (사업) and calls (공고). Shared with the web app. */
export const programSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  module: z.enum(PROGRAM_MODULES),
  nameKo: z.string(),
  nameEn: z.string(),
  summaryKo: z.string(),
  summaryEn: z.string(),
  target: z.string(),
  owner: z.string(),
  budgets: z.array(z.object({ year: z.number(), amount: z.number() })),
  openCalls: z.number(),
});
export type Program = z.infer<typeof programSchema>;
export const programListResponse = z.object({ items: z.array(programSchema) });
export const programListQuery = z.object({ module: z.enum(PROGRAM_MODULES).optional() });

const isoDateTime = z.iso.datetime({ offset: true });

export const requiredDocument = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/),
  ko: z.string().trim().min(1).max(200),
  en: z.string().trim().max(200).default(''),
  required: z.boolean().default(true),
});

const callFields = {
  title: z.string().trim().min(2).max(200),
  body: z.string().max(50_000).default(''),
  opensAt: isoDateTime,
  closesAt: isoDateTime,
  evaluationAt: isoDateTime.nullish(),
  announceAt: isoDateTime.nullish(),
  capacity: z.number().int().min(1).max(100_000),
  maxApplications: z.number().int().min(1).max(1_000_000).nullish(),
  perFirmCap: moneySchema.nullish(),
  totalBudget: moneySchema.nullish(),
  eligibility: z.array(eligibilityRule).max(20).default([]),
  requiredDocuments: z.array(requiredDocument).max(30).default([]),
  attachmentIds: z.array(z.uuid()).max(20).default([]),
};

export const callCreateBody = z
  .strictObject({
    programId: z.uuid(),
    year: z.number().int().min(2000).max(2100),
    ...callFields,
    form: formSections,
  })
  .refine((b) => Date.parse(b.closesAt) > Date.parse(b.opensAt), {
    message: 'closes_before_opens',
    path: ['closesAt'],
  });
export type CallCreateBody = z.infer<typeof callCreateBody>;

export const callPatchBody = z
  .strictObject({
    title: callFields.title.optional(),
    body: z.string().max(50_000).optional(),
    opensAt: isoDateTime.optional(),
    closesAt: isoDateTime.optional(),
    evaluationAt: callFields.evaluationAt,
    announceAt: callFields.announceAt,
    capacity: callFields.capacity.optional(),
    maxApplications: callFields.maxApplications,
    perFirmCap: callFields.perFirmCap,
    totalBudget: callFields.totalBudget,
    eligibility: z.array(eligibilityRule).max(20).optional(),
    requiredDocuments: z.array(requiredDocument).max(30).optional(),
    attachmentIds: z.array(z.uuid()).max(20).optional(),
    /** a new form version (only a new version once applications exist) */
    form: formSections.optional(),
    version: z.number().int().min(1),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'empty_patch' });
export type CallPatchBody = z.infer<typeof callPatchBody>;

export const callTransitionBody = z.strictObject({
  to: z.enum(CALL_STATUSES),
  reason: z.string().trim().max(500).optional(),
});

export const callFormSchema = z.object({ id: z.uuid(), version: z.number(), sections: formSections });

export const callSummarySchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  programCode: z.string(),
  programNameKo: z.string(),
  programNameEn: z.string(),
  module: z.enum(PROGRAM_MODULES),
  year: z.number(),
  title: z.string(),
  /** stored status, with `published` shown as `open` while the window is open */
  status: z.enum(CALL_STATUSES),
  opensAt: z.string(),
  closesAt: z.string(),
  capacity: z.number(),
  perFirmCap: z.number().nullable(),
  submittedCount: z.number(),
  /** applications ÷ capacity, e.g. 13.4 (shown 13.4:1) */
  competitionRatio: z.number(),
});
export type CallSummary = z.infer<typeof callSummarySchema>;

/** A file attached to a call (공고 첨부파일): name and size for the download list. */
export const callAttachmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
});
export type CallAttachment = z.infer<typeof callAttachmentSchema>;

export const callAttachmentParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const callSchema = callSummarySchema.extend({
  body: z.string(),
  evaluationAt: z.string().nullable(),
  announceAt: z.string().nullable(),
  maxApplications: z.number().nullable(),
  totalBudget: z.number().nullable(),
  eligibility: z.array(eligibilityRule),
  requiredDocuments: z.array(requiredDocument),
  attachmentIds: z.array(z.uuid()),
  /** the attached files, in the order of attachmentIds */
  attachments: z.array(callAttachmentSchema),
  form: callFormSchema,
  /** the current form version has applications (drafts included): a form change makes a new version */
  formInUse: z.boolean(),
  version: z.number(),
  /** server time, so the UI's countdown does not trust the visitor's clock */
  now: z.string(),
});
export type Call = z.infer<typeof callSchema>;

export const callListQuery = pagingQuery.extend({
  module: z.enum(PROGRAM_MODULES).optional(),
  programId: z.uuid().optional(),
  status: z.enum(CALL_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().max(100).optional(),
  /** only calls the given company (one of the caller's) is eligible for */
  eligibleFor: z.uuid().optional(),
});
export const callListResponse = z.object({
  items: z.array(callSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const programBody = z.strictObject({
  code: z.string().regex(/^[A-Z]{2,6}$/, 'program_code_format'),
  module: z.enum(PROGRAM_MODULES),
  nameKo: z.string().trim().min(2).max(200),
  nameEn: z.string().trim().max(200).default(''),
  summaryKo: z.string().trim().max(2000).default(''),
  summaryEn: z.string().trim().max(2000).default(''),
  target: z.string().trim().max(500).default(''),
  owner: z.string().trim().max(200).default(''),
  budgets: z
    .array(z.object({ year: z.number().int().min(2000).max(2100), amount: moneySchema }))
    .max(20)
    .default([]),
});
export const programPatchBody = programBody.partial().omit({ code: true });
