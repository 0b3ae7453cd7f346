import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Lints one source string as a file beside `path` (biome.json's per-folder import rules); the fixture
 * file is removed at once.
 */
function lint(path: string, source: string) {
  const bin = join(process.cwd(), 'node_modules', '.bin', 'biome');
  const file = join(dirname(path), `lint-fixture-${randomUUID()}.ts`);
  writeFileSync(file, source);
  try {
    const r = spawnSync(bin, ['lint', '--vcs-use-ignore-file=false', file], { encoding: 'utf8' });
    return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(file, { force: true });
  }
}

describe('module boundaries (lint)', () => {
  it("refuses another module's internals, platform importing modules and the web importing non-contract code", () => {
    const internals = lint(
      'src/server/modules/diagnosis/x.ts',
      "import { companies } from '../companies/schema';\nexport const x = companies;\n",
    );
    expect(internals.ok).toBe(false);
    expect(internals.out).toContain('noRestrictedImports');
    expect(
      lint('src/server/platform/x.ts', "import { modules } from '../modules';\nexport const x = modules;\n")
        .ok,
    ).toBe(false);
    expect(
      lint('src/web/x.ts', "import { x } from '../server/modules/programs/service';\nexport const y = x;\n")
        .ok,
    ).toBe(false);
  });

  it("allows another module's index and contract files", () => {
    expect(
      lint(
        'src/server/modules/diagnosis/x.ts',
        "import { companiesModule } from '../companies';\nexport const x = companiesModule;\n",
      ).ok,
    ).toBe(true);
    expect(
      lint(
        'src/web/x.ts',
        "import { x } from '../server/modules/programs/form-contract';\nexport const y = x;\n",
      ).ok,
    ).toBe(true);
  });
});
