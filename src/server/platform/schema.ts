import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
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
import { ACCESS_ACTIONS, CONSENT_KINDS, JOB_STATUSES, ROLES } from '../../shared/enums';

export const roleEnum = pgEnum('role', ROLES);
export const accessActionEnum = pgEnum('access_action', ACCESS_ACTIONS);
export const consentKindEnum = pgEnum('consent_kind', CONSENT_KINDS);
export const jobStatusEnum = pgEnum('job_status', JOB_STATUSES);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    role: roleEnum('role').notNull(),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: ts('locked_until'),
    lastLoginAt: ts('last_login_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** set when the member left (회원탈퇴): the row is anonymised and cannot sign in */
    deletedAt: ts('deleted_at'),
  },
  (t) => [uniqueIndex('users_email_lower_uq').on(sql`lower(${t.email})`)],
);

/** Sessions live in the database; the cookie holds a random token whose SHA-256 is the id. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSeenAt: ts('last_seen_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Every login attempt, for lock-out and hourly caps. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    ok: boolean('ok').notNull(),
    ip: text('ip'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('login_attempts_email_at_idx').on(sql`lower(${t.email})`, t.at)],
);

/** Grants and revocations of roles (kept 3 years). */
export const roleChanges = pgTable('role_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  userId: uuid('user_id').notNull(),
  fromRole: roleEnum('from_role'),
  toRole: roleEnum('to_role'),
  changedBy: uuid('changed_by'),
  reason: text('reason'),
  at: ts('at').notNull().defaultNow(),
});

/** Consent records (PIPA): what was agreed to, for which purpose and retention, when. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    companyId: uuid('company_id'),
    kind: consentKindEnum('kind').notNull(),
    version: text('version').notNull(),
    purpose: text('purpose').notNull(),
    items: text('items').notNull(),
    retention: text('retention').notNull(),
    granted: boolean('granted').notNull(),
    ip: text('ip'),
    at: ts('at').notNull().defaultNow(),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [index('consents_user_idx').on(t.userId), index('consents_company_idx').on(t.companyId)],
);

/** Insert-only audit log; a trigger refuses UPDATE and DELETE (see migration 0001). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    ip: text('ip'),
    requestId: text('request_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** personal fields are masked by a trigger on insert (migration 0009) */
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    /** retention category and expiry, set by the insert trigger from entity_type (migration 0009) */
    category: text('category').notNull().default('business'),
    keepUntil: ts('keep_until').notNull().default(sql`now() + interval '5 years'`),
  },
  (t) => [
    index('audit_entity_idx').on(t.entityType, t.entityId, t.at),
    index('audit_log_keep_until_idx').on(t.keepUntil),
  ],
);

/** Personal-data access log (개인정보 접속기록), kept at least 2 years; insert-only. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull().defaultNow(),
    userId: uuid('user_id'),
    ip: text('ip'),
    action: accessActionEnum('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    recordCount: integer('record_count').notNull().default(1),
    reason: text('reason'),
    keepUntil: ts('keep_until').notNull().default(sql`now() + interval '2 years'`),
    /** which personal fields were shown (migration 0009) */
    fields: text('fields').array(),
  },
  (t) => [
    index('access_log_at_idx').on(t.at),
    index('access_log_subject_idx').on(t.subjectType, t.subjectId),
    index('access_log_keep_until_idx').on(t.keepUntil),
  ],
);

/** Background jobs, claimed with FOR UPDATE SKIP LOCKED. */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    status: jobStatusEnum('status').notNull().default('queued'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    progress: integer('progress').notNull().default(0),
    total: integer('total').notNull().default(0),
    result: jsonb('result').$type<unknown>(),
    error: text('error'),
    createdBy: uuid('created_by'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    heartbeatAt: ts('heartbeat_at'),
    /** the instance running it (JobRunner.instanceId) */
    lockedBy: text('locked_by'),
    /** a running job whose lease has passed is taken over by another instance */
    leaseUntil: ts('lease_until'),
  },
  (t) => [
    index('jobs_status_idx').on(t.status, t.createdAt),
    index('jobs_lease_idx').on(t.leaseUntil).where(sql`${t.status} = 'running'`),
  ],
);

/** Uploaded files; the bytes live where `storage` says: DATA_DIR/files (random names), `file_blobs` or S3. */
export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id'),
  purpose: text('purpose').notNull(),
  originalName: text('original_name').notNull(),
  mime: text('mime').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  storageKey: text('storage_key').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** 'local' (DATA_DIR/files), 'db' (file_blobs) or 's3' */
  storage: text('storage').notNull().default('local'),
});

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Bytes of uploads stored in the database (server PostgreSQL), in parts of at most 1 MB. */
export const fileBlobs = pgTable(
  'file_blobs',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    part: integer('part').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.part] })],
);

/** Request counters per key and minute, shared by every app instance (unlogged table). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_window_idx').on(t.windowStart)],
);

/**
 * Email outbox: written in the same transaction as the change; the mail sender (platform/mail.ts)
 * claims due rows with FOR UPDATE SKIP LOCKED and delivers them over SMTP.
 * status: queued → sending → sent, or back to queued with a later next_attempt_at, or failed.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    /** a sender holds the row until then; after it (a crashed sender) the row is due again */
    claimedUntil: ts('claimed_until'),
    lastError: text('last_error'),
    /** holds a secret (a password-reset link): the 발송함 page never shows its body */
    sensitive: boolean('sensitive').notNull().default(false),
    /** what the mail is, where code needs to find it again (e.g. 'signup_verify', 'signup_exists') */
    kind: text('kind'),
  },
  (t) => [
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} IN ('queued', 'sending')`),
    index('outbox_status_created_idx').on(t.status, t.createdAt),
    index('outbox_to_kind_idx').on(sql`lower(${t.to})`, t.kind, t.createdAt),
  ],
);

/** Password-reset links: single use, only the token's SHA-256 is stored. */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [
    uniqueIndex('password_reset_tokens_hash_uq').on(t.tokenHash),
    index('password_reset_tokens_user_idx').on(t.userId, t.createdAt),
  ],
);

/**
 * Sign-ups waiting for their e-mail link: one per address (a new request replaces it), only the
 * token's SHA-256 is stored, valid 24 hours; the user is created when the link is confirmed.
 */
export const signupRequests = pgTable(
  'signup_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    tokenHash: text('token_hash').notNull(),
    passwordHash: text('password_hash').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    role: roleEnum('role').notNull(),
    consents: jsonb('consents').$type<{ terms: boolean; privacy: boolean; marketing: boolean }>().notNull(),
    consentVersion: text('consent_version').notNull(),
    /** same-site path to continue to after confirming (e.g. an invitation link) */
    next: text('next'),
    ip: text('ip'),
    createdAt: ts('created_at').notNull().defaultNow(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [
    uniqueIndex('signup_requests_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('signup_requests_token_uq').on(t.tokenHash),
  ],
);
