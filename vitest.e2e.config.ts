import os from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two files at a time (each its own server, data directory and Chromium; pages wait on the server and the
    // browser in turn): 151 → 98 s on 2 cores (docs/benchmarks.md § Tests). More would only queue on 2 cores.
    fileParallelism: true,
    maxWorkers: Math.min(2, os.availableParallelism()),
  },
});
