import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/client';
import { freshDatabase } from '../../test/db';
import { ensureBootstrapAdmin } from './bootstrap';

let h: DbHandle;
beforeAll(async () => {
  h = await freshDatabase();
});
afterAll(async () => {
  await h.close();
});

describe('bootstrap admin (ITDA_DEMO=0 installs)', () => {
  it('reports a missing admin, refuses weak passwords, creates once', async () => {
    expect(await ensureBootstrapAdmin(h.db, undefined)).toBe('missing');
    await expect(
      ensureBootstrapAdmin(h.db, { email: 'a@agency.kr', password: 'password1234' }),
    ).rejects.toThrow(/password_common/);
    expect(
      await ensureBootstrapAdmin(h.db, { email: 'Admin@Agency.kr', password: 'a-long-unique-secret-42' }),
    ).toBe('created');
    expect(
      await ensureBootstrapAdmin(h.db, { email: 'other@agency.kr', password: 'a-long-unique-secret-42' }),
    ).toBe('exists');
    const rows = await h.query<{ email: string; role: string }>('SELECT email, role FROM users');
    expect(rows).toEqual([{ email: 'admin@agency.kr', role: 'admin' }]);
    const audit = await h.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'user'",
    );
    expect(audit.map((a) => a.action)).toContain('user.bootstrap_admin');
  });
});
