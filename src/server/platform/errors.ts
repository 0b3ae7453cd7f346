/**
 * The only errors services throw. One handler (platform/error-handler.ts) renders them as
 * `{ error: { code, message, fields?, requestId }, ...data }` in the request's language.
 */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Message keys live in platform/messages.ts; `params` fill `{name}` placeholders. `data`: more of the
 * answer, rendered beside `error` in the body (e.g. the report of a refused import: `{ error, report }`).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fields?: FieldError[],
    readonly data?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export class ValidationError extends AppError {
  constructor(
    code = 'validation_failed',
    fields?: FieldError[],
    params?: Record<string, string | number>,
    data?: Record<string, unknown>,
  ) {
    super(422, code, params, fields, data);
  }
}
export class BadRequestError extends AppError {
  constructor(code = 'bad_request', params?: Record<string, string | number>) {
    super(400, code, params);
  }
}
export class UnauthorizedError extends AppError {
  constructor(code = 'unauthorized') {
    super(401, code);
  }
}
export class ForbiddenError extends AppError {
  constructor(code = 'forbidden') {
    super(403, code);
  }
}
export class NotFoundError extends AppError {
  constructor(entity = 'record') {
    super(404, 'not_found', { entity });
  }
}
export class ConflictError extends AppError {
  constructor(code = 'conflict', params?: Record<string, string | number>) {
    super(409, code, params);
  }
}
export class RateLimitedError extends AppError {
  constructor(code = 'rate_limited', params?: Record<string, string | number>) {
    super(429, code, params);
  }
}
