// Loads the TypeScript worker entry when running from src (tsx, vitest); the bundled server uses
// dist/server/tabular-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./tabular-worker.ts');
