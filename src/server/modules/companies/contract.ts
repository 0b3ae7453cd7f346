import { z } from 'zod';
import { DX_INTERESTS, PROVENANCES, SIZE_CLASSES } from '../../../shared/enums';
import {
  brnSchema,
  crnSchema,
  districtSchema,
  emailSchema,
  httpUrlSchema,
  ksicCodeSchema,
  moneySchema,
  nameSchema,
  pagingQuery,
  pastDateSchema,
  phoneSchema,
  stripUnsafeChars,
} from '../../../shared/validators';

/** 공고·신청 등 다른 모듈도 쓰는 기업 계약(contract). Shared with the web app. */
const editable = {
  crn: crnSchema.nullish(),
  name: nameSchema(200).min(1),
  representative: nameSchema(100).nullish(),
  foundedOn: pastDateSchema.nullish(),
  sizeClass: z.enum(SIZE_CLASSES).nullish(),
  isMicro: z.boolean().optional(),
  isStartup: z.boolean().optional(),
  ksicCode: ksicCodeSchema.nullish(),
  address: z.string().trim().max(300).nullish(),
  district: districtSchema.nullish(),
  employees: z.number().int().min(0).max(10_000_000).nullish(),
  revenue: moneySchema.nullish(),
  homepage: httpUrlSchema.max(300).nullish(),
  phone: phoneSchema.nullish(),
  email: emailSchema.nullish(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
  dxInterests: z.array(z.enum(DX_INTERESTS)).max(DX_INTERESTS.length).optional(),
};

export const companyCreateBody = z.strictObject({
  brn: brnSchema,
  ...editable,
  provenanceSource: z.string().trim().max(200).nullish(),
});
export type CompanyCreateBody = z.infer<typeof companyCreateBody>;

export const companyPatchBody = z
  .strictObject({
    ...editable,
    name: editable.name.optional(),
    /** optimistic concurrency: the version the editor saw */
    version: z.number().int().min(1).optional(),
  })
  .refine((b) => Object.keys(b).some((k) => k !== 'version'), { message: 'empty_patch' });
export type CompanyPatchBody = z.infer<typeof companyPatchBody>;

export const companySchema = z.object({
  id: z.uuid(),
  brn: z.string(),
  crn: z.string().nullable(),
  name: z.string(),
  representative: z.string().nullable(),
  foundedOn: z.string().nullable(),
  sizeClass: z.enum(SIZE_CLASSES).nullable(),
  isMicro: z.boolean(),
  isStartup: z.boolean(),
  ksicCode: z.string().nullable(),
  address: z.string().nullable(),
  district: z.string().nullable(),
  employees: z.number().nullable(),
  revenue: z.number().nullable(),
  homepage: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  tags: z.array(z.string()),
  dxInterests: z.array(z.string()),
  provenance: z.enum(PROVENANCES),
  provenanceSource: z.string().nullable(),
  provenanceDate: z.string().nullable(),
  associations: z.array(z.object({ id: z.uuid(), name: z.string() })),
  mergedIntoId: z.uuid().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** true when personal fields (representative, phone, email) are masked for this reader */
  masked: z.boolean(),
});
export type Company = z.infer<typeof companySchema>;

export const companySummarySchema = companySchema.pick({
  id: true,
  brn: true,
  name: true,
  representative: true,
  sizeClass: true,
  isMicro: true,
  isStartup: true,
  ksicCode: true,
  district: true,
  employees: true,
  revenue: true,
  provenance: true,
  tags: true,
  createdAt: true,
});
export type CompanySummary = z.infer<typeof companySummarySchema>;

export const COMPANY_SORTS = ['name', 'createdAt', 'employees', 'revenue', 'relevance'] as const;

export const companyListQuery = pagingQuery.extend({
  q: z.string().trim().max(100).optional(),
  district: z.string().max(400).optional().describe('comma-separated district codes'),
  sizeClass: z.string().max(100).optional().describe('comma-separated size classes'),
  ksic: z.string().trim().max(5).optional().describe('KSIC section letter or code prefix'),
  provenance: z.enum(PROVENANCES).optional(),
  tag: z.string().trim().max(40).optional(),
  associationId: z.uuid().optional(),
  isStartup: z.enum(['true', 'false']).optional(),
  sort: z.enum(COMPANY_SORTS).default('relevance'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type CompanyListQuery = z.infer<typeof companyListQuery>;

export const companyListResponse = z.object({
  items: z.array(companySummarySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type CompanyList = z.infer<typeof companyListResponse>;

export const duplicateCandidate = z.object({
  id: z.uuid(),
  name: z.string(),
  brn: z.string(),
  address: z.string().nullable(),
  similarity: z.number(),
  reason: z.enum(['same_address_similar_name', 'similar_name']),
});
export const duplicatesResponse = z.object({ items: z.array(duplicateCandidate) });

export const duplicatePairsResponse = z.object({
  items: z.array(
    z.object({
      a: companySummarySchema.pick({ id: true, name: true, brn: true }),
      b: companySummarySchema.pick({ id: true, name: true, brn: true }),
      address: z.string().nullable(),
      similarity: z.number(),
    }),
  ),
});

export const mergeBody = z.strictObject({
  /** the record that disappears; its members, associations and references move to :id */
  fromId: z.uuid(),
  reason: z.string().trim().min(2).max(500),
});

/** Why personal data leaves the system (unmasked export): chosen from this list, plus free text. */
export const EXPORT_PURPOSES = [
  'program_operation',
  'applicant_contact',
  'survey',
  'council_report',
  'legal_request',
  'other',
] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];
/** the free-text part of an unmasked export's reason */
export const EXPORT_REASON_MIN = 10;

export const exportQuery = companyListQuery.omit({ page: true, pageSize: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  /** unmasked personal fields need a purpose and a reason of 10+ characters (PIPA); both are logged */
  unmask: z.enum(['true', 'false']).default('false'),
  purpose: z.enum(EXPORT_PURPOSES).optional(),
  reason: z.string().overwrite(stripUnsafeChars).trim().max(300).optional(),
});

export const historyResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      actorId: z.string().nullable(),
      actorName: z.string().nullable(),
      action: z.string(),
      before: z.unknown().nullable(),
      after: z.unknown().nullable(),
    }),
  ),
});

export const claimBody = z.strictObject({
  brn: brnSchema,
  /** what the claimant tells the reviewers (position, how to reach them) */
  note: z.string().trim().max(1000).optional(),
  /** the token of a diagnosis invitation sent to the firm's registered e-mail: proves the claim at once */
  invitationToken: z.string().trim().min(10).max(200).optional(),
});
export const memberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['owner', 'member']),
  /** pending: waiting for the owner's (or staff's) approval */
  status: z.enum(['active', 'pending']),
  createdAt: z.string(),
});
export const membersResponse = z.object({ items: z.array(memberSchema) });

