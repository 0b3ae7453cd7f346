import { describe, expect, it } from 'vitest';
import { xlsxBomb } from '../test/zip';
import { AppError } from './errors';
import { readTable, writeXlsx } from './tabular';
import {
  checkXlsxInflatedSize,
  checkXlsxLimits,
  dimensionCells,
  XLSX_MAX_UNCOMPRESSED_BYTES,
  zipEntries,
} from './xlsx-limits';

/** A ZIP whose local and central headers declare every entry 1 KB uncompressed, whatever the truth. */
function lyingSizes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt32LE(1024, i + 22);
    else if (sig === 0x02014b50) out.writeUInt32LE(1024, i + 24);
  }
  return out;
}

const refusal = (f: () => void) => {
  try {
    f();
  } catch (e) {
    return e;
  }
  return null;
};

describe('XLSX limits (checked before parsing)', () => {
  it('reads declared sizes from the central directory and dimensions as cell counts', async () => {
    const buf = await writeXlsx('목록', ['a', 'b', 'c'], [[1, 2, 3]]);
    const names = zipEntries(buf).map((e) => e.name);
    expect(names).toContain('xl/worksheets/sheet1.xml');
    expect(() => checkXlsxLimits(buf)).not.toThrow();
    expect(dimensionCells('A1:Q26001')).toBe(17 * 26001);
    expect(dimensionCells('B2')).toBe(1);
    expect(dimensionCells('A1:XFD1048576')).toBe(16384 * 1048576);
    expect(dimensionCells('nonsense')).toBeNull();
  });

  it('a big workbook is built in the worker (rows sent in slices) and reads back whole', async () => {
    const rows = Array.from({ length: 5_001 }, (_, i) => [`기업${i}`, i]);
    const buf = await writeXlsx('큰 목록', ['기업명', '번호'], rows);
    const t = await readTable(buf, 'big.xlsx');
    expect(t.rows).toHaveLength(5_001);
    expect(t.rows[0]).toEqual(['기업0', '0']);
    expect(t.rows[5_000]).toEqual(['기업5000', '5000']);
  });

  it('a small hand-made workbook still reads (in the worker thread)', async () => {
    const t = await readTable(xlsxBomb({}), 'a.xlsx');
    expect(t).toMatchObject({ format: 'xlsx', headers: ['사업자등록번호', '기업명'], rows: [] });
  });

  it('refuses a sheet that unzips past the limit, with sizes in the error', () => {
    const bomb = xlsxBomb({ padBytes: XLSX_MAX_UNCOMPRESSED_BYTES + 1 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const e = refusal(() => checkXlsxLimits(bomb)) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ status: 413, code: 'xlsx_too_large', params: { mb: 101, limitMb: 100 } });
  });

  it('refuses a declared dimension over the cell limit', () => {
    const e = refusal(() => checkXlsxLimits(xlsxBomb({ dimension: 'A1:XFD1048576' }))) as AppError;
    expect(e).toMatchObject({ status: 413, code: 'xlsx_too_many_cells' });
    expect(() => checkXlsxLimits(xlsxBomb({ dimension: 'A1:T100000' }))).not.toThrow();
  });

  it('a ZIP without a central directory is not a table', () => {
    expect(() => checkXlsxLimits(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toThrow('file_type');
  });

  it('a ZIP lying about its sizes passes the declared check but is refused when inflated (bounded output)', async () => {
    const liar = lyingSizes(xlsxBomb({ padBytes: XLSX_MAX_UNCOMPRESSED_BYTES + 1 }));
    expect(() => checkXlsxLimits(liar)).not.toThrow();
    const e = refusal(() => checkXlsxInflatedSize(liar)) as AppError;
    expect(e).toMatchObject({ status: 413, code: 'xlsx_too_large', params: { mb: '100+', limitMb: 100 } });
    // the same refusal from the parser (worker thread), before the workbook is read
    await expect(readTable(liar, 'liar.xlsx')).rejects.toMatchObject({ status: 413, code: 'xlsx_too_large' });
    expect(() => checkXlsxInflatedSize(xlsxBomb({ padBytes: 1024 * 1024 }))).not.toThrow();
  });
});
