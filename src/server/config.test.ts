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
