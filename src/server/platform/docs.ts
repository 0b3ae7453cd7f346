import scalar from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3 at /api/openapi.json and the API reference UI at /docs. */
export async function registerDocs(app: FastifyInstance) {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(scalar, {
    routePrefix: '/docs',
    configuration: { url: '/api/openapi.json', title: 'itda API' },
  });
}
