import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Environment variables, validated once. Documented in README "Configuration". */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('localhost'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
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
});

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl?: string;
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
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
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
  };
}
