import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One clock (README, design decisions): deadlines, expiries, timestamps written to the database and
 * "now" in rules come from the database's now(). The app's clock is read only in the places listed
 * here (test helpers under src/server/test are not scanned); a new `Date.now()` or `new Date()` elsewhere in the server fails this test.
 */
const APP_CLOCK_ALLOWED: Record<string, number> = {
  // start-up timer printed by `npm start`
  'main.ts': 2,
  // download file names (a date stamp; no query to fold the database's date into)
  'modules/companies/export.ts': 1,
  'modules/diagnosis/routes.ts': 1,
  // defaults of pure parsing helpers; the import passes the database's date (runImport)
  'modules/companies/import-parse.ts': 2,
  // SigV4 request time of the S3 file store: the object store checks it against its own clock
  'platform/files-s3.ts': 1,
};

const root = join(__dirname, '..');
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' || e.name === 'test' ? [] : sources(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('one clock', () => {
  it('reads the app clock only where the README allows it', () => {
    const found: Record<string, number> = {};
    for (const file of sources(root)) {
      const n = readFileSync(file, 'utf8').match(/Date\.now\(\)|new Date\(\)/g)?.length ?? 0;
      if (n) found[relative(root, file).replaceAll('\\', '/')] = n;
    }
    for (const [file, n] of Object.entries(found)) {
      expect(n, `${file}: Date.now()/new Date() — use the database's now()`).toBeLessThanOrEqual(
        APP_CLOCK_ALLOWED[file] ?? 0,
      );
    }
  });
});
