import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq, type SQL, sql } from 'drizzle-orm';
import { stripUnsafeChars } from '../../shared/validators';
import type { Database } from '../db/client';
import { isStaff } from './actor';
import { AppError, ForbiddenError, NotFoundError } from './errors';
import { files } from './schema';

/**
 * Uploaded files: bytes under `${dataDir}/files/<random hex>` (outside the web root, never served
 * directly), one `files` row with the SHA-256, size, sniffed type and the sanitised original name.
 */
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

/** Stores an upload; 415 `file_type` when its content is not a type the purpose accepts. */
export async function saveUpload(
  db: Database,
  dataDir: string,
  input: { buffer: Buffer; filename: string; ownerId?: string | null; purpose: string; maxBytes?: number },
): Promise<StoredFile> {
  const { buffer, purpose } = input;
  if (buffer.length === 0) throw new AppError(400, 'file_required');
  if (input.maxBytes !== undefined && buffer.length > input.maxBytes)
    throw new AppError(413, 'body_too_large');
  const mime = sniffMime(buffer);
  const accepted = ACCEPTED[purpose];
  if (accepted && !accepted.includes(mime)) throw new AppError(415, 'file_type');
  const key = randomBytes(16).toString('hex');
  await mkdir(join(dataDir, 'files'), { recursive: true, mode: 0o700 });
  const path = storagePath(dataDir, key);
  await writeFile(path, buffer, { flag: 'wx', mode: 0o600 });
  try {
    const [row] = await db
      .insert(files)
      .values({
        ownerId: input.ownerId ?? null,
        purpose,
        originalName: sanitizeFilename(input.filename),
        mime,
        size: buffer.length,
        sha256: createHash('sha256').update(buffer).digest('hex'),
        storageKey: key,
      })
      .returning();
    return row;
  } catch (e) {
    await unlink(path).catch(() => {});
    throw e;
  }
}

/**
 * Reads a stored upload. With `reader`, only the owner or staff may read it (403 otherwise); 404 when the
 * row or its bytes are missing.
 */
export async function readUpload(
  db: Database,
  dataDir: string,
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
  try {
    return { file, buffer: await readFile(storagePath(dataDir, file.storageKey)) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError('file');
    throw e;
  }
}

/**
 * Deletes stored files (rows and bytes) matching `where` — retention of uploads that served their purpose
 * and of orphans never attached to anything. Returns how many went. Bytes already missing are ignored.
 */
export async function deleteStoredFiles(db: Database, dataDir: string, where: SQL): Promise<number> {
  const gone = await db.delete(files).where(where).returning({ id: files.id, key: files.storageKey });
  for (const f of gone) await unlink(storagePath(dataDir, f.key)).catch(() => {});
  return gone.length;
}

/** Uploaded member lists hold personal data: kept this long for re-running or checking an import, then deleted. */
export const IMPORT_RETENTION_DAYS = 30;

/** Member-list uploads older than the retention period. */
export const expiredImportUploads = (): SQL =>
  sql`${files.purpose} = 'import' AND ${files.createdAt} < now() - make_interval(days => ${IMPORT_RETENTION_DAYS})`;
