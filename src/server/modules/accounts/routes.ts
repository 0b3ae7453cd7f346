import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CONSENT_TEXTS, CONSENT_VERSION } from '../../../shared/consents';
import { uuidParam } from '../../../shared/validators';
import { clearAuthCookies, cookieOptions } from '../../platform/auth/plugin';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/sessions';
import { mailOrigin } from '../../platform/mail';
import {
  accessLogQuery,
  accessLogResponse,
  associationCreateBody,
  associationSchema,
  associationsResponse,
  demoMailboxQuery,
  demoMailboxResponse,
  loginBody,
  meResponse,
  okResponse,
  roleChangesResponse,
  type SignupAccepted,
  signupAcceptedResponse,
  signupBody,
  signupVerifyBody,
  signupVerifyResponse,
  userCreateBody,
  userListQuery,
  userListResponse,
  userPatchBody,
  userSchema,
} from './contract';
import * as svc from './service';
import * as signup from './signup';

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

  /** Sign-up requests per IP per 15 minutes, as for password-reset requests (per address: in the database). */
  const signupRateLimit = { rateLimit: { max: 10, timeWindow: 15 * 60_000 } };
  const { config } = app.deps;
  const origin = mailOrigin(config);
  const demoMailboxOn = config.demo && !config.smtpUrl;
  const delivery: SignupAccepted['delivery'] = config.smtpUrl
    ? 'smtp'
    : demoMailboxOn
      ? 'demo_mailbox'
      : 'outbox';

  app.post(
    '/auth/signup',
    {
      config: signupRateLimit,
      schema: {
        tags: ['auth'],
        summary: '회원가입 요청(확인 메일) / Ask to sign up (confirmation mail)',
        description:
          'Always answers 202 with the same body, whether or not the address is registered: a new address gets a link (24 h, once) that creates the account, a registered one a notice. At most 3 mails per address per hour.',
        body: signupBody,
        response: { 202: signupAcceptedResponse },
      },
    },
    async (request, reply) => {
      await signup.requestSignup({ db, input: request.body, origin, meta: meta(request) });
      reply.status(202);
      return { status: 'check_email' as const, delivery };
    },
  );

  app.post(
    '/auth/signup/verify',
    {
      config: authRateLimit,
      schema: {
        tags: ['auth'],
        summary: '회원가입 완료(메일 링크) / Confirm sign-up with the mailed link',
        body: signupVerifyBody,
        response: { 200: signupVerifyResponse },
      },
    },
    async (request, reply) => {
      const { user, session, next } = await signup.verifySignup({
        db,
        token: request.body.token,
        meta: meta(request),
      });
      if (request.actor.sessionId) await svc.logout({ db, actor: request.actor });
      setSessionCookies(request, reply, session);
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
        next,
      };
    },
  );

  // 데모 메일함: only on demo installs without SMTP, where no mail ever leaves the machine.
  if (demoMailboxOn)
    app.get(
      '/demo/mailbox',
      {
        schema: {
          tags: ['auth'],
          summary: '데모 메일함(시연용 설치에서만) / Demo mailbox (demo installs only)',
          description:
            'Only when the demo world is on and no SMTP_URL is set: the latest sign-up mails to an address. Never password-reset mail.',
          querystring: demoMailboxQuery,
          response: { 200: demoMailboxResponse },
        },
      },
      async (request) => signup.demoMailbox({ db, email: request.query.email }),
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
