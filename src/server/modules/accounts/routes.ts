import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSENT_TEXTS, CONSENT_VERSION } from '../../../shared/consents';
import { uuidParam } from '../../../shared/validators';
import { clearAuthCookies, cookieOptions } from '../../platform/auth/plugin';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/sessions';
import {
  accessLogQuery,
  accessLogResponse,
  associationCreateBody,
  associationSchema,
  associationsResponse,
  loginBody,
  meResponse,
  okResponse,
  roleChangesResponse,
  signupBody,
  userCreateBody,
  userListQuery,
  userListResponse,
  userPatchBody,
  userSchema,
} from './contract';
import * as svc from './service';

const meta = (r: FastifyRequest) => ({ ip: r.ip, userAgent: r.headers['user-agent'] });

function setSessionCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  s: { token: string; csrfToken: string; expiresAt: Date },
) {
  reply.setCookie(SESSION_COOKIE, s.token, cookieOptions(request, true, s.expiresAt));
  reply.setCookie(CSRF_COOKIE, s.csrfToken, cookieOptions(request, false, s.expiresAt));
}

const authRateLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;

  app.post(
    '/auth/login',
    {
      config: authRateLimit,
      schema: { tags: ['auth'], summary: '로그인 / Sign in', body: loginBody, response: { 200: meResponse } },
    },
    async (request, reply) => {
      if (request.actor.sessionId) await svc.logout({ db, actor: request.actor });
      const { user, session } = await svc.login({ db, input: request.body, meta: meta(request) });
      setSessionCookies(request, reply, session);
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          isDemo: user.isDemo,
          ...(await svc.loadMemberships(db, user.id)),
        },
        csrfToken: session.csrfToken,
      };
    },
  );

  app.post(
    '/auth/signup',
    {
      config: authRateLimit,
      schema: {
        tags: ['auth'],
        summary: '회원가입 / Sign up',
        body: signupBody,
        response: { 201: meResponse },
      },
    },
    async (request, reply) => {
      const { user, session } = await svc.signup({ db, input: request.body, meta: meta(request) });
      setSessionCookies(request, reply, session);
      reply.status(201);
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          role: user.role,
          companyIds: [],
          associationIds: [],
          isDemo: false,
        },
        csrfToken: session.csrfToken,
      };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: '로그아웃 / Sign out', response: { 200: okResponse } } },
    async (request, reply) => {
      await svc.logout({ db, actor: request.actor });
      clearAuthCookies(request, reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout-all',
    {
      schema: {
        tags: ['auth'],
        summary: '모든 기기에서 로그아웃 / Sign out everywhere',
        response: { 200: okResponse },
      },
    },
    async (request, reply) => {
      await svc.logoutEverywhere({ db, actor: request.actor });
      clearAuthCookies(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], summary: '현재 사용자 / Current user', response: { 200: meResponse } } },
    async (request) => ({
      user: await svc.loadSessionUser(db, request.actor),
      csrfToken: request.csrfToken ?? null,
    }),
  );

  app.get(
    '/auth/consents',
    {
      schema: {
        tags: ['auth'],
        summary: '가입 동의 문구 / Consent texts',
        response: { 200: z.object({ version: z.string(), texts: z.record(z.string(), z.unknown()) }) },
      },
    },
    async () => ({ version: CONSENT_VERSION, texts: CONSENT_TEXTS }),
  );

  app.get(
    '/users',
    {
      schema: {
        tags: ['accounts'],
        summary: '계정 목록 / Accounts',
        querystring: userListQuery,
        response: { 200: userListResponse },
      },
    },
    async (request) => svc.listUsers({ db, actor: request.actor, input: request.query }),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['accounts'],
        summary: '계정 생성 / Create account',
        body: userCreateBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return svc.createUser({ db, actor: request.actor, input: request.body });
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: '계정 변경(역할·사용중지·잠금해제) / Change account',
        params: uuidParam,
        body: userPatchBody,
        response: { 200: userSchema },
      },
    },
    async (request) =>
      svc.patchUser({ db, actor: request.actor, id: request.params.id, input: request.body }),
  );

  app.get(
    '/users/:id/role-changes',
    {
      schema: {
        tags: ['accounts'],
        summary: '역할 부여·회수 이력 / Role grants and revocations',
        params: uuidParam,
        response: { 200: roleChangesResponse },
      },
    },
    async (request) => svc.listRoleChanges({ db, actor: request.actor, id: request.params.id }),
  );

  app.get(
    '/associations',
    {
      schema: {
        tags: ['accounts'],
        summary: '협단체 목록 / Associations',
        response: { 200: associationsResponse },
      },
    },
    async (request) => svc.listAssociations({ db, actor: request.actor }),
  );

  app.post(
    '/associations',
    {
      schema: {
        tags: ['accounts'],
        summary: '협단체 등록 / Add association',
        body: associationCreateBody,
        response: { 201: associationSchema },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return svc.createAssociation({ db, actor: request.actor, name: request.body.name });
    },
  );

  app.get(
    '/access-log',
    {
      schema: {
        tags: ['accounts'],
        summary: '개인정보 접속기록 / Personal-data access log',
        querystring: accessLogQuery,
        response: { 200: accessLogResponse },
      },
    },
    async (request) => svc.listAccessLog({ db, actor: request.actor, input: request.query }),
  );
};