export const CLAIM_METHODS = ['staff_review', 'document', 'invitation', 'owner'] as const;
export const CLAIM_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;

/** A claim of a registered firm, as its claimant sees it: nothing beyond the firm's name and BRN. */
export const myClaimSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  brn: z.string(),
  method: z.enum(CLAIM_METHODS),
  status: z.enum(CLAIM_STATUSES),
  note: z.string().nullable(),
  document: z.object({ name: z.string(), size: z.number() }).nullable(),
  /** the firm already has an active owner, who may decide */
  hasOwner: z.boolean(),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type MyClaim = z.infer<typeof myClaimSchema>;
export const myClaimsResponse = z.object({ items: z.array(myClaimSchema) });

/** A claim as staff or the firm's owner see it: with the claimant and the firm's registered contacts. */
export const claimSchema = myClaimSchema.extend({
  claimant: z.object({ id: z.uuid(), name: z.string(), email: z.string(), phone: z.string().nullable() }),
  company: z.object({
    representative: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  decidedByName: z.string().nullable(),
});
export type Claim = z.infer<typeof claimSchema>;
export const claimListQuery = z.object({
  status: z.enum(CLAIM_STATUSES).optional(),
  companyId: z.uuid().optional(),
});
export const claimListResponse = z.object({ items: z.array(claimSchema) });
export const claimDecisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  /** required for a rejection; sent to the claimant */
  reason: z.string().trim().max(500).optional(),
});
