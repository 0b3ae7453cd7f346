import type { FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from './auth/sessions';

/**
 * Public GET routes whose answer is the same for every anonymous visitor (no personal data, no
 * tokens): they get `no-cache` (stored, revalidated) when asked without a session. Everything else
 * under /api — personal data, CSRF tokens, anything asked with a session cookie — is `no-store`.
 */
export const PUBLIC_CACHEABLE_ROUTES = new Set([
  '/api/health',
  '/api/openapi.json',
  '/api/programs',
  '/api/calls',
  '/api/calls/:id',
]);

/** `Cache-Control` on every /api response (PIPA 안전성 확보조치: no copies of personal data in caches). */
export function registerCacheControl(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/') && request.url !== '/api') return payload;
    const given = reply.getHeader('cache-control');
    if (typeof given === 'string' && given.includes('no-store')) return payload;
    const anonymous = !request.cookies?.[SESSION_COOKIE];
    const cacheable =
      request.method === 'GET' &&
      anonymous &&
      reply.statusCode < 400 &&
      PUBLIC_CACHEABLE_ROUTES.has(request.routeOptions.url ?? '');
    reply.header('cache-control', cacheable ? 'no-cache' : 'no-store');
    return payload;
  });
}
