// Bundles the server (src/server/main.ts) into dist/server/main.js; npm packages stay external.

import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Two entry points: the server, and the worker thread that parses and builds tabular files
// (platform/tabular-pool.ts loads dist/server/tabular-worker.js, next to main.js).
await build({
  entryPoints: { main: 'src/server/main.ts', 'tabular-worker': 'src/server/platform/tabular-worker.ts' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir: 'dist/server',
  sourcemap: true,
  logLevel: 'warning',
});
rmSync('dist/server/migrations', { recursive: true, force: true });
cpSync('src/server/db/migrations', 'dist/server/migrations', { recursive: true });
console.log('server bundled: dist/server/main.js, dist/server/tabular-worker.js');
