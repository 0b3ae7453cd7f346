import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/accounts';
import { loadDemoWorld } from '../../demo/load';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { type DbHandle, openPg } from '../db/client';
import { sessionFrom } from '../test/app';
import { freshDatabase, type TestDbHandle } from '../test/db';
import { multipartBody, TINY_PDF } from '../test/multipart';
import { type FakeS3, startFakeS3 } from '../test/s3-server';
import { deleteStoredFiles, moveLocalFiles, openUpload, readUpload, saveUpload } from './files';
import { EMPTY_SHA256, S3Client, S3Error, signV4 } from './files-s3';
import { JobRunner } from './jobs';
import { files } from './schema';

/**
 * The S3 file store against an S3-compatible server run in this process (test/s3-server.ts), which
 * verifies every request's Signature Version 4 with its own keys.
 */
let s3: FakeS3;
let h: TestDbHandle;
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'itda-s3-'));
  dirs.push(d);
  return d;
};
const s3Env = () => ({
  S3_ENDPOINT: s3.endpoint,
  S3_BUCKET: s3.bucket,
  S3_ACCESS_KEY_ID: s3.accessKeyId,
  S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  S3_FORCE_PATH_STYLE: '1',
});
const storeOf = (dataDir = tempDir()) =>
  loadConfig({ ...s3Env(), DATA_DIR: dataDir, SESSION_SECRET: 's'.repeat(40) }).files;

