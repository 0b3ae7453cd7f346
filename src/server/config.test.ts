import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const base = { SESSION_SECRET: 's'.repeat(40), DATA_DIR: '/tmp/itda-config-test' };

describe('configuration', () => {
  it('PUBLIC_URL is an http(s) address, kept without a trailing slash', () => {
    expect(loadConfig({ ...base, PUBLIC_URL: 'https://itda.example.kr/' }).publicUrl).toBe(
      'https://itda.example.kr',
    );
    expect(loadConfig(base).publicUrl).toBe('http://localhost:3000');
    expect(loadConfig({ ...base, PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'itda.example.kr' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ ...base, PUBLIC_URL: 'ftp://itda.example.kr' })).toThrow(/PUBLIC_URL/);
  });

  it('explains every invalid variable by name', () => {
    expect(() => loadConfig({ ...base, PORT: 'x', SESSION_SECRET: 'short' })).toThrow(
      /PORT[\s\S]*SESSION_SECRET/,
    );
  });

  it("MIGRATION_DATABASE_URL (the tables' owner) is a postgres:// address, optional", () => {
    const url = 'postgres://itda_owner@db:5432/itda';
    expect(loadConfig({ ...base, MIGRATION_DATABASE_URL: url }).migrationDatabaseUrl).toBe(url);
    expect(loadConfig(base).migrationDatabaseUrl).toBeUndefined();
    expect(() => loadConfig({ ...base, MIGRATION_DATABASE_URL: 'mysql://db/itda' })).toThrow(
      /MIGRATION_DATABASE_URL/,
    );
  });
});

describe('mail configuration', () => {
  it('SMTP_URL is an smtp(s) address; without it mail stays in the outbox', () => {
    expect(loadConfig({ ...base, SMTP_URL: 'smtp://user:pass@mail.example.kr:587' }).smtpUrl).toBe(
      'smtp://user:pass@mail.example.kr:587',
    );
    expect(loadConfig(base).smtpUrl).toBeUndefined();
    expect(loadConfig(base).mailFrom).toMatch(/no-reply@/);
    expect(() => loadConfig({ ...base, SMTP_URL: 'mail.example.kr:25' })).toThrow(/SMTP_URL/);
  });

  it('keeps uploads in the database with server PostgreSQL, in DATA_DIR otherwise; rate limit 0 turns it off', () => {
    expect(loadConfig(base).files).toEqual({ kind: 'local', dataDir: '/tmp/itda-config-test' });
    expect(loadConfig({ ...base, DATABASE_URL: 'postgres://localhost/itda' }).files.kind).toBe('db');
    expect(loadConfig(base).rateLimitPerMinute).toBe(1200);
    expect(loadConfig({ ...base, RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
    expect(() => loadConfig({ ...base, RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
    expect(() => loadConfig({ ...base, REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL/);
  });

  it('refuses to start in production without PUBLIC_URL (links never use the request Host header)', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(
      /PUBLIC_URL: required when NODE_ENV=production/,
    );
    expect(
      loadConfig({ ...base, NODE_ENV: 'production', PUBLIC_URL: 'https://itda.example.kr' }).publicUrl,
    ).toBe('https://itda.example.kr');
  });

  it('caps partner invitations per day, 100 unless PARTNER_INVITES_PER_DAY says otherwise', () => {
    expect(loadConfig(base).partnerInvitesPerDay).toBe(100);
    expect(loadConfig({ ...base, PARTNER_INVITES_PER_DAY: '5' }).partnerInvitesPerDay).toBe(5);
    expect(() => loadConfig({ ...base, PARTNER_INVITES_PER_DAY: '-1' })).toThrow(/PARTNER_INVITES_PER_DAY/);
  });
});
