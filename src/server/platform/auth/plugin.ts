import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../../db/client';
import type { Actor } from '../actor';
import { ForbiddenError, UnauthorizedError } from '../errors';
import { CSRF_COOKIE, CSRF_HEADER, resolveSession, SESSION_COOKIE } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    csrfToken?: string;
  }
}

/** Constant-time comparison of the CSRF header with the session's token. */
function sameToken(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes that create a session may be called without one (protected by SameSite + JSON content type). */
const CSRF_EXEMPT = new Set(['/api/auth/login', '/api/auth/signup', '/api/auth/signup/verify']);

export function cookieOptions(request: FastifyRequest, httpOnly: boolean, expires?: Date) {
  return {
    path: '/',
    httpOnly,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(expires ? { expires } : {}),
  };
}

export function clearAuthCookies(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, true));
  reply.clearCookie(CSRF_COOKIE, cookieOptions(request, false));
}

/** Resolves the session cookie into `request.actor` and checks CSRF on state-changing requests. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Database }) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.addHook('onRequest', async (request, reply) => {
    const anonymous: Actor = {
      role: 'public',
      companyIds: [],
      associationIds: [],
      ip: request.ip,
      requestId: request.id,
    };
    request.actor = anonymous;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || !request.url.startsWith('/api/')) return;
    const s = await resolveSession(opts.db, token);
    if (s === 'expired' || !s) {
      clearAuthCookies(request, reply);
      if (
        s === 'expired' &&
        !SAFE_METHODS.has(request.method) &&
        !CSRF_EXEMPT.has(request.routeOptions.url ?? '')
      )
        throw new UnauthorizedError('session_expired');
      return;
    }
    request.actor = {
      userId: s.userId,
      role: s.role,
      name: s.name,
      email: s.email,
      companyIds: s.companyIds,
      associationIds: s.associationIds,
      sessionId: s.sessionId,
      ip: request.ip,
      requestId: request.id,
    };
    request.csrfToken = s.csrfToken;
    if (!SAFE_METHODS.has(request.method) && !CSRF_EXEMPT.has(request.routeOptions.url ?? '')) {
      if (!sameToken(request.headers[CSRF_HEADER], s.csrfToken)) throw new ForbiddenError('csrf_failed');
    }
  });
});
