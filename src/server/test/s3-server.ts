import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { signV4, UNSIGNED_PAYLOAD } from '../platform/files-s3';

/**
 * A minimal S3-compatible server for tests, in the test's process (node:http): path-style PUT, GET, HEAD
 * and DELETE of objects in one bucket, kept in memory. Like S3 it refuses every request whose AWS
 * Signature Version 4 does not verify with its keys (403 SignatureDoesNotMatch / InvalidAccessKeyId)
 * and every body whose SHA-256 is not the signed one (400 XAmzContentSHA256Mismatch); GET streams the
 * object in 64 KB chunks.
 */
export interface FakeS3 {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  objects: Map<string, Buffer>;
  /** `METHOD key` of every request, refused ones included */
  log: string[];
  close(): Promise<void>;
}

const xmlError = (res: ServerResponse, status: number, code: string) => {
  res.writeHead(status, { 'content-type': 'application/xml' });
  res.end(
    `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
  );
};

async function body(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of req) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Checks the request's Authorization against a signature made here over the headers it names. */
function verify(
  req: IncomingMessage,
  s3: Omit<FakeS3, 'close' | 'endpoint' | 'log' | 'objects'>,
): string | null {
  const auth = req.headers.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m) return 'AccessDenied';
  const [, keyId, , region, signedHeaders, signature] = m;
  if (keyId !== s3.accessKeyId) return 'InvalidAccessKeyId';
  if (region !== s3.region) return 'AuthorizationHeaderMalformed';
  const stamp = String(req.headers['x-amz-date'] ?? '');
  const when = Date.parse(stamp.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'));
  if (!Number.isFinite(when) || Math.abs(Date.now() - when) > 15 * 60_000) return 'RequestTimeTooSkewed';
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(';')) {
    if (name === 'host' || name === 'x-amz-date' || name === 'x-amz-content-sha256') continue;
    headers[name] = String(req.headers[name] ?? '');
  }
  const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
  const expected = signV4({
    method: req.method ?? 'GET',
    url,
    headers,
    payloadHash: String(req.headers['x-amz-content-sha256'] ?? ''),
    accessKeyId: s3.accessKeyId,
    secretAccessKey: s3.secretAccessKey,
    region: s3.region,
    date: new Date(when),
  });
  const got = Buffer.from(signature);
  const want = Buffer.from(/Signature=([0-9a-f]{64})$/.exec(expected.authorization)![1]);
  if (expected.authorization.split('SignedHeaders=')[1].split(',')[0] !== signedHeaders)
    return 'AccessDenied';
  return timingSafeEqual(got, want) ? null : 'SignatureDoesNotMatch';
}

export async function startFakeS3(
  opts: { bucket?: string; region?: string; accessKeyId?: string; secretAccessKey?: string } = {},
): Promise<FakeS3> {
  const objects = new Map<string, Buffer>();
  const log: string[] = [];
  const keys = {
    bucket: opts.bucket ?? 'itda-test',
    region: opts.region ?? 'us-east-1',
    accessKeyId: opts.accessKeyId ?? 'ITDATESTKEY',
    secretAccessKey: opts.secretAccessKey ?? 'itda-test-secret-0123456789',
  };
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [, bucket, ...rest] = path.split('/');
    const key = rest.join('/');
    log.push(`${req.method} ${key}`);
    const data = await body(req);
    const refused = verify(req, keys);
    if (refused) return xmlError(res, 403, refused);
    if (bucket !== keys.bucket) return xmlError(res, 404, 'NoSuchBucket');
    const hash = String(req.headers['x-amz-content-sha256']);
    if (hash !== UNSIGNED_PAYLOAD && hash !== createHash('sha256').update(data).digest('hex'))
      return xmlError(res, 400, 'XAmzContentSHA256Mismatch');
    const obj = objects.get(key);
    switch (req.method) {
      case 'PUT':
        objects.set(key, data);
        res.writeHead(200, { etag: `"${createHash('md5').update(data).digest('hex')}"` });
        return res.end();
      case 'HEAD':
        if (!obj) return xmlError(res, 404, 'NoSuchKey');
        res.writeHead(200, { 'content-length': obj.length });
        return res.end();
      case 'GET': {
        if (!obj) return xmlError(res, 404, 'NoSuchKey');
        res.writeHead(200, { 'content-length': obj.length, 'content-type': 'application/octet-stream' });
        const chunks = function* () {
          for (let at = 0; at < obj.length; at += 64 * 1024) yield obj.subarray(at, at + 64 * 1024);
        };
        Readable.from(chunks()).pipe(res);
        return;
      }
      case 'DELETE':
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      default:
        return xmlError(res, 405, 'MethodNotAllowed');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...keys,
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
