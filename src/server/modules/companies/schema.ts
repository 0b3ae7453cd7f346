import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  date,
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
import { MEMBER_ROLES, PROVENANCES, SIZE_CLASSES } from '../../../shared/enums';
import { files, users } from '../../platform/schema';

export const sizeClassEnum = pgEnum('size_class', SIZE_CLASSES);
export const provenanceEnum = pgEnum('provenance', PROVENANCES);
export const memberRoleEnum = pgEnum('member_role', MEMBER_ROLES);
export const memberStatusEnum = pgEnum('member_status', ['active', 'pending']);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 협단체 = industry association that brings firms in; its staff have the `partner` role. */
export const associations = pgTable('associations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const associationMembers = pgTable(
  'association_members',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.userId] })],
);

/** 기업 = a firm in the registry. */
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brn: char('brn', { length: 10 }).notNull(),
    crn: char('crn', { length: 13 }),
    name: text('name').notNull(),
    /** name without spaces, legal-form words and punctuation; used for fuzzy search and dedup */
    nameKey: text('name_key').notNull(),
    representative: text('representative'),
    foundedOn: date('founded_on', { mode: 'string' }),
    sizeClass: sizeClassEnum('size_class'),
    isMicro: boolean('is_micro').notNull().default(false),
    isStartup: boolean('is_startup').notNull().default(false),
    ksicCode: text('ksic_code'),
    address: text('address'),
    district: text('district'),
    employees: integer('employees'),
    revenue: bigint('revenue', { mode: 'number' }),
    homepage: text('homepage'),
    phone: text('phone'),
    email: text('email'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    dxInterests: text('dx_interests').array().notNull().default(sql`'{}'::text[]`),
    provenance: provenanceEnum('provenance').notNull(),
    provenanceSource: text('provenance_source'),
    provenanceDate: date('provenance_date', { mode: 'string' }),
    mergedIntoId: uuid('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('companies_brn_uq').on(t.brn),
    index('companies_name_key_trgm').using('gin', sql`${t.nameKey} gin_trgm_ops`),
    index('companies_district_idx').on(t.district),
    index('companies_ksic_idx').on(t.ksicCode),
    index('companies_size_idx').on(t.sizeClass),
    index('companies_created_idx').on(t.createdAt),
    index('companies_tags_idx').using('gin', t.tags),
  ],
);

/** Which associations listed a company (a firm may be on several member lists). */
export const companyAssociations = pgTable(
  'company_associations',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    addedAt: ts('added_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.associationId] }), index('ca_assoc_idx').on(t.associationId)],
);

/** A person's membership of a company; one owner per company. */
export const companyMembers = pgTable(
  'company_members',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRoleEnum('role').notNull().default('member'),
    /** pending: asked to join a firm that has an owner; the owner or staff approves */
    status: memberStatusEnum('status').notNull().default('active'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.userId] }),
    index('cm_user_idx').on(t.userId),
    uniqueIndex('cm_one_owner_uq').on(t.companyId).where(sql`${t.role} = 'owner'`),
  ],
);

/** Record of each merge: the absorbed company's snapshot, for history. */
export const companyMerges = pgTable('company_merges', {
  id: uuid('id').primaryKey().defaultRandom(),
  fromId: uuid('from_id').notNull(),
  intoId: uuid('into_id').notNull(),
  /** the absorbed company's row as JSON (timestamps as ISO strings) */
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
  mergedBy: uuid('merged_by'),
  at: ts('at').notNull().defaultNow(),
});

/** Staging rows of an import job, filled by COPY, then merged into companies in one transaction. */
export const companyImportRows = pgTable(
  'company_import_rows',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    brn: char('brn', { length: 10 }).notNull(),
    crn: char('crn', { length: 13 }),
    name: text('name').notNull(),
    nameKey: text('name_key').notNull(),
    representative: text('representative'),
    foundedOn: date('founded_on', { mode: 'string' }),
    sizeClass: sizeClassEnum('size_class'),
    isMicro: boolean('is_micro').notNull().default(false),
    isStartup: boolean('is_startup').notNull().default(false),
    ksicCode: text('ksic_code'),
    address: text('address'),
    district: text('district'),
    employees: integer('employees'),
    revenue: bigint('revenue', { mode: 'number' }),
    homepage: text('homepage'),
    phone: text('phone'),
    email: text('email'),
    tags: text('tags').array(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNo] })],
);

export const claimMethodEnum = pgEnum('claim_method', ['staff_review', 'document', 'invitation', 'owner']);
export const claimStatusEnum = pgEnum('claim_status', ['pending', 'approved', 'rejected', 'withdrawn']);

/**
 * A person's request to become a member of a firm already in the registry. Pending until proven:
 * staff review (with a note or an uploaded 사업자등록증), the firm's active owner, or an invitation
 * sent to the firm's registered e-mail. The membership exists only once a claim is approved.
 */
export const companyClaims = pgTable(
  'company_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    method: claimMethodEnum('method').notNull(),
    status: claimStatusEnum('status').notNull().default('pending'),
    evidenceFileId: uuid('evidence_file_id').references(() => files.id, { onDelete: 'set null' }),
    /** the diagnosis invitation whose token proved the claim */
    invitationId: uuid('invitation_id'),
    note: text('note'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    reason: text('reason'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('company_claims_pending_uq').on(t.companyId, t.userId).where(sql`${t.status} = 'pending'`),
    uniqueIndex('company_claims_invitation_uq').on(t.invitationId).where(sql`${t.status} = 'approved'`),
    index('company_claims_status_idx').on(t.status, t.createdAt),
    index('company_claims_user_idx').on(t.userId),
    index('company_claims_company_idx').on(t.companyId),
  ],
);

export const linkRequestStatusEnum = pgEnum('link_request_status', ['pending', 'approved', 'rejected']);

/**
 * A partner's member list named a firm that exists but is not linked to the partner's association: the
 * import changes nothing about that firm and files a link request; staff approve (link) or reject it.
 */
export const companyLinkRequests = pgTable(
  'company_link_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id, { onDelete: 'cascade' }),
    requestedBy: uuid('requested_by'),
    /** the uploaded member list and the row that named the firm */
    fileId: uuid('file_id'),
    rowNo: integer('row_no'),
    /** the firm's name as the list wrote it */
    nameInFile: text('name_in_file'),
    status: linkRequestStatusEnum('status').notNull().default('pending'),
    /** rejection reason */
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('company_link_requests_pending_uq')
      .on(t.companyId, t.associationId)
      .where(sql`${t.status} = 'pending'`),
    index('company_link_requests_status_idx').on(t.status, t.createdAt),
  ],
);
