import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { uuidParam } from '../../../shared/validators';
import { mailDelivery } from '../../platform/mail';
import { outboxItem, outboxListQuery, outboxListResponse, outboxMessage } from './contract';
import * as svc from './service';

export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.deps.handle.db;
  const delivery = mailDelivery(app.deps.config);

  app.get(
    '/outbox',
    {
      schema: {
        tags: ['mail'],
        summary: '발송함(메일) / Outgoing mail',
        querystring: outboxListQuery,
        response: { 200: outboxListResponse },
      },
    },
    async (request) => svc.listOutbox({ db, actor: request.actor, input: request.query, delivery }),
  );

  app.get(
    '/outbox/:id',
    {
      schema: {
        tags: ['mail'],
        summary: '메일 보기(열람 기록) / View a message (access logged)',
        params: uuidParam,
        response: { 200: outboxMessage },
      },
    },
    async (request) => svc.getOutboxMessage({ db, actor: request.actor, id: request.params.id }),
  );

  app.post(
    '/outbox/:id/retry',
    {
      schema: {
        tags: ['mail'],
        summary: '실패한 메일 다시 보내기 / Retry a failed message',
        params: uuidParam,
        response: { 200: outboxItem },
      },
    },
    async (request) => svc.retryOutboxMessage({ db, actor: request.actor, id: request.params.id }),
  );
};
