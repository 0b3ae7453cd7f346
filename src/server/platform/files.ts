import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { stripUnsafeChars } from '../../shared/validators';
import type { Database } from '../db/client';
import { isStaff } from './actor';
import { AppError, ForbiddenError, NotFoundError } from './errors';
import { S3Client, type S3Config } from './files-s3';
import { fileBlobs, files } from './schema';

/**
 * Uploaded files: one `files` row with the SHA-256, size, sniffed type and the sanitised original name;
 * the bytes (never served directly) where the row's `storage` says:
 * - `local`: `${dataDir}/files/<random hex>` — the embedded (PGlite) install, one instance;
 * - `db`: `file_blobs`, parts of at most 1 MB — server PostgreSQL, so every instance reads every file;
 * - `s3`: object `files/<random hex>` in an S3-compatible bucket (S3_* settings, platform/files-s3.ts) —
 *   every instance reads every file, and the database stays small.
 * New uploads go to the configured store (`config.files`); a row keeps the store it was written to, so
 * files kept in DATA_DIR before still read there until maintenance moves them into the database or the
 * bucket (`moveLocalFiles`); `db` files of an install that turned S3 on stay readable where they are.
 */
export interface FileStore {
  kind: 'local' | 'db' | 's3';
  /** DATA_DIR: the `local` store, and where older uploads of a `db` or `s3` install still lie */
  dataDir: string;
  /** the bucket of the `s3` store */
  s3?: S3Config;
}

const s3Clients = new WeakMap<S3Config, S3Client>();
/** The bucket's client; a file kept in S3 cannot be read by an instance without the S3 settings. */
function bucket(store: FileStore): S3Client {
  if (!store.s3)
    throw new Error('a file is kept in S3, but S3_ENDPOINT and the other S3 settings are not set');
  const known = s3Clients.get(store.s3);
  if (known) return known;
  const c = new S3Client(store.s3);
  s3Clients.set(store.s3, c);
  return c;
}
const objectKey = (key: string) => {
  if (!/^[0-9a-f]{32}$/.test(key)) throw new NotFoundError('file');
  return `files/${key}`;
};

/** Size of one `file_blobs` row: reads and writes hold at most this much per statement. */
export const BLOB_PART_BYTES = 1024 * 1024;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';

/** Documents people attach: PDF, images, Office/HWPX (ZIP-based) and HWP/legacy Office (OLE). */
const DOCUMENT_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  XLSX_MIME,
  'application/zip',
  'application/x-ole-storage',
];
/** Types each purpose accepts, by sniffed content (the client's content type and extension are ignored). */
const ACCEPTED: Record<string, string[]> = {
  import: [CSV_MIME, XLSX_MIME],
  /** application documents (제출서류) */
  application: DOCUMENT_TYPES,
  /** call (공고) attachments: 공고문 HWP/PDF, 서식 DOCX/XLSX, ZIP */
  call: DOCUMENT_TYPES,
  /** 사업자등록증 proving a company claim: a PDF or a scan */
  claim: ['application/pdf', 'image/png', 'image/jpeg'],
};

/** Extensions a document may carry, by the type its content is sniffed as (ZIP-based formats look alike). */
const ZIP_FAMILY = ['application/zip', XLSX_MIME];
const DOCUMENT_EXTENSIONS: Record<string, string[]> = {
  pdf: ['application/pdf'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  xlsx: [XLSX_MIME],
  docx: ZIP_FAMILY,
  pptx: ZIP_FAMILY,
  hwpx: ZIP_FAMILY,
  zip: ZIP_FAMILY,
  hwp: ['application/x-ole-storage'],
  doc: ['application/x-ole-storage'],
  xls: ['application/x-ole-storage'],
  ppt: ['application/x-ole-storage'],
};
/** How a sniffed document type is named in messages. */
const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  [XLSX_MIME]: 'XLSX',
  'application/zip': 'ZIP (DOCX·PPTX·HWPX)',
  'application/x-ole-storage': 'HWP·DOC·XLS·PPT',
};

/**
 * A document (application document, call attachment) must be a document type, and its extension must match
 * its sniffed content: 415 `document_type` or `file_extension_mismatch` (not the import's CSV/XLSX message).
 */
function checkDocument(mime: string, filename: string) {
  if (!DOCUMENT_TYPES.includes(mime)) throw new AppError(415, 'document_type');
  const ext = /\.([a-z0-9]{2,5})$/i.exec(filename.trim())?.[1]?.toLowerCase();
  if (!ext || !DOCUMENT_EXTENSIONS[ext]) throw new AppError(415, 'document_type');
  if (!DOCUMENT_EXTENSIONS[ext].includes(mime))
    throw new AppError(415, 'file_extension_mismatch', { ext, type: TYPE_LABELS[mime] ?? mime });
}

export type StoredFile = typeof files.$inferSelect;

const startsWith = (buf: Buffer, bytes: number[]) =>
  buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);

