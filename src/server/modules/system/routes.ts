import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JOB_STATUSES } from '../../../shared/enums';
import { uuidParam } from '../../../shared/validators';
import { isStaff } from '../../platform/actor';
import { AppError, ForbiddenError, NotFoundError } from '../../platform/errors';
import { mailDelivery } from '../../platform/mail';
import { assertCan } from '../../platform/policy';
import { jobs } from '../../platform/schema';

export const jobSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number(),
  total: z.number(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { handle } = app.deps;

  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '상태 확인 / Health (checks the database)',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.enum(['pglite', 'pg']),
            time: z.string(),
            /** the demo world and its accounts are loaded (ITDA_DEMO=1): the sign-in page offers them */
            demo: z.boolean(),
            /** smtp: mail is sent (SMTP_URL); outbox: no mail server, mail waits in the 발송함 unsent */
            mailDelivery: z.enum(['smtp', 'outbox']),
          }),
        },
      },
    },
    async () => {
      try {
        const [row] = await handle.query<{ now: Date | string }>('SELECT now() AS now');
        return {
          status: 'ok' as const,
          database: handle.kind,
          time: new Date(row.now).toISOString(),
          demo: app.deps.config.demo,
          mailDelivery: mailDelivery(app.deps.config),
        };
      } catch {
        throw new AppError(503, 'internal');
      }
    },
  );

  app.get(
    '/jobs/:id',
    {
      schema: {
        tags: ['system'],
        summary: '작업 진행 상황 / Job progress',
        params: uuidParam,
        response: { 200: jobSchema },
      },
    },
    async (request) => {
      assertCan(request.actor, 'job.read');
      const [j] = await handle.db.select().from(jobs).where(eq(jobs.id, request.params.id));
      if (!j) throw new NotFoundError('job');
      if (j.createdBy !== request.actor.userId && !isStaff(request.actor)) throw new ForbiddenError();
      return {
        id: j.id,
        kind: j.kind,
        status: j.status,
        progress: j.progress,
        total: j.total,
        result: j.result ?? null,
        error: j.error,
        createdAt: j.createdAt.toISOString(),
        finishedAt: j.finishedAt?.toISOString() ?? null,
      };
    },
  );
};
