import { createHash, createHmac } from 'node:crypto';
import { Readable } from 'node:stream';

/**
 * The S3-compatible object store behind `FileStore` kind `s3` (AWS S3, MinIO, Ceph RGW, Cloudflare R2,
 * NCP/NHN Object Storage, …): PUT, GET (streamed), HEAD and DELETE of one object, signed with AWS
 * Signature Version 4 over `fetch`. No SDK: four calls need ~150 lines, not a hundred packages.
 */
export interface S3Config {
  /** e.g. https://s3.ap-northeast-2.amazonaws.com or http://127.0.0.1:9000 (MinIO) */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** `endpoint/bucket/key` (MinIO and most self-hosted servers) instead of `bucket.endpoint/key` */
  forcePathStyle: boolean;
}

export class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'S3Error';
  }
}

/** SHA-256 of an empty body, and the marker for a body that is not hashed (a stream). */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** RFC 3986 encoding as SigV4 wants it: everything but A-Z a-z 0-9 - _ . ~ (and `/` in paths). */
export function uriEncode(s: string, keepSlash = false): string {
  return encodeURIComponent(s)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(keepSlash ? /%2F/g : /$^/, '/');
}

/** `20130524T000000Z` */
export const amzDate = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/**
 * Signs a request (AWS Signature Version 4, service `s3`): returns the headers to send — the given ones
 * plus host, x-amz-date, x-amz-content-sha256 and Authorization. Every given header is signed.
 */
export function signV4(req: {
  method: string;
  url: URL;
  headers?: Record<string, string>;
  payloadHash: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  date?: Date;
  service?: string;
}): Record<string, string> {
  const service = req.service ?? 's3';
  const stamp = amzDate(req.date ?? new Date());
  const day = stamp.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers ?? {})) headers[k.toLowerCase()] = v;
  headers.host = req.url.host;
  headers['x-amz-date'] = stamp;
  headers['x-amz-content-sha256'] = req.payloadHash;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, ' ')}\n`).join('');
  const signedHeaders = names.join(';');
  const query = [...req.url.searchParams.entries()]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  // the path as sent: already encoded once by S3Client.url (S3 does not encode it twice)
  const canonicalRequest = [
    req.method,
    req.url.pathname || '/',
    query,
    canonicalHeaders,
    signedHeaders,
    req.payloadHash,
  ].join('\n');
  const scope = `${day}/${req.region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', stamp, scope, sha256Hex(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${req.secretAccessKey}`, day), req.region), service), 'aws4_request');
  const signature = createHmac('sha256', key).update(stringToSign).digest('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${req.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return headers;
}

export class S3Client {
  constructor(readonly config: S3Config) {}

  /** The object's address: path style `endpoint/bucket/key`, else virtual-hosted `bucket.host/key`. */
  url(key: string): URL {
    const base = new URL(this.config.endpoint);
    const path = base.pathname.replace(/\/+$/, '');
    if (this.config.forcePathStyle)
      base.pathname = `${path}/${uriEncode(this.config.bucket)}/${uriEncode(key, true)}`;
    else {
      base.hostname = `${this.config.bucket}.${base.hostname}`;
      base.pathname = `${path}/${uriEncode(key, true)}`;
    }
    return base;
  }

  private async send(method: string, key: string, body?: Buffer, headers: Record<string, string> = {}) {
    const url = this.url(key);
    const signed = signV4({
      method,
      url,
      headers,
      payloadHash: body ? sha256Hex(body) : EMPTY_SHA256,
      accessKeyId: this.config.accessKeyId,
      secretAccessKey: this.config.secretAccessKey,
      region: this.config.region,
    });
    delete signed.host; // fetch sets it (the same value)
    return fetch(url, { method, headers: signed, body: body ? new Uint8Array(body) : undefined });
  }

  private async fail(res: Response, what: string): Promise<never> {
    const text = res.body ? await res.text().catch(() => '') : '';
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? `HTTP${res.status}`;
    throw new S3Error(res.status, code, `S3 ${what}: ${res.status} ${code}`);
  }

  async put(key: string, body: Buffer, contentType = 'application/octet-stream'): Promise<void> {
    const res = await this.send('PUT', key, body, { 'content-type': contentType });
    if (!res.ok) await this.fail(res, `PUT ${key}`);
    await res.arrayBuffer();
  }

  /** The object's bytes as a stream; null when there is no such object. */
  async get(key: string): Promise<Readable | null> {
    const res = await this.send('GET', key);
    if (res.status === 404) {
      await res.arrayBuffer().catch(() => {});
      return null;
    }
    if (!res.ok || !res.body) return this.fail(res, `GET ${key}`);
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  }

  /** The object's size, or null when there is none. */
  async head(key: string): Promise<number | null> {
    const res = await this.send('HEAD', key);
    if (res.status === 404) return null;
    if (!res.ok) return this.fail(res, `HEAD ${key}`);
    return Number(res.headers.get('content-length') ?? 0);
  }

  /** Deletes the object (S3 answers 204 also when there was none). */
  async delete(key: string): Promise<void> {
    const res = await this.send('DELETE', key);
    if (!res.ok && res.status !== 404) await this.fail(res, `DELETE ${key}`);
    await res.arrayBuffer().catch(() => {});
  }
}