/** The content type from the first bytes: XLSX (a ZIP holding xl/), PDF, images, or text. */
export function sniffMime(buf: Buffer): string {
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) {
    // Entry names are stored uncompressed in the local headers and the central directory.
    return buf.includes('[Content_Types].xml') && buf.includes('xl/') ? XLSX_MIME : 'application/zip';
  }
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46])) return 'application/pdf';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0])) return 'application/x-ole-storage';
  if (startsWith(buf, [0x1f, 0x8b])) return 'application/gzip';
  // UTF-16 text with a BOM (Excel's "Unicode text") has NUL bytes by design.
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) return CSV_MIME;
  const sample = buf.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return 'application/octet-stream';
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  if (sample.length > 0 && control > sample.length / 100) return 'application/octet-stream';
  if (/^\s*<(?:!doctype|html|\?xml)/i.test(sample.subarray(0, 256).toString('latin1'))) return 'text/html';
  return CSV_MIME;
}

/** File name without directories, control characters or characters Windows refuses; at most 200 characters. */
export function sanitizeFilename(name: string): string {
  const base = stripUnsafeChars(name.normalize('NFC')).split(/[\\/]/).pop() ?? '';
  const cleaned = [
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters
    ...base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^[.\s]+/, ''),
  ]
    .slice(0, 200)
    .join('')
    .trim();
  return cleaned || 'upload';
}

const storagePath = (dataDir: string, key: string) => {
  if (!/^[0-9a-f]{32}$/.test(key)) throw new NotFoundError('file');
  return join(dataDir, 'files', key);
};

/**
 * Stores an upload in `store`; 415 `file_type` when its content is not a type the purpose accepts
 * (documents: `document_type`, or `file_extension_mismatch` when the name's extension lies about it).
 */
export async function saveUpload(
  db: Database,
  store: FileStore,
  input: { buffer: Buffer; filename: string; ownerId?: string | null; purpose: string; maxBytes?: number },
): Promise<StoredFile> {
  const { buffer, purpose } = input;
  if (buffer.length === 0) throw new AppError(400, 'file_required');
  if (input.maxBytes !== undefined && buffer.length > input.maxBytes)
    throw new AppError(413, 'body_too_large');
  const mime = sniffMime(buffer);
  const accepted = ACCEPTED[purpose];
  if (accepted === DOCUMENT_TYPES) checkDocument(mime, input.filename);
  else if (accepted && !accepted.includes(mime)) throw new AppError(415, 'file_type');
  const key = randomBytes(16).toString('hex');
  const values = {
    ownerId: input.ownerId ?? null,
    purpose,
    originalName: sanitizeFilename(input.filename),
    mime,
    size: buffer.length,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    storageKey: key,
    storage: store.kind,
  };
  if (store.kind === 'db') {
    // Row and bytes in one transaction: a file is there whole, on every instance, or not at all.
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(files).values(values).returning();
      await writeBlobs(tx, row.id, buffer);
      return row;
    });
  }
  if (store.kind === 's3') {
    // The object first: a row never points at bytes that are not there (an orphan object is removed).
    await bucket(store).put(objectKey(key), buffer, mime);
    try {
      const [row] = await db.insert(files).values(values).returning();
      return row;
    } catch (e) {
      await bucket(store)
        .delete(objectKey(key))
        .catch(() => {});
      throw e;
    }
  }
  const path = await writeLocal(store.dataDir, key, buffer);
  try {
    const [row] = await db.insert(files).values(values).returning();
    return row;
  } catch (e) {
    await unlink(path).catch(() => {});
    throw e;
  }
}

async function writeLocal(dataDir: string, key: string, buffer: Buffer) {
  await mkdir(join(dataDir, 'files'), { recursive: true, mode: 0o700 });
  const path = storagePath(dataDir, key);
  await writeFile(path, buffer, { flag: 'wx', mode: 0o600 });
  return path;
}

async function writeBlobs(tx: Database, fileId: string, buffer: Buffer) {
  for (let part = 0, at = 0; at < buffer.length; part++, at += BLOB_PART_BYTES)
    await tx.insert(fileBlobs).values({ fileId, part, data: buffer.subarray(at, at + BLOB_PART_BYTES) });
}

/** The bytes of a stored file, part by part (at most 1 MB in memory per step for `db` files; `s3` streams). */
export async function* fileParts(db: Database, store: FileStore, file: StoredFile): AsyncGenerator<Buffer> {
  if (file.storage === 's3') {
    const body = await bucket(store).get(objectKey(file.storageKey));
    if (!body) throw new NotFoundError('file');
    for await (const chunk of body) yield chunk as Buffer;
    return;
  }
  if (file.storage === 'db') {
    let part = 0;
    for (;;) {
      const [row] = await db
        .select({ data: fileBlobs.data })
        .from(fileBlobs)
        .where(and(eq(fileBlobs.fileId, file.id), eq(fileBlobs.part, part)));
      if (!row) {
        if (part === 0) throw new NotFoundError('file');
        return;
      }
      yield Buffer.from(row.data);
      part++;
    }
  }
  try {
    yield await readFile(storagePath(store.dataDir, file.storageKey));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('file');
    throw e;
  }
}

