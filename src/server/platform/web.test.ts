import { describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { freshDatabase } from '../test/db';
import { JobRunner } from './jobs';
import { webRoot } from './web';

describe('serving the web app', () => {
  it('builds with the web app on (one not-found handler) and falls back to index.html for pages only', async () => {
    const handle = await freshDatabase();
    try {
      const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', SESSION_SECRET: 'w'.repeat(40) });
      const app = await buildApp({
        config,
        handle,
        jobs: new JobRunner(handle.db),
        serveWeb: true,
        rateLimitPerMinute: 0,
      });
      const api = await app.inject({ method: 'GET', url: '/api/nope' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('route_not_found');
      if (webRoot()) {
        const page = await app.inject({ method: 'GET', url: '/companies/123' });
        expect(page.statusCode).toBe(200);
        expect(page.headers['content-type']).toContain('text/html');
        expect((await app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
      }
      await app.close();
    } finally {
      await handle.close();
    }
  });
});
