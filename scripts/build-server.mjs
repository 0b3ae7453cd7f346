// Bundles the server (src/server/main.ts) into dist/server/main.js; npm packages stay external.

import { cpSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

await build({
  entryPoints: ['src/server/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: 'dist/server/main.js',
  sourcemap: true,
  logLevel: 'warning',
});
rmSync('dist/server/migrations', { recursive: true, force: true });
cpSync('src/server/db/migrations', 'dist/server/migrations', { recursive: true });
console.log('server bundled: dist/server/main.js');
