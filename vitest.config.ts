import os from 'node:os';
import { defineConfig } from 'vitest/config';

// Unit and integration tests. Browser tests live in test/e2e and run with `npm run test:e2e`.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One migrated embedded database, copied by every test that opens one (test/helpers/stateDbs.ts).
    globalSetup: ['test/helpers/globalSetup.ts'],
    // A worker per core: Vitest's default leaves one core to its main process, which on a 2-core machine means
    // one file at a time. Many files wait on child processes, PGlite or the disk, so two at a time finish the
    // suite in four-fifths of the time (215 → 172 s measured on 2 cores, docs/benchmarks.md § Tests).
    maxWorkers: os.availableParallelism(),
  },
});
