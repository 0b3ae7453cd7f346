import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../test/app';

const t = setupTestApp({ firms: 10 });

describe('Cache-Control on /api responses', () => {
  it('personal data and tokens are no-store', async () => {
    const s = await t().loginAs('manager');
    const [firm] = await t().handle.query<{ id: string }>('SELECT id FROM companies ORDER BY brn LIMIT 1');
    for (const url of ['/api/auth/me', `/api/companies/${firm.id}`, '/api/companies']) {
      const res = await s.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    const login = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'manager@demo.itda.kr', password: 'itda-demo-2021!' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const anonMe = await t().app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(anonMe.headers['cache-control']).toBe('no-store');
  });

  it('errors are no-store too', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/companies' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['cache-control']).toBe('no-store');
    const missing = await t().app.inject({ method: 'GET', url: '/api/no-such-route' });
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('public lists asked without a session may be stored but must be revalidated (no-cache)', async () => {
    for (const url of ['/api/programs', '/api/calls', '/api/health']) {
      const res = await t().app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    // the same list asked with a session is no-store (it may differ per role)
    const s = await t().loginAs('manager');
    const res = await s.inject({ method: 'GET', url: '/api/calls' });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
