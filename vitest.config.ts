import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default (cores − 1) runs one file at a time on 2 cores; the test files wait on their
    // databases often enough that 2 at a time are faster there (≈ 20 % measured)
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 120_000,
          pool: 'forks',
          // the files of a worker share its imports (fastify, drizzle, PGlite's compiled wasm…): about half
          // the run's CPU time. Safe because nothing registers on import (module registries are data)
          // and tests restore what they change (fake timers are reset in afterEach)
          isolate: false,
          // migrates once and hands each test file a copy (src/server/test/snapshots.ts)
          globalSetup: ['src/server/test/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
