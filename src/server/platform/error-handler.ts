import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors';
import { message, pickLang, zodFieldMessage } from './messages';

/**
 * Renders every error as `{ error: { code, message, fields?, requestId }, ...data }` (`data`: an
 * AppError's extra answer, such as an import's report); never a stack trace.
 */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  params: Record<string, string | number> = {},
  fields?: FieldError[],
  data?: Record<string, unknown>,
) {
  const lang = pickLang(request.headers['accept-language']);
  return reply.status(status).send({
    ...data,
    error: {
      code,
      message: message(code, lang, params),
      ...(fields?.length ? { fields } : {}),
      requestId: request.id,
    },
  });
}

/** Fastify's own error codes mapped to ours. */
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'invalid_json'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body_too_large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request'],
  FST_REQ_FILE_TOO_LARGE: [413, 'body_too_large'],
  FST_PARTS_LIMIT: [413, 'body_too_large'],
  FST_FILES_LIMIT: [413, 'body_too_large'],
  FST_INVALID_MULTIPART_CONTENT_TYPE: [415, 'unsupported_media_type'],
  FST_ERR_VALIDATION: [400, 'validation_failed'],
};

/**
 * SQLSTATEs caused by the values a client sent (a NUL character, 2021-02-30, year 0, too long, bad
 * number) rather than by a bug: 400, not 500.
 */
const CLIENT_DATA_ERRORS = new Set(['22001', '22003', '22007', '22008', '22021', '22P02', '22P05']);

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const lang = pickLang(request.headers['accept-language']);
    if (err instanceof AppError) {
      const fields = err.fields?.map((f) => ({
        path: f.path,
        message: zodFieldMessage('custom', f.message, lang),
      }));
      return sendError(request, reply, err.status, err.code, err.params, fields, err.data);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const ctx = (err as { validationContext?: string }).validationContext ?? 'body';
      const fields = err.validation.map((v) => {
        const p = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return {
          path:
            ctx === 'body' ? p || '(body)' : `${ctx === 'querystring' ? 'query' : ctx}${p ? `.${p}` : ''}`,
          message: zodFieldMessage(v.keyword, v.message ?? '', lang),
        };
      });
      return sendError(request, reply, 400, 'validation_failed', {}, fields);
    }
    const pgCode = postgresCode(err);
    if (pgCode === '23505') return sendError(request, reply, 409, 'conflict');
    if (pgCode && CLIENT_DATA_ERRORS.has(pgCode)) return sendError(request, reply, 400, 'bad_request');
    if (err.code === 'FST_ERR_RATE_LIMIT' || err.statusCode === 429) {
      return sendError(request, reply, 429, 'rate_limited');
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return sendError(request, reply, mapped[0], mapped[1]);
    if (
      !isResponseSerializationError(err) &&
      err.statusCode &&
      err.statusCode >= 400 &&
      err.statusCode < 500
    ) {
      return sendError(request, reply, err.statusCode, 'bad_request');
    }
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, 500, 'internal');
  });
}

/** 404 for unknown routes (the web plugin installs its own, SPA-aware, handler instead). */
export function registerNotFound(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => sendError(request, reply, 404, 'route_not_found'));
}

/** SQLSTATE of a database error, also when wrapped by Drizzle (`cause`). */
export function postgresCode(err: unknown): string | undefined {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as never, i++
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}
