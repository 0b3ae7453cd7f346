import { describe, expect, it } from 'vitest';
import { setupTestApp } from '../../test/app';

const t = setupTestApp({ firms: 20 });

describe('health', () => {
  it('answers with the database kind, its clock, and whether this is a demo install', async () => {
    const res = await t().app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', demo: true });
    expect(['pglite', 'pg']).toContain(res.json().database);
    t().config.demo = false;
    try {
      expect((await t().app.inject({ method: 'GET', url: '/api/health' })).json().demo).toBe(false);
    } finally {
      t().config.demo = true;
    }
  });
});
