import { currentLang } from '../i18n';

/** A server error rendered as `{ error: { code, message, fields?, requestId } }`. */
export interface ApiFieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: ApiFieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

let csrfToken: string | null = null;
/** Kept from GET /api/auth/me and the login/sign-up responses; sent as x-csrf-token on unsafe methods. */
export function setCsrfToken(token: string | null | undefined) {
  csrfToken = token ?? null;
}

type Unauthorized = () => void;
let onUnauthorized: Unauthorized = () => {};
/** Called when a request comes back 401 (session expired or signed out elsewhere). */
export function setUnauthorizedHandler(fn: Unauthorized) {
  onUnauthorized = fn;
}

export type QueryValue = string | number | boolean | null | undefined | readonly string[];
export type Query = Record<string, QueryValue>;

/** Builds `?a=1&b=x,y`; empty values are left out, arrays are joined with commas. */
export function toSearch(query?: Query): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) {
      if (v.length) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RequestOptions {
  query?: Query;
  /** JSON body, or FormData for multipart uploads */
  body?: unknown;
  signal?: AbortSignal;
  /** extra request headers (e.g. Idempotency-Key) */
  headers?: Record<string, string>;
}

async function ensureCsrf() {
  if (csrfToken) return;
  const res = await fetch('/api/auth/me', {
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
  });
  if (res.ok) setCsrfToken(((await res.json()) as { csrfToken: string | null }).csrfToken);
}

async function toApiError(res: Response): Promise<ApiError> {
  let payload: unknown;
  try {
    payload = await res.json();
  } catch {
    payload = undefined;
  }
  const e = (
    payload as { error?: { code?: string; message?: string; fields?: ApiFieldError[]; requestId?: string } }
  )?.error;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    return new ApiError(res.status, e.code, e.message ?? e.code, e.fields ?? [], e.requestId);
  }
  return new ApiError(res.status, res.status >= 500 ? 'internal' : 'bad_request', res.statusText || 'Error');
}

/** Sends one request; resolves the raw Response on success, throws ApiError otherwise. */
export async function send(method: string, path: string, opts: RequestOptions = {}, retried = false) {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': currentLang(),
    ...opts.headers,
  };
  const unsafe = UNSAFE.has(method);
  if (unsafe) {
    await ensureCsrf();
    if (csrfToken) headers['x-csrf-token'] = csrfToken;
  }
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  let res: Response;
  try {
    res = await fetch(`/api${path}${toSearch(opts.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'network',
      currentLang() === 'ko' ? '서버에 연결할 수 없습니다.' : 'Cannot reach the server.',
    );
  }
  if (res.ok) return res;
  const error = await toApiError(res);
  if (error.code === 'csrf_failed' && !retried) {
    // The token rotates with the session (e.g. after signing in in another tab): fetch it and retry once.
    setCsrfToken(null);
    return send(method, path, opts, true);
  }
  if (res.status === 401) onUnauthorized();
  throw error;
}

/** JSON request helper. */
export async function api<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const res = await send(method, path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string, query?: Query, signal?: AbortSignal) =>
  api<T>('GET', path, { query, signal });
export const post = <T>(path: string, body?: unknown, query?: Query) => api<T>('POST', path, { body, query });
export const patch = <T>(path: string, body?: unknown) => api<T>('PATCH', path, { body });

/** Downloads a file response (export) and hands it to the browser. */
export async function download(path: string, query?: Query): Promise<string> {
  const res = await send('GET', path, { query });
  const blob = await res.blob();
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd);
  const filename = m ? decodeURIComponent(m[1] ?? m[2]) : 'download';
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return filename;
}
