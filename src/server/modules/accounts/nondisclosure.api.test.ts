import { describe, expect, it } from 'vitest';
import { seedBrn } from '../../../demo/load';
import { setupTestApp } from '../../test/app';

const t = setupTestApp({ firms: 20 });

/** What an anonymous caller learns from an answer: status, code and message (ko and en). */
async function answer(url: string, payload: object) {
  const out = [];
  for (const lang of ['ko', 'en']) {
    const res = await t().app.inject({ method: 'POST', url, payload, headers: { 'accept-language': lang } });
    out.push({ status: res.statusCode, code: res.json().error?.code, message: res.json().error?.message });
  }
  return out;
}

describe('anonymous callers learn nothing about accounts or firms (issue 9)', () => {
  it('login lock-out answers the same for an unknown e-mail as for an account', async () => {
    const admin = await t().loginAs('admin');
    const known = `known-${Date.now()}@example.kr`;
    const created = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { email: known, name: '있는 계정', role: 'sme', password: 'Haneul-Dari-2048' },
    });
    expect(created.statusCode).toBe(201);
    const unknown = `nobody-${Date.now()}@example.kr`;
    const seq = async (email: string) => {
      const out = [];
      // each answer() makes two attempts (ko, en): 4 rounds = 8 failures, through the lock
      for (let i = 0; i < 4; i++)
        out.push(await answer('/api/auth/login', { email, password: 'wrong-password-1' }));
      return out.flat();
    };
    const a = await seq(known);
    const b = await seq(unknown);
    expect(a.map((x) => x.code)).toContain('account_locked');
    expect(b).toEqual(a);
    // still locked for both, with the right password too (for the account)
    const right = await answer('/api/auth/login', { email: known, password: 'Haneul-Dari-2048' });
    const none = await answer('/api/auth/login', { email: unknown, password: 'Haneul-Dari-2048' });
    expect(right[0].code).toBe('account_locked');
    expect(none).toEqual(right);
  });

  it('claims and registrations need an account: the same answer for a registered and a new BRN', async () => {
    const registered = await answer('/api/me/companies/claim', { brn: seedBrn(1) });
    const unregistered = await answer('/api/me/companies/claim', { brn: '2208162517' });
    expect(registered[0].status).toBe(401);
    expect(unregistered).toEqual(registered);
    const r1 = await answer('/api/me/companies', { brn: seedBrn(1), name: 'x' });
    const r2 = await answer('/api/me/companies', { brn: '2208162517', name: 'x' });
    expect(r1[0].status).toBe(401);
    expect(r2).toEqual(r1);
  });
});
