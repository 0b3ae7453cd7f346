import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { DbHandle } from './db/client';
import { installModules } from './modules';
import { authPlugin } from './platform/auth/plugin';
import { registerCacheControl } from './platform/cache-control';
import { registerDocs } from './platform/docs';
import { registerErrorHandling, registerNotFound } from './platform/error-handler';
import type { JobRunner } from './platform/jobs';
import { MailSender, smtpTransport } from './platform/mail';
import type { InstalledModules } from './platform/module';
import { registerRateLimit } from './platform/rate-limit';
import { registerWeb } from './platform/web';

export interface AppDeps {
  config: Config;
  handle: DbHandle;
  jobs: JobRunner;
  /** serve the built web app from dist/web (off in API tests) */
  serveWeb?: boolean;
  /** requests per minute per IP (default: config.rateLimitPerMinute); 0 disables (tests) */
  rateLimitPerMinute?: number;
  /** the outbox sender (platform/mail.ts); by default one over SMTP_URL when it is set, started at listen */
  mail?: MailSender | false;
  /** the installed modules (default: installModules(), the full list) */
  modules?: InstalledModules;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps & { modules: InstalledModules };
    /** delivers the outbox while the app listens; undefined without SMTP_URL */
    mailSender?: MailSender;
  }
}

/** Builds the Fastify instance with plugins in a fixed order; no listen(). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  // One hop: the address our proxy saw, not whatever a client wrote into X-Forwarded-For itself.
  const trustProxy = config.trustProxy ? (_address: string, hop: number) => hop < 1 : false;
  const app = Fastify({
    logger:
      config.logLevel === 'silent'
        ? false
        : {
            level: config.logLevel,
            redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
          },
    bodyLimit: config.bodyLimitBytes,
    trustProxy,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const installed = deps.modules ?? installModules();
  app.decorate('deps', { ...deps, modules: installed });
  registerErrorHandling(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  registerCacheControl(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const perMinute = deps.rateLimitPerMinute ?? config.rateLimitPerMinute;
  if (perMinute > 0)
    await registerRateLimit(app, { handle: deps.handle, perMinute, redisUrl: config.redisUrl });
  await app.register(cookie, { secret: config.sessionSecret });
  await app.register(multipart, {
    limits: { fileSize: config.maxUploadBytes, files: 5, fields: 20, parts: 30 },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'itda API',
        description: '잇다 — 중소기업 디지털 전환·AI 도입 지원 플랫폼 API',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'itda_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(authPlugin, { db: deps.handle.db });

  await app.register(
    async (api) => {
      for (const routes of installed.routes) await api.register(routes);
    },
    { prefix: '/api' },
  );
  // Mail: without SMTP_URL nothing is sent (the outbox waits in the 발송함 page).
  const sender =
    deps.mail === false
      ? undefined
      : (deps.mail ??
        (config.smtpUrl
          ? new MailSender(deps.handle.db, {
              transport: smtpTransport(config.smtpUrl),
              from: config.mailFrom,
              log: (msg, err) => app.log.warn({ err }, msg),
            })
          : undefined));
  if (sender) {
    app.decorate('mailSender', sender);
    app.addHook('onListen', async () => sender.start());
    app.addHook('onClose', async () => sender.stop());
  }
  await registerDocs(app);
  // One not-found handler: the web app's (SPA fallback) when it is served, else the plain 404.
  if (!(deps.serveWeb && (await registerWeb(app)))) registerNotFound(app);
  return app;
}
