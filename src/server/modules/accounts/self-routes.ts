import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { clearAuthCookies } from '../../platform/auth/plugin';
import { mailOrigin } from '../../platform/mail';
import { okResponse } from './contract';
import {
  acceptedResponse,
  accountDeleteBody,
  accountPatchBody,
  accountResponse,
  marketingConsentBody,
  passwordChangeBody,
  passwordResetBody,
  passwordResetConfirmBody,
} from './self-contract';
import * as svc from './self-service';

/** Password reset requests per IP per 15 minutes (the per-account limit is in the database). */
const resetRateLimit = { rateLimit: { max: 10, timeWindow: 15 * 60_000 } };
const authRateLimit = { rateLimit: { max: 30, timeWindow: 60_000 } };

export const selfServiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;
  const { config } = app.deps;
  const origin = mailOrigin(config);

  app.post(
    '/auth/password-reset',
    {
      config: resetRateLimit,
      schema: {
        tags: ['auth'],
        summary: '비밀번호 재설정 메일 요청 / Request a password-reset mail',
        description:
          'Always answers 202, whether or not the address has an account; the link is valid 30 minutes, once.',
        body: passwordResetBody,
        response: { 202: acceptedResponse },
      },
    },
    async (request, reply) => {
      await svc.requestPasswordReset({
        db,
        email: request.body.email,
        origin,
        meta: { ip: request.ip },
        requestId: request.id,
      });
      reply.status(202);
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: authRateLimit,
      schema: {
        tags: ['auth'],
        summary: '새 비밀번호 설정(재설정 링크) / Set a new password with a reset link',
        body: passwordResetConfirmBody,
        response: { 200: okResponse },
      },
    },
    async (request, reply) => {
      await svc.confirmPasswordReset({
        db,
        input: request.body,
        meta: { ip: request.ip },
        requestId: request.id,
      });
      // Every session of the account ended, this browser's included.
      clearAuthCookies(request, reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/account',
    { schema: { tags: ['account'], summary: '내 정보 / My account', response: { 200: accountResponse } } },
    async (request) => svc.getAccount({ db, actor: request.actor }),
  );

  app.patch(
    '/account',
    {
      schema: {
        tags: ['account'],
        summary: '내 정보 수정(이름·전화) / Edit my profile',
        body: accountPatchBody,
        response: { 200: accountResponse },
      },
    },
    async (request) => svc.patchAccount({ db, actor: request.actor, input: request.body }),
  );

  app.post(
    '/account/password',
    {
      config: authRateLimit,
      schema: {
        tags: ['account'],
        summary: '비밀번호 변경(다른 기기 로그아웃) / Change password (ends other sessions)',
        body: passwordChangeBody,
        response: { 200: okResponse },
      },
    },
    async (request) => {
      await svc.changePassword({ db, actor: request.actor, input: request.body });
      return { ok: true as const };
    },
  );

  app.post(
    '/account/consents/marketing',
    {
      schema: {
        tags: ['account'],
        summary: '사업 안내 수신 동의·철회 / Grant or withdraw marketing consent',
        body: marketingConsentBody,
        response: { 200: accountResponse },
      },
    },
    async (request) => svc.setMarketingConsent({ db, actor: request.actor, granted: request.body.granted }),
  );

  app.post(
    '/account/delete',
    {
      config: authRateLimit,
      schema: {
        tags: ['account'],
        summary: '회원탈퇴 / Leave (delete my account)',
        body: accountDeleteBody,
        response: { 200: okResponse },
      },
    },
    async (request, reply) => {
      await svc.deleteAccount({ db, actor: request.actor, password: request.body.password });
      clearAuthCookies(request, reply);
      return { ok: true as const };
    },
  );
};