beforeAll(async () => {
  s3 = await startFakeS3();
  h = await freshDatabase();
}, 120_000);
afterAll(async () => {
  await h?.close();
  await s3?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('Signature Version 4', () => {
  it('matches the example of the AWS S3 documentation (GET with a Range header)', () => {
    const headers = signV4({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      region: 'us-east-1',
      date: new Date('2013-05-24T00:00:00Z'),
    });
    expect(headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('addresses objects path-style or virtual-hosted, keys encoded once', () => {
    const c = {
      endpoint: 'https://s3.example.kr',
      bucket: 'itda',
      accessKeyId: 'k',
      secretAccessKey: 's',
      region: 'us-east-1',
    };
    expect(new S3Client({ ...c, forcePathStyle: true }).url('files/a b+c').href).toBe(
      'https://s3.example.kr/itda/files/a%20b%2Bc',
    );
    expect(new S3Client({ ...c, forcePathStyle: false }).url('files/x').href).toBe(
      'https://itda.s3.example.kr/files/x',
    );
  });

  it('the server refuses a wrong secret or an unknown key, and accepts the right ones', async () => {
    const cfg = storeOf().s3!;
    const wrong = new S3Client({ ...cfg, secretAccessKey: `${cfg.secretAccessKey}x` });
    await expect(wrong.put('files/probe', Buffer.from('x'))).rejects.toMatchObject({
      status: 403,
      code: 'SignatureDoesNotMatch',
    });
    await expect(new S3Client({ ...cfg, accessKeyId: 'NOBODY' }).head('files/probe')).rejects.toBeInstanceOf(
      S3Error,
    );
    expect(s3.objects.has('files/probe')).toBe(false);
    const right = new S3Client(cfg);
    await right.put('files/probe', Buffer.from('x'));
    expect(await right.head('files/probe')).toBe(1);
    await right.delete('files/probe');
    expect(await right.head('files/probe')).toBeNull();
    expect(await right.get('files/probe')).toBeNull();
  });
});

describe('S3 file store', () => {
  it('stores an upload as an object, streams a large one back whole, deletes both', async () => {
    const store = storeOf();
    expect(store.kind).toBe('s3');
    // 24 MB (a CSV, so the import purpose takes it): PUT once, read back in many chunks
    const big = Buffer.from(`a,b\n${'1234567,가나다라마바사\n'.repeat(800_000)}`);
    const f = await saveUpload(h.db, store, { buffer: big, filename: 'big.csv', purpose: 'import' });
    expect(f.storage).toBe('s3');
    expect(s3.objects.get(`files/${f.storageKey}`)?.equals(big)).toBe(true);
    expect(existsSync(join(store.dataDir, 'files'))).toBe(false);
    const { body } = await openUpload(h.db, store, f.id);
    const hash = createHash('sha256');
    let chunks = 0;
    let size = 0;
    for await (const c of body) {
      hash.update(c as Buffer);
      size += (c as Buffer).length;
      chunks++;
    }
    expect(size).toBe(big.length);
    expect(hash.digest('hex')).toBe(f.sha256);
    expect(chunks).toBeGreaterThan(10);

    expect(await deleteStoredFiles(h.db, store, eq(files.id, f.id))).toBe(1);
    expect(s3.objects.has(`files/${f.storageKey}`)).toBe(false);
  });

  it('a missing object is a 404; an instance without the S3 settings cannot read S3 files', async () => {
    const store = storeOf();
    const f = await saveUpload(h.db, store, { buffer: TINY_PDF, filename: 'a.pdf', purpose: 'claim' });
    expect((await readUpload(h.db, store, f.id)).buffer.equals(TINY_PDF)).toBe(true);
    await expect(readUpload(h.db, { kind: 'db', dataDir: tempDir() }, f.id)).rejects.toThrow(/S3/);
    s3.objects.delete(`files/${f.storageKey}`);
    await expect(openUpload(h.db, store, f.id)).rejects.toMatchObject({ status: 404 });
  });

  it('maintenance moves files kept in DATA_DIR into the bucket', async () => {
    const dataDir = tempDir();
    const old = await saveUpload(
      h.db,
      { kind: 'local', dataDir },
      {
        buffer: TINY_PDF,
        filename: 'old.pdf',
        purpose: 'claim',
      },
    );
    const store = storeOf(dataDir);
    expect(await moveLocalFiles(h.db, store)).toBe(1);
    const [row] = await h.db.select().from(files).where(eq(files.id, old.id));
    expect(row.storage).toBe('s3');
    expect(readdirSync(join(dataDir, 'files'))).toEqual([]);
    expect((await readUpload(h.db, storeOf(tempDir()), old.id)).buffer.equals(TINY_PDF)).toBe(true);
  });
});

describe('two app instances with the S3 store', () => {
  const apps: FastifyInstance[] = [];
  const handles: DbHandle[] = [];
  /** another instance: its own DATA_DIR and, on server PostgreSQL, its own connection pool */
  async function instance() {
    const handle = h.url ? await openPg(h.url, 5) : h;
    if (h.url) handles.push(handle);
    const config = loadConfig({
      ...process.env,
      ...s3Env(),
      LOG_LEVEL: 'silent',
      SESSION_SECRET: 's'.repeat(40),
      DATA_DIR: tempDir(),
    });
    const app = await buildApp({ config, handle, jobs: new JobRunner(handle.db), rateLimitPerMinute: 0 });
    await app.ready();
    apps.push(app);
    return app;
  }
  afterAll(async () => {
    for (const a of apps) await a.close();
    for (const x of handles) await x.close();
  });

  it('reads through one instance the files uploaded through the other, both ways', async () => {
    await loadDemoWorld(h, { firms: 10 });
    const [a, b] = [await instance(), await instance()];
    const manager = DEMO_ACCOUNTS.find((x) => x.role === 'manager')!;
    const login = await a.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: manager.email, password: DEMO_PASSWORD },
    });
    const s = sessionFrom(a, login);
    const on = (app: FastifyInstance) => (o: InjectOptions) =>
      app.inject({ ...o, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(o.headers ?? {}) } });
    for (const [up, read] of [
      [on(a), on(b)],
      [on(b), on(a)],
    ]) {
      const brn = `10181${String(randomBytes(3).readUIntBE(0, 3) % 100000).padStart(5, '0')}`;
      const csv = Buffer.from(`사업자등록번호,기업명\n${brn},두인스턴스\n`);
      const list = await up({
        method: 'POST',
        url: '/api/companies/import/upload',
        ...(await multipartBody({ file: { buffer: csv, filename: 'members.csv' } })),
      });
      expect(list.statusCode, list.body).toBe(200);
      const [row] = await h.db.select().from(files).where(eq(files.id, list.json().fileId));
      expect(row.storage).toBe('s3');
      const dry = await read({
        method: 'POST',
        url: `/api/companies/import?dryRun=true&fileId=${list.json().fileId}`,
        payload: {},
      });
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json().report).toMatchObject({ total: 1 });
    }
    for (const app of apps) expect(readdirSync(app.deps.config.dataDir)).not.toContain('files');
  });
});

describe('S3 configuration', () => {
  it('needs all of endpoint, bucket and keys, or none; region us-east-1 and virtual-hosted by default', () => {
    const env = { DATA_DIR: '/tmp/itda-s3-config', SESSION_SECRET: 's'.repeat(40) };
    expect(loadConfig(env).files.kind).toBe('local');
    expect(() => loadConfig({ ...env, S3_BUCKET: 'itda' })).toThrow(
      /S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required with S3_BUCKET/,
    );
    expect(() => loadConfig({ ...env, ...s3Env(), S3_SECRET_ACCESS_KEY: '' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ ...env, ...s3Env(), S3_ENDPOINT: 'ftp://x' })).toThrow(/S3_ENDPOINT must be/);
    const { S3_FORCE_PATH_STYLE: _, ...rest } = s3Env();
    expect(loadConfig({ ...env, ...rest, DATABASE_URL: 'postgres://localhost/itda' }).files).toEqual({
      kind: 's3',
      dataDir: '/tmp/itda-s3-config',
      s3: {
        endpoint: s3.endpoint,
        bucket: s3.bucket,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
        region: 'us-east-1',
        forcePathStyle: false,
      },
    });
  });
});
