import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropTemplates, MIGRATED, newRun, snapshot } from './snapshots';

/**
 * The unit project's globalSetup: builds the run's migrated snapshot once and hands the test files its
 * whereabouts (`inject('itdaSnapshots')`, src/server/test/db.ts); the demo-world snapshots follow on
 * demand. At the end, the run's temporary directory and server templates are removed.
 */
export default async function setup(project: TestProject) {
  // directories of runs that were killed before their teardown, a day ago or more
  for (const d of readdirSync(tmpdir())) {
    const path = join(tmpdir(), d);
    if (d.startsWith('itda-snapshots-') && Date.now() - statSync(path).mtimeMs > 24 * 3600_000)
      rmSync(path, { recursive: true, force: true });
  }
  const run = newRun(mkdtempSync(join(tmpdir(), 'itda-snapshots-')));
  await dropTemplates(run, { stale: true });
  await snapshot(run, MIGRATED);
  project.provide('itdaSnapshots', run);
  return async () => {
    await dropTemplates(run, { stale: false });
    rmSync(run.dir, { recursive: true, force: true });
  };
}
