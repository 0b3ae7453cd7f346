import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Korean and English must carry the same keys, file by file, so no screen falls back silently;
 * and every literal key a screen asks for (`t('…')`) must exist.
 */
const dir = join(import.meta.dirname);
const web = join(dir, '..');
type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;

const pairs: [string, string][] = [[join(dir, 'ko.json'), join(dir, 'en.json')]];
for (const m of readdirSync(join(web, 'modules'))) {
  const i18n = join(web, 'modules', m, 'i18n');
  if (readdirSync(join(web, 'modules', m)).includes('i18n'))
    pairs.push([join(i18n, 'ko.json'), join(i18n, 'en.json')]);
}

/** Source files of the web app, tests excluded. */
function sources(d: string): string[] {
  return readdirSync(d, { withFileTypes: true }).flatMap((e) => {
    const p = join(d, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

describe('i18n resources', () => {
  it.each(pairs)('%s has the same keys in English', (koPath, enPath) => {
    const ko = keys(read(koPath)).sort();
    const en = keys(read(enPath)).sort();
    expect(en.filter((k) => !ko.includes(k))).toEqual([]);
    expect(ko.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('module files do not redefine each other’s top-level keys', () => {
    const seen = new Map<string, string>();
    for (const [koPath] of pairs) {
      for (const k of Object.keys(read(koPath))) {
        expect(seen.get(k), `${k} in ${koPath}`).toBeUndefined();
        seen.set(k, koPath);
      }
    }
  });

  it('every literal t(…) key used in src/web exists', () => {
    const all = new Set(pairs.flatMap(([koPath]) => keys(read(koPath))));
    // i18next plurals: t('x', { count }) reads x_one / x_other
    const exists = (k: string) => all.has(k) || all.has(`${k}_other`);
    const missing: string[] = [];
    let checked = 0;
    for (const file of sources(web)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)) {
        checked++;
        if (!exists(m[1])) missing.push(`${relative(web, file)}: ${m[1]}`);
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(missing).toEqual([]);
  });
});