/**
 * Reads a stored upload. With `reader`, only the owner or staff may read it (403 otherwise); 404 when the
 * row or its bytes are missing.
 */
export async function readUpload(
  db: Database,
  store: FileStore,
  id: string,
  reader?: { userId?: string; role: string } | string,
): Promise<{ file: StoredFile; buffer: Buffer }> {
  const [file] = await db.select().from(files).where(eq(files.id, id));
  if (!file) throw new NotFoundError('file');
  if (reader !== undefined) {
    const who = typeof reader === 'string' ? { userId: reader, role: 'public' } : reader;
    const staff = isStaff(who as Parameters<typeof isStaff>[0]);
    if (!staff && (!file.ownerId || file.ownerId !== who.userId)) throw new ForbiddenError();
  }
  const parts: Buffer[] = [];
  for await (const p of fileParts(db, store, file)) parts.push(p);
  return { file, buffer: parts.length === 1 ? parts[0] : Buffer.concat(parts, file.size) };
}

/**
 * Opens a stored upload for a download: the first part is read at once (a missing file is a 404 before any
 * byte is sent), the rest streams part by part, so memory per download stays at about 1 MB. 404 also when
 * the file serves another `purpose`.
 */
export async function openUpload(
  db: Database,
  store: FileStore,
  id: string,
  opts: { purpose?: string } = {},
): Promise<{ file: StoredFile; body: Readable }> {
  const [file] = await db.select().from(files).where(eq(files.id, id));
  if (!file || (opts.purpose !== undefined && file.purpose !== opts.purpose)) throw new NotFoundError('file');
  const parts = fileParts(db, store, file);
  const first = await parts.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* parts;
  }
  return { file, body: Readable.from(all()) };
}

/**
 * Deletes stored files (rows and bytes) matching `where` — retention of uploads that served their purpose
 * and of orphans never attached to anything. Returns how many went. Bytes already missing are ignored;
 * `file_blobs` rows go with their file (ON DELETE CASCADE).
 */
export async function deleteStoredFiles(db: Database, store: FileStore, where: SQL): Promise<number> {
  const gone = await db
    .delete(files)
    .where(where)
    .returning({ id: files.id, key: files.storageKey, storage: files.storage });
  for (const f of gone) {
    if (f.storage === 'local') await unlink(storagePath(store.dataDir, f.key)).catch(() => {});
    if (f.storage === 's3')
      await bucket(store)
        .delete(objectKey(f.key))
        .catch(() => {});
  }
  return gone.length;
}

/**
 * Moves uploads still in this instance's DATA_DIR into the database (`db` store) or the bucket (`s3`), at
 * most `limit` per run: an install that kept files locally before. Each file is locked while it moves (SKIP
 * LOCKED: instances share the work); files this instance does not have are left to the one that does.
 * Returns how many moved.
 */
export async function moveLocalFiles(db: Database, store: FileStore, limit = 1000): Promise<number> {
  if (store.kind === 'local') return 0;
  let names: string[];
  try {
    names = (await readdir(join(store.dataDir, 'files'))).filter((n) => /^[0-9a-f]{32}$/.test(n));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  let moved = 0;
  for (let i = 0; i < names.length && moved < limit; i += 1000) {
    const rows = await db
      .select({ id: files.id })
      .from(files)
      .where(and(eq(files.storage, 'local'), inArray(files.storageKey, names.slice(i, i + 1000))))
      .limit(limit - moved);
    for (const { id } of rows) {
      const key = await db.transaction(async (tx) => {
        const [f] = await tx
          .select()
          .from(files)
          .where(and(eq(files.id, id), eq(files.storage, 'local')))
          .for('update', { skipLocked: true });
        if (!f) return null;
        const buffer = await readFile(storagePath(store.dataDir, f.storageKey));
        if (store.kind === 's3') await bucket(store).put(objectKey(f.storageKey), buffer, f.mime);
        else await writeBlobs(tx, f.id, buffer);
        await tx.update(files).set({ storage: store.kind }).where(eq(files.id, f.id));
        return f.storageKey;
      });
      if (!key) continue;
      moved++;
      await unlink(storagePath(store.dataDir, key)).catch(() => {});
    }
  }
  return moved;
}

/** Uploaded member lists hold personal data: kept this long for re-running or checking an import, then deleted. */
export const IMPORT_RETENTION_DAYS = 30;

/** Member-list uploads older than the retention period. */
export const expiredImportUploads = (): SQL =>
  sql`${files.purpose} = 'import' AND ${files.createdAt} < now() - make_interval(days => ${IMPORT_RETENTION_DAYS})`;
