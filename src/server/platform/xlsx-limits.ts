import { constants, inflateRawSync } from 'node:zlib';
import { AppError } from './errors';

/**
 * Refuses an XLSX "bomb" before it is parsed: a 1.4 MB upload can unzip to 350 MB of sheet XML and take
 * gigabytes to parse. Reads only the ZIP's central directory (declared sizes) and the first bytes of
 * each worksheet (its declared dimension); nothing else is inflated. Limits, in bytes and cells:
 */
export const XLSX_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
export const XLSX_MAX_CELLS = 2_000_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** how much of a worksheet's compressed data is inflated to find `<dimension ref="…">` */
const DIMENSION_PEEK = 1024;
/** at most this much comes out of it (deflate cannot exceed ~1,032:1, so this is a guard, not a limit) */
const DIMENSION_PEEK_OUT = 2 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

function notXlsx(): Error {
  return new Error('file_type');
}

/** The entries of a ZIP file's central directory. Throws Error('file_type') when there is none. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx();
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw notXlsx();
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      // 0xFFFFFFFF means ZIP64 (over 4 GB): counted as such, which is over any limit
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** Cells in a dimension such as "A1:Q26001" (or "A1"); null when absent or unreadable. */
export function dimensionCells(ref: string): number | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const [c1, r1] = [columnNumber(m[1]), Number(m[2])];
  const [c2, r2] = m[3] ? [columnNumber(m[3]), Number(m[4])] : [c1, r1];
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

/** The worksheet's declared `<dimension ref>`, from the first compressed bytes only. */
function declaredDimension(buf: Buffer, e: ZipEntry): string | null {
  const data = entryData(buf, e);
  if (!data) return null;
  const head = data.subarray(0, DIMENSION_PEEK);
  let text: string;
  try {
    text =
      e.method === 0
        ? head.toString('utf8')
        : e.method === 8
          ? inflateRawSync(head, {
              finishFlush: constants.Z_SYNC_FLUSH,
              maxOutputLength: DIMENSION_PEEK_OUT,
            }).toString('utf8')
          : '';
  } catch {
    return null;
  }
  return /<(?:\w+:)?dimension\s+ref="([^"]+)"/.exec(text)?.[1] ?? null;
}

/** Where an entry's compressed data lies (after its local header), or null when the header is not there. */
function entryData(buf: Buffer, e: ZipEntry): Buffer | null {
  if (e.localOffset + 30 > buf.length || buf.readUInt32LE(e.localOffset) !== LOCAL) return null;
  const start =
    e.localOffset + 30 + buf.readUInt16LE(e.localOffset + 26) + buf.readUInt16LE(e.localOffset + 28);
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * The sizes a ZIP declares may lie (an entry claiming 1 KB that unzips to 350 MB). Before the workbook is
 * parsed (in the worker thread), every entry is inflated with a `maxOutputLength` of what is left of the
 * limit, so the real total can never pass it: 413 xlsx_too_large as soon as it would. Damaged entries are
 * left to the parser.
 */
export function checkXlsxInflatedSize(buf: Buffer, limitBytes = XLSX_MAX_UNCOMPRESSED_BYTES): void {
  let total = 0;
  const limitMb = Math.round(limitBytes / 1024 / 1024);
  for (const e of zipEntries(buf)) {
    const data = entryData(buf, e);
    if (!data) continue;
    if (e.method === 0) total += data.length;
    else if (e.method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limitBytes - total) }).length;
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw new AppError(413, 'xlsx_too_large', { mb: `${limitMb}+`, limitMb });
      }
    }
    if (total > limitBytes) throw new AppError(413, 'xlsx_too_large', { mb: `${limitMb}+`, limitMb });
  }
}

/** Throws a 413 (xlsx_too_large or xlsx_too_many_cells) when the workbook is over the limits. */
export function checkXlsxLimits(
  buf: Buffer,
  limits = { bytes: XLSX_MAX_UNCOMPRESSED_BYTES, cells: XLSX_MAX_CELLS },
): void {
  const entries = zipEntries(buf);
  const total = entries.reduce((n, e) => n + (e.size === 0xffffffff ? Number.POSITIVE_INFINITY : e.size), 0);
  if (total > limits.bytes) {
    const mb = Number.isFinite(total) ? Math.ceil(total / 1024 / 1024) : '4,096+';
    throw new AppError(413, 'xlsx_too_large', { mb, limitMb: Math.round(limits.bytes / 1024 / 1024) });
  }
  let cells = 0;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const ref = declaredDimension(buf, e);
    cells += (ref && dimensionCells(ref)) || 0;
  }
  if (cells > limits.cells)
    throw new AppError(413, 'xlsx_too_many_cells', {
      cells: cells.toLocaleString('en-US'),
      limit: limits.cells.toLocaleString('en-US'),
    });
}
