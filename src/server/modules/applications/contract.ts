import { z } from 'zod';
import { APPLICATION_STATUSES } from '../../../shared/enums';
import { pagingQuery } from '../../../shared/validators';
import { answers } from '../programs/form-contract';

/** Applications (신청서). Shared with the web app. */
export const applicationCreateBody = z.strictObject({
  /** which of the caller's companies applies (needed only when the caller belongs to several) */
  companyId: z.uuid().optional(),
});

export const applicationPatchBody = z.strictObject({
  /** merged into the saved answers (autosave sends what changed) */
  answers,
  version: z.number().int().min(1).optional(),
});

export const applicationFileSchema = z.object({
  fieldKey: z.string(),
  fileId: z.uuid(),
  name: z.string(),
  size: z.number(),
  mime: z.string(),
});

export const supplementSchema = z.object({
  id: z.uuid(),
  message: z.string(),
  dueAt: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
});

export const applicationSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callTitle: z.string(),
  companyId: z.uuid(),
  companyName: z.string(),
  formId: z.uuid(),
  formVersion: z.number(),
  status: z.enum(APPLICATION_STATUSES),
  statusReason: z.string().nullable(),
  answers,
  /** company fields the form prefills, read from the registry */
  prefill: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  files: z.array(applicationFileSchema),
  supplements: z.array(supplementSchema),
  receiptNo: z.string().nullable(),
  submittedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  closesAt: z.string(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Application = z.infer<typeof applicationSchema>;

export const submitResponse = z.object({
  id: z.uuid(),
  status: z.enum(APPLICATION_STATUSES),
  receiptNo: z.string(),
  submittedAt: z.string(),
});

export const applicationSummarySchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callTitle: z.string(),
  companyId: z.uuid(),
  companyName: z.string(),
  companyBrn: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  receiptNo: z.string().nullable(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});

export const applicationListQuery = pagingQuery.extend({
  status: z.enum(APPLICATION_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
});
export const applicationListResponse = z.object({
  items: z.array(applicationSummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: z.record(z.string(), z.number()),
  capacity: z.number(),
  competitionRatio: z.number(),
});

export const supplementBody = z.strictObject({
  message: z.string().trim().min(2).max(2000),
  dueAt: z.iso.datetime({ offset: true }),
});

export const reviewBody = z.strictObject({
  status: z.enum(['incomplete', 'ineligible', 'submitted']),
  reason: z.string().trim().min(2).max(1000),
});
