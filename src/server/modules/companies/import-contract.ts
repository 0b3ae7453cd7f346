import { z } from 'zod';

/** Bulk import of association member lists (회원사 명단). Shared with the web app's import wizard. */
export const IMPORT_FIELDS = [
  'brn',
  'crn',
  'name',
  'representative',
  'foundedOn',
  'sizeClass',
  'isMicro',
  'isStartup',
  'ksicCode',
  'address',
  'district',
  'employees',
  'revenue',
  'homepage',
  'phone',
  'email',
  'tags',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ['brn', 'name'];

/** target field → the file's column header */
export const importMapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200));
export type ImportMapping = z.infer<typeof importMapping>;

export const importUploadResponse = z.object({
  fileId: z.uuid(),
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  rowCount: z.number(),
  /** first rows, for the mapping step's preview */
  sample: z.array(z.array(z.string())),
  suggestedMapping: importMapping,
});
export type ImportUpload = z.infer<typeof importUploadResponse>;

export const importQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true'),
  /** a file uploaded before with /companies/import/upload (instead of a multipart `file`) */
  fileId: z.uuid().optional(),
  /** the association whose member list this is (partners: always their own) */
  associationId: z.uuid().optional(),
  /** commit the valid rows even when some rows have errors */
  skipInvalid: z.enum(['true', 'false']).default('false'),
});

export const importRowError = z.object({
  /** 1-based row number as a spreadsheet shows it (the header is row 1) */
  row: z.number(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  value: z.string().nullable(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importReport = z.object({
  dryRun: z.boolean(),
  committed: z.boolean(),
  total: z.number(),
  valid: z.number(),
  invalid: z.number(),
  created: z.number(),
  updated: z.number(),
  /** rows whose company exists with identical data */
  unchanged: z.number(),
  /**
   * partner imports: rows naming a registered firm outside the partner's association. They change nothing;
   * a commit files them as link requests for staff to approve or reject.
   */
  linkRequested: z.number(),
  /** those rows (dry run; at most 1,000): the file's row number, BRN and the name as the file wrote it */
  linkRequests: z.array(z.object({ row: z.number(), brn: z.string(), name: z.string() })),
  errors: z.array(importRowError),
  /** true when more errors exist than are listed (the list is capped at 1,000) */
  errorsTruncated: z.boolean(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
});
export type ImportReport = z.infer<typeof importReport>;

/** 200 when the work finished within the request; 202 with a job to poll (GET /api/jobs/{id}) for big files. */
export const importResponse = z.object({
  status: z.enum(['done', 'queued']),
  report: importReport.nullable(),
  jobId: z.uuid().nullable(),
});
export type ImportResponse = z.infer<typeof importResponse>;

/** JSON body of POST /companies/import when the file was uploaded before (`fileId` in the query). */
export const importBody = z.object({ mapping: importMapping.optional() });

/**
 * 422 of POST /companies/import: the usual error body; for `import_has_errors` (a commit refused because
 * rows have errors) also the report, so the wizard can list the rows to fix.
 */
export const importErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string(),
  }),
  report: importReport.optional(),
});
export type ImportErrorResponse = z.infer<typeof importErrorResponse>;

// Link requests ------------------------------------------------------------------------------------------

export const LINK_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const linkRequestListQuery = z.object({
  status: z.enum(LINK_REQUEST_STATUSES).default('pending'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const linkRequestSchema = z.object({
  id: z.uuid(),
  companyId: z.uuid(),
  companyName: z.string(),
  brn: z.string(),
  /** the firm's name as the member list wrote it */
  nameInFile: z.string().nullable(),
  associationId: z.uuid(),
  associationName: z.string(),
  /** associations the firm is linked to now */
  linkedAssociations: z.array(z.string()),
  requestedBy: z.string().nullable(),
  fileId: z.uuid().nullable(),
  row: z.number().nullable(),
  status: z.enum(LINK_REQUEST_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type LinkRequest = z.infer<typeof linkRequestSchema>;
export const linkRequestListResponse = z.object({
  items: z.array(linkRequestSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const linkRequestRejectBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });
