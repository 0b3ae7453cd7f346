import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Korean and English must carry the same keys, file by file, so no screen falls back silently. */
const dir = join(import.meta.dirname);
type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;

const pairs: [string, string][] = [[join(dir, 'ko.json'), join(dir, 'en.json')]];
for (const f of readdirSync(join(dir, 'domains'))) {
  if (f.endsWith('.ko.json'))
    pairs.push([join(dir, 'domains', f), join(dir, 'domains', f.replace('.ko.', '.en.'))]);
}

describe('i18n resources', () => {
  it.each(pairs)('%s has the same keys in English', (koPath, enPath) => {
    const ko = keys(read(koPath)).sort();
    const en = keys(read(enPath)).sort();
    expect(en.filter((k) => !ko.includes(k))).toEqual([]);
    expect(ko.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('domain files do not redefine each other’s top-level keys', () => {
    const seen = new Map<string, string>();
    for (const [koPath] of pairs) {
      for (const k of Object.keys(read(koPath))) {
        expect(seen.get(k), `${k} in ${koPath}`).toBeUndefined();
        seen.set(k, koPath);
      }
    }
  });
});
