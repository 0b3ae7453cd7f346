import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendError } from './error-handler';

/** Finds dist/web from src (tsx) or dist/server (bundled). */
export function webRoot(): string | undefined {
  // ITDA_WEB_DIR: a web build elsewhere (e.g. `vite build --outDir /tmp/web-x` for a parallel browser test run)
  const override = process.env.ITDA_WEB_DIR;
  if (override) return existsSync(join(override, 'index.html')) ? override : undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dist/web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/** Serves the built React app; unknown non-API paths get index.html (client-side routing). */
export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  const root = webRoot();
  if (!root) {
    app.log.warn('dist/web not found: run `npm run build` to serve the web app');
    return false;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    maxAge: '1h',
    setHeaders(res, path) {
      if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0];
    if (request.method === 'GET' && !url.startsWith('/api/') && !/\.[a-z0-9]{1,5}$/i.test(url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(request, reply, 404, 'route_not_found');
  });
  return true;
}
