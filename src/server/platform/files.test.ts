import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/client';
import { freshDatabase } from '../test/db';
import { TINY_PDF } from '../test/multipart';
import { AppError } from './errors';
import {
  BLOB_PART_BYTES,
  deleteStoredFiles,
  type FileStore,
  moveLocalFiles,
  openUpload,
  readUpload,
  saveUpload,
} from './files';
import { message } from './messages';
import { files } from './schema';

let h: DbHandle;
let dataDir: string;
let local: FileStore;
let inDb: FileStore;
beforeAll(async () => {
  h = await freshDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'itda-files-'));
  local = { kind: 'local', dataDir };
  inDb = { kind: 'db', dataDir };
});
afterAll(async () => {
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A PDF of `size` bytes with varied content (so a part boundary mix-up would show). */
const bigPdf = (size: number) => {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i++) b[i] = (i * 7919) % 251;
  TINY_PDF.copy(b, 0, 0, 8);
  return b;
};
const blobParts = async (id: string) =>
  (await h.query<{ n: number }>('SELECT count(*)::int AS n FROM file_blobs WHERE file_id = $1', [id]))[0].n;

const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
};

describe('file store in the database (server PostgreSQL installs)', () => {
  it('keeps the bytes in 1 MB parts, reads them back whole, deletes them with the row', async () => {
    const buf = bigPdf(2 * BLOB_PART_BYTES + 12_345);
    const f = await saveUpload(h.db, inDb, { buffer: buf, filename: 'big.pdf', purpose: 'application' });
    expect(f.storage).toBe('db');
    expect(existsSync(join(dataDir, 'files', f.storageKey))).toBe(false);
    expect(await blobParts(f.id)).toBe(3);
    const back = await readUpload(h.db, inDb, f.id);
    expect(back.buffer.equals(buf)).toBe(true);
    // Another instance has another DATA_DIR: it still reads the file.
    const elsewhere = await readUpload(h.db, { kind: 'db', dataDir: '/nonexistent' }, f.id);
    expect(elsewhere.buffer.equals(buf)).toBe(true);
    expect(await deleteStoredFiles(h.db, inDb, eq(files.id, f.id))).toBe(1);
    expect(await blobParts(f.id)).toBe(0);
  });

  it('reads files kept in DATA_DIR before, and maintenance moves them into the database', async () => {
    const old = await saveUpload(h.db, local, {
      buffer: TINY_PDF,
      filename: 'old.pdf',
      purpose: 'application',
    });
    expect(old.storage).toBe('local');
    expect((await readUpload(h.db, inDb, old.id)).buffer.equals(TINY_PDF)).toBe(true);
    // a file this instance does not have (another instance's DATA_DIR) is left alone
    const other = await saveUpload(
      h.db,
      { kind: 'local', dataDir: mkdtempSync(join(tmpdir(), 'itda-o-')) },
      {
        buffer: TINY_PDF,
        filename: 'other.pdf',
        purpose: 'application',
      },
    );
    writeFileSync(join(dataDir, 'files', 'f'.repeat(32)), 'orphan without a row');
    expect(await moveLocalFiles(h.db, local)).toBe(0);
    expect(await moveLocalFiles(h.db, inDb)).toBe(1);
    const [moved] = await h.db.select().from(files).where(eq(files.id, old.id));
    expect(moved.storage).toBe('db');
    expect(existsSync(join(dataDir, 'files', old.storageKey))).toBe(false);
    expect(
      (await readUpload(h.db, { kind: 'db', dataDir: '/nonexistent' }, old.id)).buffer.equals(TINY_PDF),
    ).toBe(true);
    const [left] = await h.db.select().from(files).where(eq(files.id, other.id));
    expect(left.storage).toBe('local');
    expect(await moveLocalFiles(h.db, inDb)).toBe(0);
  });

  it('streams a download part by part, and answers 404 before streaming when the file is missing', async () => {
    const buf = bigPdf(BLOB_PART_BYTES + 10);
    const f = await saveUpload(h.db, inDb, { buffer: buf, filename: 'two.pdf', purpose: 'call' });
    const { file, body } = await openUpload(h.db, inDb, f.id, { purpose: 'call' });
    expect(file.id).toBe(f.id);
    const chunks: Buffer[] = [];
    for await (const c of body) chunks.push(c as Buffer);
    expect(chunks.map((c) => c.length)).toEqual([BLOB_PART_BYTES, 10]);
    expect(Buffer.concat(chunks).equals(buf)).toBe(true);
    expect((await refusal(openUpload(h.db, inDb, f.id, { purpose: 'application' }))).status).toBe(404);
    await h.query('DELETE FROM file_blobs WHERE file_id = $1', [f.id]);
    expect((await refusal(openUpload(h.db, inDb, f.id))).status).toBe(404);
  });

  it('answers 404 when the bytes are gone', async () => {
    const f = await saveUpload(h.db, inDb, { buffer: TINY_PDF, filename: 'a.pdf', purpose: 'application' });
    await h.query('DELETE FROM file_blobs WHERE file_id = $1', [f.id]);
    expect((await refusal(readUpload(h.db, inDb, f.id))).status).toBe(404);
  });
});

describe('document uploads: the extension must match the sniffed type', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('word/document.xml')]);

  it('accepts documents whose name and content agree', async () => {
    for (const [buffer, filename] of [
      [TINY_PDF, '사업자등록증.PDF'],
      [png, 'scan.png'],
      [ole, '사업계획서.hwp'],
      [ole, 'old.doc'],
      [zip, '서식.docx'],
      [zip, '공고문.hwpx'],
      [zip, 'bundle.zip'],
    ] as const)
      expect((await saveUpload(h.db, inDb, { buffer, filename, purpose: 'call' })).mime).toBeTruthy();
  });

  it('refuses a PNG named .pdf with file_extension_mismatch, naming both', async () => {
    const e = await refusal(
      saveUpload(h.db, inDb, { buffer: png, filename: '통장사본.pdf', purpose: 'application' }),
    );
    expect([e.status, e.code]).toEqual([415, 'file_extension_mismatch']);
    expect(message(e.code, 'ko', e.params)).toBe(
      '파일 이름의 확장자(.pdf)가 파일 내용(PNG)과 맞지 않습니다. 올바른 확장자로 저장한 뒤 다시 올려 주세요.',
    );
    const hwp = await refusal(
      saveUpload(h.db, inDb, { buffer: TINY_PDF, filename: 'plan.hwp', purpose: 'call' }),
    );
    expect([hwp.code, hwp.params]).toEqual(['file_extension_mismatch', { ext: 'hwp', type: 'PDF' }]);
  });

  it('refuses other content, or no known extension, with the document message (not the import’s CSV/XLSX)', async () => {
    for (const [buffer, filename] of [
      [Buffer.from('<html><script>alert(1)</script></html>'), 'page.pdf'],
      [Buffer.from('a,b\n1,2\n'), 'list.csv'],
      [TINY_PDF, 'noextension'],
      [TINY_PDF, 'report.exe'],
    ] as const) {
      const e = await refusal(saveUpload(h.db, inDb, { buffer, filename, purpose: 'application' }));
      expect([e.status, e.code]).toEqual([415, 'document_type']);
    }
    expect(message('document_type', 'ko')).not.toMatch(/CSV/);
    // imports keep their own rule and message
    const imp = await refusal(
      saveUpload(h.db, inDb, { buffer: TINY_PDF, filename: 'members.csv', purpose: 'import' }),
    );
    expect(imp.code).toBe('file_type');
  });
});
