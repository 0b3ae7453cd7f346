import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { FileStore } from './platform/files';
import type { S3Config } from './platform/files-s3';

/** Environment variables, validated once. Documented in README "Configuration". */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'MIGRATION_DATABASE_URL must start with postgres://')
    .optional(),
  DATA_DIR: z.string().default('./data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  ITDA_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(50),
  BODY_LIMIT_KB: z.coerce.number().int().min(16).max(10240).default(1024),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: 'PUBLIC_URL must be an http(s) URL, e.g. https://itda.example.kr' })
    .optional(),
  PARTNER_INVITES_PER_DAY: z.coerce.number().int().min(0).max(100_000).default(100),
  ITDA_ADMIN_EMAIL: z.string().email().optional(),
  ITDA_ADMIN_PASSWORD: z.string().min(12, 'ITDA_ADMIN_PASSWORD must be at least 12 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:pass@host:587')
    .optional(),
  MAIL_FROM: z.string().min(3).default('잇다 <no-reply@itda.local>'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(1200),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis:// or rediss://')
    .optional(),
  S3_ENDPOINT: z
    .url({
      protocol: /^https?$/,
      message: 'S3_ENDPOINT must be an http(s) URL, e.g. https://s3.ap-northeast-2.amazonaws.com',
    })
    .optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'S3_BUCKET must be a bucket name (3–63 of a-z 0-9 . -)')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'S3_REGION must be a region name such as us-east-1')
    .default('us-east-1'),
  S3_FORCE_PATH_STYLE: z.enum(['0', '1', 'false', 'true']).default('0'),
});

/** the variables that select the S3 file store: all of them, or none */
const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

function s3Config(e: z.infer<typeof envSchema>): S3Config | undefined {
  const missing = S3_REQUIRED.filter((k) => !e[k]);
  if (missing.length === S3_REQUIRED.length) return undefined;
  if (missing.length > 0)
    throw new Error(
      `Invalid configuration:\n  ${missing.join(', ')}: required with ${S3_REQUIRED.filter((k) => e[k]).join(', ')} — the S3 file store needs all of ${S3_REQUIRED.join(', ')} (or none of them)`,
    );
  return {
    endpoint: e.S3_ENDPOINT!,
    bucket: e.S3_BUCKET!,
    accessKeyId: e.S3_ACCESS_KEY_ID!,
    secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
    region: e.S3_REGION,
    forcePathStyle: e.S3_FORCE_PATH_STYLE === '1' || e.S3_FORCE_PATH_STYLE === 'true',
  };
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
  /** the tables' owner for migrations, when the app connects (DATABASE_URL) as a role without DDL rights */
  migrationDatabaseUrl?: string;
  dataDir: string;
  sessionSecret: string;
  demo: boolean;
  logLevel: string;
  trustProxy: boolean;
  maxUploadBytes: number;
  bodyLimitBytes: number;
  /**
   * the site's address for links in emails (invitations), without a trailing slash. Required in production;
   * elsewhere `http://localhost:${PORT}`. Never taken from a request's Host header.
   */
  publicUrl: string;
  /** diagnosis invitations one association may send per day (Asia/Seoul), counted in SQL */
  partnerInvitesPerDay: number;
  /** first admin account, created at start-up when no admin exists (production installs) */
  bootstrapAdmin?: { email: string; password: string };
  /** SMTP server the outbox is delivered through; without it mail stays in the outbox (발송함) */
  smtpUrl?: string;
  /** From: of outgoing mail */
  mailFrom: string;
  /**
   * where uploads go: an S3-compatible bucket when S3_* are set, else the database with server PostgreSQL
   * (every instance reads them), else DATA_DIR
   */
  files: FileStore;
  /** requests per minute per client IP, counted across instances; 0 = off */
  rateLimitPerMinute: number;
  /** rate-limit counters in Redis instead of the database */
  redisUrl?: string;
}

/** A secret kept in DATA_DIR when none is given, so sessions survive restarts of a dev install. */
function persistedSecret(dataDir: string): string {
  const file = join(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === 'production' && !e.PUBLIC_URL)
    throw new Error(
      'Invalid configuration:\n  PUBLIC_URL: required when NODE_ENV=production (the address in emailed links, e.g. https://itda.example.kr)',
    );
  const dataDir = resolve(e.DATA_DIR);
  const s3 = s3Config(e);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL,
    dataDir,
    sessionSecret: e.SESSION_SECRET ?? persistedSecret(dataDir),
    demo: e.ITDA_DEMO === '1',
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1',
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    bodyLimitBytes: e.BODY_LIMIT_KB * 1024,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, '') ?? `http://localhost:${e.PORT}`,
    partnerInvitesPerDay: e.PARTNER_INVITES_PER_DAY,
    bootstrapAdmin:
      e.ITDA_ADMIN_EMAIL && e.ITDA_ADMIN_PASSWORD
        ? { email: e.ITDA_ADMIN_EMAIL, password: e.ITDA_ADMIN_PASSWORD }
        : undefined,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    files: s3 ? { kind: 's3', dataDir, s3 } : { kind: e.DATABASE_URL ? 'db' : 'local', dataDir },
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    redisUrl: e.REDIS_URL,
  };
}
